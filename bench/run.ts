// npm run bench -- --scale S: the registry, the SQL floor and PostGraphile v4 under the workloads of issue 7.
// npm run bench -- --report bench/results/<run>.json: a saved run's table again (a labelled run appends none to the docs).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import { BENCH_EDITOR, BENCH_SESSION_SECRET, BENCH_TODAY, headersFor, prepareBenchAccounts } from './accounts';
import { benchDataDir, openBenchDatabase, optionArgument, PROJECT_ROOT, scaleArgument } from './bench-database';
import { captureExplains, type StatementPlan } from './explain';
import { drive, drivePaced, type LoadResult } from './load';
import {
  BUILD_DIR,
  buildServer,
  clusterCpuSeconds,
  cpuSecondsOf,
  installPostGraphile,
  POSTGRAPHILE_VERSION,
  startFloor,
  startPostGraphile,
  startRegistry,
  type Target,
} from './targets';
import { drawParameters, removeWrittenTasks, type WorkloadName, workloads } from './workloads';

interface Options {
  scale: number;
  connections: number;
  durationSeconds: number;
  rateDurationSeconds: number;
  warmupSeconds: number;
  /** Fraction of the fixed-connection throughput the fixed-rate run asks for. */
  rateFraction: number;
  only?: WorkloadName[];
  peer: boolean;
  build: boolean;
  explain: boolean;
  floor: boolean;
  /** A registry build to run instead of building the working tree (to compare two builds). */
  main?: string;
  /** Names an experiment: its results go to their own file and are not appended to docs/performance.md. */
  label?: string;
}

function parseOptions(argv = process.argv.slice(2)): Options {
  const value = (name: string) => optionArgument(name, argv);
  return {
    scale: scaleArgument(argv),
    connections: Number(value('connections') ?? 10),
    durationSeconds: Number(value('duration') ?? 20),
    rateDurationSeconds: Number(value('rate-duration') ?? 15),
    warmupSeconds: Number(value('warmup') ?? 5),
    rateFraction: Number(value('rate-fraction') ?? 0.5),
    only: value('only')?.split(',') as WorkloadName[] | undefined,
    peer: !argv.includes('--no-peer'),
    build: !argv.includes('--no-build'),
    explain: !argv.includes('--no-explain'),
    floor: !argv.includes('--no-floor'),
    main: value('main'),
    label: value('label'),
  };
}

export interface RunFigures {
  fixed: LoadResult;
  rate: LoadResult;
  rssMb: number;
  /** CPU the target's own process spent per request in the fixed-connection run: steadier than latency on a busy machine. */
  processCpuMsPerRequest: number;
  /** CPU PostgreSQL spent per request in the same run. */
  postgresCpuMsPerRequest: number;
}

export interface WorkloadFigures {
  title: string;
  api?: RunFigures;
  floor?: RunFigures;
  peer?: RunFigures;
  /** API throughput ÷ floor throughput (1 = as fast as the floor; the target is ≥ 1/3). */
  apiOverFloorThroughput?: number;
  /** API p50 ÷ floor p50 at the fixed rate (the target is ≤ 3). */
  apiOverFloorP50?: number;
  apiOverPeerThroughput?: number;
  pending?: string;
}

async function measure(
  target: Target,
  options: Options,
  postmasterPid: number | undefined,
  request: { body(n: number): unknown; path?(n: number): string; headers: Record<string, string> },
): Promise<RunFigures> {
  const common = { url: target.url, connections: options.connections, headers: request.headers, body: request.body, path: request.path };
  await drive({ ...common, durationSeconds: options.warmupSeconds });
  const processCpu = cpuSecondsOf(target.process.pid);
  const postgresCpu = clusterCpuSeconds(postmasterPid);
  const fixed = await drive({ ...common, durationSeconds: options.durationSeconds });
  const perRequest = (seconds: number) => Math.round(((seconds * 1000) / Math.max(1, fixed.requests)) * 100) / 100;
  const processCpuMsPerRequest = perRequest(cpuSecondsOf(target.process.pid) - processCpu);
  const postgresCpuMsPerRequest = perRequest(clusterCpuSeconds(postmasterPid) - postgresCpu);
  const overallRate = Math.max(1, Math.round(fixed.requestsPerSecond * options.rateFraction));
  // Evenly paced, not autocannon's overallRate, which sends each connection's share of a second in one burst.
  const rate = await drivePaced({ ...common, durationSeconds: options.rateDurationSeconds, overallRate });
  return { fixed, rate, rssMb: Math.round(target.memory().rssMb), processCpuMsPerRequest, postgresCpuMsPerRequest };
}

