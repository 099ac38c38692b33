// Everything the server reads from its environment, read once at start.
import { basename, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** An external PostgreSQL; when absent the server runs an embedded one in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  production: boolean;
  /** Send unexpected errors' messages and stacks to clients: only in development and test runs. */
  exposeInternalErrors: boolean;
  /** Load the demo documents into an empty database on start. */
  loadDemoData: boolean;
  /** Days before a due date when a task counts as DUE_SOON. */
  dueSoonDays: number;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes: number;
  /** Send the per-request SQL statement count in the `x-sql-statements` response header. */
  exposeSqlStatementCount: boolean;
  projectRoot: string;
  /** Time zone of the registry's calendar (deadlines fall due on local days). */
  timeZone: string;
  /** Fixes "today" (YYYY-MM-DD) for deadline statuses; tests and demos set it, production leaves it unset. */
  today?: string;
}

// server/ in the sources, dist/server/ once compiled
const projectRoot = resolve(__dirname, basename(resolve(__dirname, '..')) === 'dist' ? '../..' : '..');

function integer(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

function flag(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(raw.toLowerCase());
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const production = process.env.NODE_ENV === 'production';
  return {
    port: integer('PORT', 4000),
    host: process.env.HOST || '0.0.0.0',
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: resolve(projectRoot, process.env.DATA_DIR || '.data'),
    production,
    exposeInternalErrors: ['development', 'test'].includes(process.env.NODE_ENV ?? ''),
    loadDemoData: flag('DEMO_DATA', true),
    dueSoonDays: integer('DUE_SOON_DAYS', 7),
    maxBodyBytes: integer('MAX_BODY_BYTES', 8 * 1024 * 1024),
    exposeSqlStatementCount: flag('EXPOSE_SQL_STATEMENT_COUNT', true),
    projectRoot,
    timeZone: process.env.TZ_REGISTRY || 'Asia/Ho_Chi_Minh',
    today: process.env.TODAY || undefined,
    ...overrides,
  };
}
