// npm run bench:compare -- --scale S --before <built main.js> [--after <built main.js>] [--only W2,W3,W6] [--rounds 6]
//   [--after-node-options "--max-semi-space-size=32"]
//
// Two builds of the registry under the same workload, side by side: short runs of each in turn (A B B A A B …), so that
// the load other tenants put on a shared machine weighs on both alike. Reports the median CPU per request of each
// build's Node process and of PostgreSQL, and its median throughput. Without --after, the working tree is built. A
// single `npm run bench` moves ±15–40 % from one run to the next on these machines; this is how a change is measured
// (docs/performance.md).
import { Client } from 'pg';

import { BENCH_SESSION_SECRET, BENCH_TODAY, headersFor, prepareBenchAccounts } from './accounts';
import { openBenchDatabase, optionArgument, scaleArgument } from './bench-database';
import { drive } from './load';
import { buildServer, clusterCpuSeconds, cpuSecondsOf, startRegistry, type Target } from './targets';
import { drawParameters, removeWrittenTasks, type WorkloadName, workloads } from './workloads';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main(): Promise<void> {
  const scale = scaleArgument();
  const before = optionArgument('before');
  if (!before) throw new Error('--before <path of a built dist/server/main.js> is required');
  const rounds = Number(optionArgument('rounds') ?? 6);
  const seconds = Number(optionArgument('duration') ?? 8);
  const connections = Number(optionArgument('connections') ?? 4);
  const only = (optionArgument('only') ?? 'W2,W3,W4').split(',') as WorkloadName[];

  const database = await openBenchDatabase(scale);
  const targets: Target[] = [];
  const client = new Client({ connectionString: database.url });
  try {
    await client.connect();
    if (only.includes('W6')) await removeWrittenTasks(client);
    const accounts = await prepareBenchAccounts(client);
    const selected = workloads(await drawParameters(client)).filter((workload) => only.includes(workload.name));
    const { postmasterPid } = database;
    const settings = { databaseUrl: database.url, today: BENCH_TODAY, sessionSecret: BENCH_SESSION_SECRET };
    const builds = {
      before: await startRegistry(before, settings),
      after: await startRegistry(optionArgument('after') ?? buildServer(), {
        ...settings,
        nodeOptions: optionArgument('after-node-options')?.split(' ').filter(Boolean),
      }),
    };
    targets.push(builds.before, builds.after);
    for (const workload of selected) {
      const headers = headersFor(accounts, workload.writes);
      const samples = {
        before: { node: [] as number[], postgres: [] as number[], throughput: [] as number[] },
        after: { node: [] as number[], postgres: [] as number[], throughput: [] as number[] },
      };
      const run = async (name: 'before' | 'after', measured: boolean) => {
        const target = builds[name];
        const node = cpuSecondsOf(target.process.pid);
        const postgres = clusterCpuSeconds(postmasterPid);
        const result = await drive({ url: target.url, connections, durationSeconds: seconds, headers, body: (n) => workload.api(n) });
        if (result.non2xx || result.errors || result.graphqlErrors) throw new Error(`${workload.name} ${name}: requests failed`);
        if (!measured) return;
        samples[name].node.push(((cpuSecondsOf(target.process.pid) - node) * 1000) / result.requests);
        samples[name].postgres.push(((clusterCpuSeconds(postmasterPid) - postgres) * 1000) / result.requests);
        samples[name].throughput.push(result.requests / seconds);
      };
      await run('before', false);
      await run('after', false);
      for (let round = 0; round < rounds; round++) {
        const order: ('before' | 'after')[] = round % 2 ? ['after', 'before'] : ['before', 'after'];
        for (const name of order) await run(name, true);
      }
      const line = (name: 'before' | 'after') =>
        `${name}: Node ${median(samples[name].node).toFixed(2)} ms, PostgreSQL ${median(samples[name].postgres).toFixed(2)} ms, ` +
        `${median(samples[name].throughput).toFixed(0)} requests a second`;
      const ratio = median(samples.after.node) / median(samples.before.node);
      console.log(`${workload.name} (median of ${rounds} runs of ${seconds} s each, ${connections} connections)`);
      console.log(`  ${line('before')}\n  ${line('after')}\n  Node CPU after ÷ before: ${ratio.toFixed(2)}`);
    }
    const peak = (name: 'before' | 'after') => `${name} ${builds[name].memory().peakRssMb.toFixed(0)} MB`;
    console.log(`Peak RSS: ${peak('before')}, ${peak('after')}`);
  } finally {
    for (const target of targets) await target.stop();
    if (only.includes('W6'))
      await removeWrittenTasks(client).catch((error: unknown) => console.error('Could not remove the tasks W6 wrote:', error));
    await client.end().catch(() => undefined);
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