async function versions(client: Client) {
  const packageVersion = async (name: string) =>
    JSON.parse(await readFile(join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8')).version as string;
  return {
    node: process.version,
    postgres: (await client.query<{ server_version: string }>('show server_version')).rows[0].server_version,
    postgresSharedBuffers: (await client.query<{ shared_buffers: string }>('show shared_buffers')).rows[0].shared_buffers,
    apolloServer: await packageVersion('@apollo/server'),
    typeGraphql: await packageVersion('type-graphql'),
    mikroOrm: await packageVersion('@mikro-orm/core'),
    graphql: await packageVersion('graphql'),
    autocannon: await packageVersion('autocannon'),
    postgraphile: POSTGRAPHILE_VERSION,
  };
}

async function rowCounts(client: Client): Promise<Record<string, number>> {
  const tables = ['agency', 'document', 'document_relation', 'clause', 'task', 'assignment', 'report'];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await client.query(`select count(*) from "${table}"`)).rows[0].count);
  return counts;
}

/** A read-only role for PostGraphile: it may select, nothing more. */
async function readOnlyUrl(superuserUrl: string, url: string): Promise<string | undefined> {
  const admin = new Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    const role = 'bench_readonly';
    const password = 'bench-readonly-password';
    const exists = (await admin.query('select 1 from pg_roles where rolname = $1', [role])).rowCount;
    await admin.query(`${exists ? 'alter' : 'create'} role ${role} login nosuperuser password '${password}'`);
    await admin.query(`grant usage on schema public to ${role}`);
    await admin.query(`grant select on all tables in schema public to ${role}`);
    const parsed = new URL(url);
    parsed.username = role;
    parsed.password = password;
    return parsed.toString();
  } catch (error) {
    console.warn(`No read-only role for the peer (${String(error)}); PostGraphile is skipped.`);
    return undefined;
  } finally {
    await admin.end();
  }
}

function formatNumber(value: number | undefined, digits = 1): string {
  return value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);
}

