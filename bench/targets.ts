// The processes a benchmark drives: the registry as built for production, the SQL floor, and PostGraphile v4.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '../server/database/embedded-postgres';
import { PROJECT_ROOT } from './bench-database';

export interface Target {
  name: string;
  url: string;
  process: ChildProcess;
  /** Resident memory now, and its peak so far, in MB (from /proc). */
  memory(): { rssMb: number; peakRssMb: number };
  stop(): Promise<void>;
}

export const BUILD_DIR = join(PROJECT_ROOT, '.data', 'bench-build');
export const POSTGRAPHILE_VERSION = '4.14.1';
export const POSTGRAPHILE_DIR = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'directive-registry', 'postgraphile');

/** tsc into a private folder named dist, so the server finds its project root the way `npm start` does. */
export function buildServer(): string {
  const main = join(BUILD_DIR, 'dist', 'server', 'main.js');
  execFileSync(
    process.execPath,
    [join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', join(BUILD_DIR, 'dist')],
    {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    },
  );
  return main;
}

/** PostGraphile v4 lives in a cache folder outside the project, so `npm ci` never pulls it. */
export function installPostGraphile(): string {
  const cli = join(POSTGRAPHILE_DIR, 'node_modules', 'postgraphile', 'cli.js');
  const installed = join(POSTGRAPHILE_DIR, 'node_modules', 'postgraphile', 'package.json');
  if (!existsSync(installed) || JSON.parse(readFileSync(installed, 'utf8')).version !== POSTGRAPHILE_VERSION) {
    console.log(`Installing PostGraphile ${POSTGRAPHILE_VERSION} into ${POSTGRAPHILE_DIR} …`);
    execFileSync(
      'npm',
      ['install', '--prefix', POSTGRAPHILE_DIR, '--no-audit', '--no-fund', '--no-save', `postgraphile@${POSTGRAPHILE_VERSION}`],
      {
        stdio: 'inherit',
      },
    );
  }
  return cli;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU a process has used (user + system), and what its exited children used, in seconds; ppid to find children. */
function processStat(pid: number): { ppid: number; cpuSeconds: number; exitedChildrenCpuSeconds: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(fields[1]),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND,
      exitedChildrenCpuSeconds: (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND,
    };
  } catch {
    return undefined;
  }
}

export function cpuSecondsOf(pid: number | undefined): number {
  return pid ? (processStat(pid)?.cpuSeconds ?? NaN) : NaN;
}

/**
 * CPU of a PostgreSQL cluster so far: the postmaster, its live backends, and the backends that have exited (the kernel
 * adds those to the postmaster's children time once it reaps them), so the figure only grows.
 */
export function clusterCpuSeconds(postmasterPid: number | undefined): number {
  const postmaster = postmasterPid ? processStat(postmasterPid) : undefined;
  if (!postmaster) return NaN;
  let total = postmaster.cpuSeconds + postmaster.exitedChildrenCpuSeconds;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = processStat(Number(entry));
    if (stat && stat.ppid === postmasterPid) total += stat.cpuSeconds;
  }
  return total;
}

function memoryOf(pid: number | undefined): { rssMb: number; peakRssMb: number } {
  if (!pid) return { rssMb: NaN, peakRssMb: NaN };
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, peakRssMb: NaN };
  }
}

async function startProcess(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  port: number,
  path: string,
): Promise<Target> {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 120 s:\n${output.join('')}`)), 120_000);
    const watch = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (ready.test(output.join(''))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output.join('')}`));
    });
  });
  // Keep reading, or a chatty child blocks on a full pipe.
  child.stdout.resume();
  child.stderr.resume();
  child.removeAllListeners('exit');
  return {
    name,
    url: `http://127.0.0.1:${port}${path}`,
    process: child,
    memory: () => memoryOf(child.pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface ServerSettings {
  databaseUrl: string;
  today: string;
  sessionSecret: string;
  /** Options for node itself, before the script (bench:compare's --after-node-options). */
  nodeOptions?: string[];
}

/** The options `npm start` gives node before the server's script, read from package.json so the two never differ. */
export function startNodeOptions(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const launch = /\bnode((?:\s+--\S+)*)\s+dist\/server\/main\.js/.exec(scripts.start);
  if (!launch) throw new Error(`package.json's start script does not run node dist/server/main.js: ${scripts.start}`);
  return launch[1].split(/\s+/).filter(Boolean);
}

/**
 * The registry in production settings, started with the node options `npm start` uses; only the rate limits are
 * lifted, since every request comes from one address.
 */
export async function startRegistry(main: string, settings: ServerSettings): Promise<Target> {
  const port = await freePort();
  return startProcess(
    'registry',
    [...startNodeOptions(), ...(settings.nodeOptions ?? []), main],
    {
      NODE_ENV: 'production',
      DATABASE_URL: settings.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'false',
      TODAY: settings.today,
      SESSION_SECRET: settings.sessionSecret,
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_PER_IP_PER_MINUTE: '0',
    },
    /Directive registry ready/,
    port,
    '/graphql',
  );
}

export async function startFloor(databaseUrl: string, today: string, editorUuid: string): Promise<Target> {
  const port = await freePort();
  return startProcess(
    'floor',
    ['-r', '@swc-node/register', join(PROJECT_ROOT, 'bench', 'floor-server.ts')],
    { NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), TODAY: today, BENCH_EDITOR_UUID: editorUuid },
    /floor ready/,
    port,
    '',
  );
}

export async function startPostGraphile(cli: string, readOnlyUrl: string): Promise<Target> {
  const port = await freePort();
  return startProcess(
    'postgraphile',
    [
      cli,
      '--connection',
      readOnlyUrl,
      '--schema',
      'public',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--disable-default-mutations',
      '--disable-query-log',
      '--no-setof-functions-contain-nulls',
    ],
    { NODE_ENV: 'production' },
    /PostGraphile v4.*server listening|GraphQL API:/,
    port,
    '/graphql',
  );
}
