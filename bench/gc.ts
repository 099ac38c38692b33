// npm run bench:gc -- --scale S [--only W1] [--rate 500] [--bursts] [--duration 15] [--main <built main.js>]
//   [--node-options "--allocation-site-pretenuring"]
//
// One workload at a fixed rate against the registry started with V8's --trace-gc-nvp, to see what its garbage
// collector does under load: how often it pauses and for how long, and how much each request allocates and promotes
// to the old generation (docs/performance.md, "Thirteenth round"). The latencies are those of requests sent at evenly
// spaced moments, as in `npm run bench`'s fixed-rate runs (`drivePaced`), or with --bursts autocannon's, whose fixed rate
// sends each connection's share of a second back to back.
import { Client } from 'pg';

import { BENCH_SESSION_SECRET, BENCH_TODAY, headersFor, prepareBenchAccounts } from './accounts';
import { openBenchDatabase, optionArgument, scaleArgument } from './bench-database';
import { drive, drivePaced, quantile } from './load';
import { buildServer, startRegistry } from './targets';
import { drawParameters, removeWrittenTasks, type WorkloadName, workloads } from './workloads';

/** One line of --trace-gc-nvp: its kind (`s` a scavenge, `mc` a mark-compact, …) and its name=value fields. */
export interface GcEvent {
  kind: string;
  fields: Record<string, number>;
}

export function parseGcTrace(output: string): GcEvent[] {
  const events: GcEvent[] = [];
  for (const line of output.split('\n')) {
    const kind = / gc=(\w+)/.exec(line)?.[1];
    if (!kind) continue;
    const fields: Record<string, number> = {};
    for (const [, name, value] of line.matchAll(/ ([\w.]+)=(-?[\d.]+)/g)) fields[name] = Number(value);
    events.push({ kind, fields });
  }
  return events;
}

/** What the events say, per request where it is an amount of memory. */
export function summarizeGc(events: GcEvent[], requests: number) {
  const pauses = (kind: string) => {
    const sorted = events
      .filter((event) => event.kind === kind)
      .map((event) => event.fields.pause)
      .sort((a, b) => a - b);
    return {
      count: sorted.length,
      medianMs: quantile(sorted, 0.5),
      maxMs: sorted.at(-1) ?? NaN,
      totalMs: sorted.reduce((a, b) => a + b, 0),
    };
  };
  const scavenges = events.filter((event) => event.kind === 's');
  const perRequestKb = (field: string) => scavenges.reduce((sum, event) => sum + (event.fields[field] ?? 0), 0) / requests / 1024;
  return {
    scavenges: pauses('s'),
    markCompacts: pauses('mc'),
    allocatedKbPerRequest: perRequestKb('allocated'),
    survivedKbPerRequest: perRequestKb('new_space_survived'),
    promotedKbPerRequest: perRequestKb('promoted'),
  };
}

async function main(): Promise<void> {
  const scale = scaleArgument();
  const only = (optionArgument('only') ?? 'W1') as WorkloadName;
  const rate = Number(optionArgument('rate') ?? 500);
  const durationSeconds = Number(optionArgument('duration') ?? 15);
  const paced = !process.argv.includes('--bursts');
  const database = await openBenchDatabase(scale);
  const client = new Client({ connectionString: database.url });
  try {
    await client.connect();
    const accounts = await prepareBenchAccounts(client);
    const workload = workloads(await drawParameters(client)).find((candidate) => candidate.name === only);
    if (!workload) throw new Error(`--only names one workload, W1 to W6: ${only}`);
    if (workload.writes) await removeWrittenTasks(client);
    const registry = await startRegistry(optionArgument('main') ?? buildServer(), {
      databaseUrl: database.url,
      today: BENCH_TODAY,
      sessionSecret: BENCH_SESSION_SECRET,
      // After npm start's own options, so that these override them.
      nodeOptions: ['--trace-gc-nvp', ...(optionArgument('node-options')?.split(' ').filter(Boolean) ?? [])],
    });
    try {
      const trace: string[] = [];
      let capturing = false;
      registry.process.stdout?.on('data', (chunk: Buffer) => void (capturing && trace.push(chunk.toString())));
      const load = {
        url: registry.url,
        connections: 10,
        headers: headersFor(accounts, workload.writes),
        body: (n: number) => workload.api(n),
      };
      await drive({ ...load, durationSeconds: 5 });
      capturing = true;
      const result = await (paced ? drivePaced : drive)({ ...load, durationSeconds, overallRate: rate });
      capturing = false;
      if (result.non2xx || result.errors || result.graphqlErrors) throw new Error(`${only}: requests failed`);
      const gc = summarizeGc(parseGcTrace(trace.join('')), result.requests);
      const ms = (value: number) => value.toFixed(1);
      console.log(
        `${only} at ${rate} requests a second (${paced ? 'evenly paced' : "autocannon's bursts"}) for ${durationSeconds} s, S=${scale}: ` +
          `${result.requests} requests`,
      );
      console.log(`  latency p50 ${result.p50Ms} ms, p90 ${result.p90Ms}, p99 ${result.p99Ms}, max ${result.maxMs}`);
      for (const [name, pauses] of [
        ['scavenges', gc.scavenges],
        ['mark-compacts', gc.markCompacts],
      ] as const) {
        console.log(
          `  ${name}: ${pauses.count}, pauses median ${ms(pauses.medianMs)} ms, max ${ms(pauses.maxMs)}, ${ms(pauses.totalMs)} in all`,
        );
      }
      console.log(
        `  per request: ${gc.allocatedKbPerRequest.toFixed(0)} KB allocated, ${gc.survivedKbPerRequest.toFixed(1)} KB survived a ` +
          `scavenge, ${gc.promotedKbPerRequest.toFixed(1)} KB promoted to the old generation`,
      );
    } finally {
      await registry.stop();
    }
  } finally {
    if (only === 'W6')
      await removeWrittenTasks(client).catch((error: unknown) => console.error('Could not remove the tasks W6 wrote:', error));
    await client.end().catch(() => undefined);
    await database.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
