// npm run bench -- … is long; this answers "how long does one request of each workload take, and where does it go".
import { Client } from 'pg';

import { connectDatabase, startApp } from '../server/app';
import { loadConfig } from '../server/config';
import { BENCH_SESSION_SECRET, BENCH_TODAY, headersFor, prepareBenchAccounts } from './accounts';
import { openBenchDatabase, scaleArgument } from './bench-database';
import { drawParameters, removeWrittenTasks, workloads } from './workloads';

async function main(): Promise<void> {
  const scale = scaleArgument();
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : undefined;
  const database = await openBenchDatabase(scale);
  const client = new Client({ connectionString: database.url });
  await client.connect();
  const accounts = await prepareBenchAccounts(client);
  const plans = workloads(await drawParameters(client)).filter((workload) => (only ? only.includes(workload.name) : !workload.writes));
  const config = loadConfig({
    port: 0,
    host: '127.0.0.1',
    production: true,
    loadDemoData: false,
    today: BENCH_TODAY,
    sessionSecret: BENCH_SESSION_SECRET,
    rateLimitPerMinute: 0,
    rateLimitPerIpPerMinute: 0,
  });
  const orm = await connectDatabase(database.url, config);
  const knex = orm.em.getConnection().getKnex();
  const timings = new Map<string, number>();
  const log = process.argv.includes('--sql');
  const iterations = process.argv.includes('--iterations') ? Number(process.argv[process.argv.indexOf('--iterations') + 1]) : 20;
  knex.on('query', (query: { __knexQueryUid: string; sql: string }) => {
    if (!log) return;
    timings.set(query.__knexQueryUid, performance.now());
    console.log('   SQL', query.sql.slice(0, 300));
  });
  knex.on('query-response', (_response: unknown, query: { __knexQueryUid: string }) => {
    const started = timings.get(query.__knexQueryUid);
    timings.delete(query.__knexQueryUid);
    if (log && started) console.log(`   … ${(performance.now() - started).toFixed(1)} ms`);
  });
  const app = await startApp(orm, config);
  for (const workload of plans) {
    const times: number[] = [];
    for (let n = 0; n < iterations; n++) {
      const started = performance.now();
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...headersFor(accounts, workload.writes),
        },
        body: JSON.stringify(workload.api(n)),
      });
      const body = await response.text();
      times.push(performance.now() - started);
      if (n === 0) console.log(workload.name, response.status, response.headers.get('x-sql-statements'), body.length, body.slice(0, 200));
    }
    times.sort((a, b) => a - b);
    console.log(`${workload.name}: median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, min ${times[0].toFixed(1)} ms`);
  }
  await app.stop();
  await orm.close();
  if (plans.some((workload) => workload.writes)) await removeWrittenTasks(client);
  await client.end();
  await database.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
