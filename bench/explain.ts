// EXPLAIN (ANALYZE, BUFFERS) of the statements the registry sends for one request of each workload, captured live.
import { Client } from 'pg';

import { connectDatabase, startApp } from '../server/app';
import { loadConfig } from '../server/config';
import { BENCH_SESSION_SECRET } from './accounts';
import type { Workload } from './workloads';

export interface StatementPlan {
  sql: string;
  executionMs: number;
  /** The statement that costs the most: the one whose plan must use indexes. */
  main: boolean;
  plan: string;
}

interface KnexQuery {
  sql: string;
  bindings?: unknown[];
}

export async function captureExplains(
  databaseUrl: string,
  workloads: Workload[],
  integratorToken: string,
  today: string,
): Promise<Record<string, StatementPlan[]>> {
  const config = loadConfig({
    port: 0,
    host: '127.0.0.1',
    production: true,
    loadDemoData: false,
    today,
    sessionSecret: BENCH_SESSION_SECRET,
    rateLimitPerMinute: 0,
    rateLimitPerIpPerMinute: 0,
  });
  const orm = await connectDatabase(databaseUrl, config);
  const knex = orm.em.getConnection().getKnex();
  let captured: KnexQuery[] = [];
  knex.on('query', (query: KnexQuery) => captured.push({ sql: query.sql, bindings: query.bindings }));
  const app = await startApp(orm, config);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const explains: Record<string, StatementPlan[]> = {};
  try {
    for (const workload of workloads) {
      const send = (n: number) =>
        fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${integratorToken}` },
          body: JSON.stringify(workload.api(n)),
        }).then((response) => response.text());
      await send(1);
      captured = [];
      await send(2);
      const statements = captured.filter((query) => !/from "api_token"/.test(query.sql));
      const plans: StatementPlan[] = [];
      for (const statement of statements) {
        const native = knex
          .raw(statement.sql, (statement.bindings ?? []) as never[])
          .toSQL()
          .toNative();
        const explained = async (format: string) =>
          (await client.query(`explain (analyze, buffers${format}) ${native.sql}`, native.bindings as unknown[])).rows;
        const [json] = await explained(', format json');
        const executionMs = (json['QUERY PLAN'] as { 'Execution Time': number }[])[0]['Execution Time'];
        const text = (await explained('')).map((row) => row['QUERY PLAN'] as string).join('\n');
        plans.push({ sql: native.sql, executionMs, main: false, plan: text });
      }
      const slowest = plans.reduce<StatementPlan | undefined>(
        (worst, plan) => (!worst || plan.executionMs > worst.executionMs ? plan : worst),
        undefined,
      );
      if (slowest) slowest.main = true;
      explains[workload.name] = plans;
    }
  } finally {
    await client.end();
    await app.stop();
    await orm.close();
  }
  return explains;
}
