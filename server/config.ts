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
  /** Signs login sessions (SESSION_SECRET, 32 characters or more); unset, one is made and kept in dataDir/session-secret. */
  sessionSecret?: string;
  /** The first administrator's password (ADMIN_PASSWORD), used once, when there are no users yet; unset, one is generated and printed. */
  adminPassword?: string;
  /** PostgreSQL statement_timeout for the API's connections, in ms; 0 turns it off. */
  statementTimeoutMs: number;
  /** /graphql requests a minute per caller (an API token or session, else an address); 0 turns it off. */
  rateLimitPerMinute: number;
  /** /graphql requests a minute from one address, whoever the caller; 0 turns it off. */
  rateLimitPerIpPerMinute: number;
  /**
   * How long an API token or a session's user, once read, answers for its credential (CREDENTIAL_CACHE_MS): also how
   * late a revocation or deactivation made on another instance of the server, or by hand in the database, is seen
   * here (this server's own changes are seen at once); 0 reads them on every request.
   */
  credentialCacheMs: number;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For and HTTPS from X-Forwarded-Proto. */
  trustProxy: boolean;
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

function secret(name: string, minLength: number): string | undefined {
  const value = process.env[name];
  if (!value) return undefined;
  if (value.length < minLength) throw new Error(`${name} must be at least ${minLength} characters long`);
  return value;
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
    sessionSecret: secret('SESSION_SECRET', 32),
    adminPassword: secret('ADMIN_PASSWORD', 8),
    statementTimeoutMs: integer('STATEMENT_TIMEOUT_MS', 15_000),
    // The test suite sends thousands of requests a minute from one address; its rate limit tests set their own.
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', process.env.NODE_ENV === 'test' ? 60_000 : 600),
    rateLimitPerIpPerMinute: integer('RATE_LIMIT_PER_IP_PER_MINUTE', process.env.NODE_ENV === 'test' ? 300_000 : 3000),
    trustProxy: flag('TRUST_PROXY', false),
    credentialCacheMs: integer('CREDENTIAL_CACHE_MS', 10_000),
    ...overrides,
  };
}
