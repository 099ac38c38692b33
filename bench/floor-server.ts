// The floor: each workload's answer by the best hand-written SQL, one round trip, behind the thinnest HTTP server.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

import { Pool } from 'pg';

import { FLOOR_SQL, FLOOR_W5_SQL, FLOOR_W6_SQL, floorSearchSql, likePattern, OVERSIGHT_RANGE } from './workloads';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const today = process.env.TODAY ?? new Date().toISOString().slice(0, 10);
const dueSoonDays = Number(process.env.DUE_SOON_DAYS ?? 7);
const timeZone = process.env.TZ_REGISTRY ?? 'Asia/Ho_Chi_Minh';
const editorUuid = process.env.BENCH_EDITOR_UUID ?? null;

// Prepared on each connection, as the registry prepares its look-ups: PostgreSQL parses and plans a statement a few
// times, then keeps a generic plan where it judges it as good. Unprepared, W2's statement spent ~2.5 ms planning for
// ~4 ms executing.
const statementNames = new Map<string, string>();
function query<R extends Record<string, unknown>>(text: string, values: unknown[]) {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `floor_${statementNames.size + 1}`));
  return pool.query<R>({ name, text, values });
}

async function answer(route: string, body: Record<string, string>): Promise<string> {
  if (route === 'W6') {
    const taskUuid = randomUUID();
    const { rows } = await query<{ answer: string }>(FLOOR_W6_SQL, [
      taskUuid,
      body.key,
      body.title,
      '2026-12-31',
      randomUUID(),
      body.lead,
      randomUUID(),
      body.coordinator,
      editorUuid,
    ]);
    return rows[0].answer;
  }
  if (route === 'W5') {
    const { rows } = await query<{ answer: string }>(FLOOR_W5_SQL, [
      body.key,
      today,
      OVERSIGHT_RANGE.from,
      OVERSIGHT_RANGE.to,
      dueSoonDays,
      timeZone,
    ]);
    return rows[0].answer;
  }
  if (route === 'W4') {
    const words = body.key.trim().split(/\s+/).filter(Boolean);
    const { rows } = await query<{ answer: string }>(floorSearchSql(words.length), words.map(likePattern));
    return rows[0].answer;
  }
  const sql = FLOOR_SQL[route as keyof typeof FLOOR_SQL];
  if (!sql) throw new Error(`no floor for ${route}`);
  // PostgreSQL refuses parameters a statement does not use: W1 reads no dates.
  const parameters = route === 'W1' ? [body.key] : [body.key, today, dueSoonDays, timeZone];
  const { rows } = await query<{ answer: string }>(sql, parameters);
  return rows[0]?.answer ?? 'null';
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const route = (request.url ?? '/').slice(1);
    answer(route, JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'))
      .then((json) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(`{"data":${json}}`);
      })
      .catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ errors: [{ message: String(error) }] }));
      });
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`floor ready on ${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