function markdownReport(result: Awaited<ReturnType<typeof runBenchmark>>): string {
  const lines = [
    `### ${result.date}, S=${result.scale}`,
    '',
    `Machine: ${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryGb} GB; load average ${result.machine.loadBefore.join(' / ')} before, ${result.machine.loadAfter.join(' / ')} after (the machine is shared: figures are noisy).`,
    `Versions: Node ${result.versions.node}, PostgreSQL ${result.versions.postgres} (shared_buffers ${result.versions.postgresSharedBuffers}), Apollo Server ${result.versions.apolloServer}, type-graphql ${result.versions.typeGraphql}, MikroORM ${result.versions.mikroOrm}, graphql ${result.versions.graphql}, autocannon ${result.versions.autocannon}, PostGraphile ${result.versions.postgraphile}.`,
    `Data: ${Object.entries(result.rows)
      .map(([table, count]) => `${count.toLocaleString('en')} ${table}`)
      .join(', ')}.`,
    `Runs: ${result.settings.connections} connections, ${result.settings.warmupSeconds} s warm-up, ${result.settings.durationSeconds} s at fixed connections, then ${result.settings.rateDurationSeconds} s at a fixed rate of ${Math.round(result.settings.rateFraction * 100)} % of that throughput (${
      result.settings.rateDriver === 'paced'
        ? 'requests sent at evenly spaced moments by drivePaced, each counting its wait for a free connection'
        : "autocannon's overallRate, which sends each connection's share of a second in a burst; latency corrected for coordinated omission"
    }). Latencies in ms.`,
    '',
    '| workload | API req/s | API p50 / p99 (10 conn) | API p50 / p99 (fixed rate) | SQL / request | API CPU ms / request (Node + PostgreSQL) | API RSS MB | floor req/s | floor p50 / p99 (fixed rate) | floor CPU ms / request (Node + PostgreSQL) | API ÷ floor (req/s) | API ÷ floor (p50, fixed rate) | PostGraphile req/s | PostGraphile CPU ms / request | API ÷ PostGraphile (req/s) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const cpu = (run: RunFigures | undefined) =>
    run ? `${formatNumber(run.processCpuMsPerRequest, 2)} + ${formatNumber(run.postgresCpuMsPerRequest, 2)}` : '—';
  for (const [name, figures] of Object.entries(result.workloads)) {
    if (figures.pending) {
      lines.push(`| ${name} ${figures.title} | ${figures.pending} |${' |'.repeat(13)}`);
      continue;
    }
    const { api, floor, peer } = figures;
    const statements = api?.fixed.sqlStatements;
    const cells = [
      `${name} ${figures.title}`,
      formatNumber(api?.fixed.requestsPerSecond, 0),
      `${formatNumber(api?.fixed.p50Ms)} / ${formatNumber(api?.fixed.p99Ms)}`,
      `${formatNumber(api?.rate.p50Ms)} / ${formatNumber(api?.rate.p99Ms)}`,
      statements ? (statements.min === statements.max ? `${statements.min}` : `${statements.min}–${statements.max}`) : '—',
      cpu(api),
      formatNumber(api?.rssMb, 0),
      formatNumber(floor?.fixed.requestsPerSecond, 0),
      `${formatNumber(floor?.rate.p50Ms)} / ${formatNumber(floor?.rate.p99Ms)}`,
      cpu(floor),
      formatNumber(figures.apiOverFloorThroughput, 2),
      formatNumber(figures.apiOverFloorP50, 2),
      formatNumber(peer?.fixed.requestsPerSecond, 0),
      cpu(peer),
      formatNumber(figures.apiOverPeerThroughput, 2),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push(
    '',
    `Registry RSS: ${result.registryMemory.rssMb} MB at the end, ${result.registryMemory.peakRssMb} MB at its peak. Errors: ${result.errorSummary}.`,
    '',
  );
  return lines.join('\n');
}

async function runBenchmark(options: Options) {
  const database = await openBenchDatabase(options.scale);
  const client = new Client({ connectionString: database.url });
  await client.connect();
  const targets: Target[] = [];
  try {
    if (!database.embedded || existsSync(join(benchDataDir(options.scale), 'pg'))) {
      const { rows } = await client.query<{ count: string }>('select count(*) from task');
      if (Number(rows[0].count) === 0) throw new Error(`No data: run npm run bench:data -- --scale ${options.scale} first`);
    }
    await removeWrittenTasks(client);
    const accounts = await prepareBenchAccounts(client);
    const parameters = await drawParameters(client);
    const plans = workloads(parameters);
    const selected = plans.filter((workload) => !options.only || options.only.includes(workload.name));
    const main = options.main
      ? options.main
      : options.build || !existsSync(join(BUILD_DIR, 'dist', 'server', 'main.js'))
        ? buildServer()
        : join(BUILD_DIR, 'dist', 'server', 'main.js');

    const registry = await startRegistry(main, { databaseUrl: database.url, today: BENCH_TODAY, sessionSecret: BENCH_SESSION_SECRET });
    targets.push(registry);
    const floor = options.floor ? await startFloor(database.url, BENCH_TODAY, BENCH_EDITOR.uuid) : undefined;
    if (floor) targets.push(floor);
    let peer: Target | undefined;
    if (options.peer) {
      const peerUrl = await readOnlyUrl(database.superuserUrl, database.url);
      if (peerUrl) {
        peer = await startPostGraphile(installPostGraphile(), peerUrl);
        targets.push(peer);
      }
    }

    const { postmasterPid } = database;
    // Counted before W6 writes: the data the reads ran on.
    const rows = await rowCounts(client);
    const loadBefore = loadavg().map((value) => Number(value.toFixed(2)));
    const figures: Record<string, WorkloadFigures> = {};
    const errors: string[] = [];
    const check = (label: string, run: RunFigures) => {
      for (const result of [run.fixed, run.rate]) {
        if (result.non2xx || result.errors || result.timeouts || result.graphqlErrors) {
          errors.push(
            `${label}: ${result.non2xx} non-2xx, ${result.errors} connection errors (${result.timeouts} timeouts), ${result.graphqlErrors} GraphQL errors`,
          );
        }
      }
    };
    // Reads first, writes last, so the reads see the data as generated.
    const ordered = [...selected.filter((workload) => !workload.writes), ...selected.filter((workload) => workload.writes)];
    for (const workload of ordered) {
      console.log(`${workload.name}: ${workload.title}`);
      const headers = headersFor(accounts, workload.writes);
      const entry: WorkloadFigures = { title: workload.title };
      entry.api = await measure(registry, options, postmasterPid, { headers, body: (n) => workload.api(n) });
      check(`${workload.name} API`, entry.api);
      if (floor) {
        entry.floor = await measure(floor, options, postmasterPid, {
          headers: {},
          body: (n) => workload.floor(n).body,
          path: (n) => workload.floor(n).path,
        });
        check(`${workload.name} floor`, entry.floor);
        entry.apiOverFloorThroughput = entry.api.fixed.requestsPerSecond / entry.floor.fixed.requestsPerSecond;
        entry.apiOverFloorP50 = entry.api.rate.p50Ms / entry.floor.rate.p50Ms;
      }
      if (peer && workload.peer) {
        const peerRequest = workload.peer.bind(workload);
        entry.peer = await measure(peer, options, postmasterPid, { headers: {}, body: (n) => peerRequest(n) });
        check(`${workload.name} PostGraphile`, entry.peer);
        entry.apiOverPeerThroughput = entry.api.fixed.requestsPerSecond / entry.peer.fixed.requestsPerSecond;
      }
      figures[workload.name] = entry;
      console.log(
        `  API ${entry.api.fixed.requestsPerSecond.toFixed(0)} req/s p50 ${entry.api.fixed.p50Ms} p99 ${entry.api.fixed.p99Ms} (rate: p50 ${entry.api.rate.p50Ms} p99 ${entry.api.rate.p99Ms}), ` +
          `${JSON.stringify(entry.api.fixed.sqlStatements)} SQL, CPU ${entry.api.processCpuMsPerRequest}+${entry.api.postgresCpuMsPerRequest} ms, RSS ${entry.api.rssMb} MB` +
          (entry.floor
            ? `; floor ${entry.floor.fixed.requestsPerSecond.toFixed(0)} req/s, CPU ${entry.floor.processCpuMsPerRequest}+${entry.floor.postgresCpuMsPerRequest} ms`
            : '') +
          (entry.peer ? `; PostGraphile ${entry.peer.fixed.requestsPerSecond.toFixed(0)} req/s` : ''),
      );
    }
    const registryMemory = registry.memory();
    const loadAfter = loadavg().map((value) => Number(value.toFixed(2)));
    for (const target of targets.splice(0)) await target.stop();

    let explains: Record<string, StatementPlan[]> = {};
    if (options.explain) {
      explains = await captureExplains(
        database.url,
        selected.filter((workload) => !workload.writes),
        accounts.integratorToken,
        BENCH_TODAY,
      );
    }
    return {
      date: new Date().toISOString(),
      scale: options.scale,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(totalmem() / 2 ** 30),
        loadBefore,
        loadAfter,
      },
      versions: await versions(client),
      rows,
      settings: {
        connections: options.connections,
        durationSeconds: options.durationSeconds,
        rateDurationSeconds: options.rateDurationSeconds,
        warmupSeconds: options.warmupSeconds,
        rateFraction: options.rateFraction,
        // Runs saved before this field existed drove the fixed rate with autocannon.
        rateDriver: 'paced' as const,
        today: BENCH_TODAY,
      },
      registryMemory: { rssMb: Math.round(registryMemory.rssMb), peakRssMb: Math.round(registryMemory.peakRssMb) },
      errorSummary: errors.length ? errors.join('; ') : 'none',
      workloads: figures,
      explains,
    };
  } finally {
    for (const target of targets) await target.stop();
    await removeWrittenTasks(client).catch((error: unknown) => console.error('Could not remove the tasks W6 wrote:', error));
    await client.end();
    await database.stop();
  }
}

async function main(): Promise<void> {
  const saved = process.argv.indexOf('--report');
  if (saved > 0) {
    console.log(markdownReport(JSON.parse(await readFile(process.argv[saved + 1], 'utf8'))));
    return;
  }
  const options = parseOptions();
  const result = await runBenchmark(options);
  const resultsDir = join(PROJECT_ROOT, 'bench', 'results');
  await mkdir(resultsDir, { recursive: true });
  const day = `${result.date.slice(0, 10)}-S${options.scale}${options.label ? `-${options.label}` : ''}`;
  // A second run of the day keeps the first's results: its own files carry the time it started (UTC, HHMM).
  const name = existsSync(join(resultsDir, `${day}.json`)) ? `${day}-${result.date.slice(11, 16).replace(':', '')}` : day;
  const file = join(resultsDir, `${name}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  // The results are committed: formatted as the repository's Prettier check wants them.
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--write', file], {
    stdio: 'ignore',
  });
  const report = markdownReport(result);
  if (!options.label) await appendFile(join(PROJECT_ROOT, 'docs', 'performance.md'), `\n${report}`);
  const written = [file];
  if (options.explain) {
    const explainFile = join(resultsDir, `${name}-explain.md`);
    await writeFile(explainFile, explainMarkdown(result.explains, options.scale));
    written.push(explainFile);
  }
  console.log(report);
  console.log(`Written: ${written.join(', ')}${options.label ? '' : ', and the table appended to docs/performance.md'}`);
}

function explainMarkdown(explains: Record<string, StatementPlan[]>, scale: number): string {
  const lines = [`# EXPLAIN (ANALYZE, BUFFERS) of each workload's statements at S=${scale}`, ''];
  for (const [name, plans] of Object.entries(explains)) {
    lines.push(`## ${name}`, '');
    for (const plan of plans) {
      lines.push(
        `${plan.main ? '**Main statement**' : 'Statement'} (${plan.executionMs.toFixed(2)} ms):`,
        '',
        '```sql',
        plan.sql,
        '```',
        '',
        '```',
        plan.plan,
        '```',
        '',
      );
    }
  }
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
