// PostgreSQL's side of hardening: statement_timeout on every API connection, driver errors that never leak, and the
// embedded server's application role without superuser.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { GraphQLError } from 'graphql';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { connectDatabase, migrate } from '../../server/app';
import { loadConfig } from '../../server/config';
import { APP_ROLE, ensureAppRole, startEmbeddedPostgres } from '../../server/database/embedded-postgres';
import { formatError } from '../../server/errors';
import { createTestApp, type TestApp } from '../support/test-app';

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** What a client may never read in an error: where the database is, who the app is to it, and what it asked. */
function secretsOf(databaseUrl: string): RegExp {
  const url = new URL(databaseUrl);
  const words = [url.hostname, url.port, decodeURIComponent(url.username), url.pathname.slice(1), 'select', 'from "', 'pg_sleep', 'stack'];
  return new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
}

describe('statement_timeout', () => {
  it('applies STATEMENT_TIMEOUT_MS, 15 s unless told, in every mode', async () => {
    expect(loadConfig().statementTimeoutMs).toBe(15_000);
    const app = await createTestApp();
    try {
      const [{ statement_timeout }] = await app.orm.em.getConnection().execute('show statement_timeout');
      expect(statement_timeout).toBe('15s');
    } finally {
      await app.stop();
    }
  });

  describe('with a tiny timeout, in production', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await createTestApp({ production: true, statementTimeoutMs: 200 });
    });
    afterAll(async () => app?.stop());

    it('cancels a raw statement that runs past it, as a TIMEOUT error in the caller’s terms', async () => {
      const started = Date.now();
      const error = await app.orm.em
        .getConnection()
        .execute('select pg_sleep(5)')
        .then(
          () => undefined,
          (failure: unknown) => failure,
        );
      expect(Date.now() - started).toBeLessThan(3000);
      expect(error).toMatchObject({ code: '57014' });
      // As Apollo hands it to formatError when a resolver throws it.
      const wrapped = new GraphQLError((error as Error).message, { originalError: error as Error });
      const formatted = formatError(false)(wrapped.toJSON(), wrapped);
      expect(formatted).toEqual({
        message: expect.stringMatching(/^The database took too long over this request/),
        extensions: { code: 'TIMEOUT' },
      });
      expect(JSON.stringify(formatted)).not.toMatch(secretsOf(app.databaseUrl));
    });

    it('answers a GraphQL request that waits past it with TIMEOUT, leaking nothing', async () => {
      // Another session holds the table: the API's statement waits for the lock until its timeout cancels it.
      await withClient(app.databaseUrl, async (locker) => {
        await locker.query('begin');
        await locker.query('lock table document in access exclusive mode');
        try {
          const response = await app.gql(`{ documents { totalCount } }`);
          expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'TIMEOUT' }, path: ['documents'] })]);
          expect(JSON.stringify(response)).not.toMatch(secretsOf(app.databaseUrl));
        } finally {
          await locker.query('rollback');
        }
      });
    });

    it('masks a driver error nobody mapped: no host, user, database, table or SQL', async () => {
      await withClient(app.databaseUrl, (sql) => sql.query('alter table agency rename column name to name_renamed'));
      try {
        const response = await app.gql(`{ agencies(first: 3) { nodes { name } } }`);
        expect(response.errors?.[0]).toEqual({
          message: 'Internal server error',
          locations: expect.any(Array),
          path: expect.any(Array),
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
        expect(JSON.stringify(response)).not.toMatch(secretsOf(app.databaseUrl));
        expect(JSON.stringify(response)).not.toMatch(/"agency"|name_renamed|does not exist/i);
      } finally {
        await withClient(app.databaseUrl, (sql) => sql.query('alter table agency rename column name_renamed to name'));
      }
    });
  });
});

describe('the embedded PostgreSQL’s application role', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'registry-role-'));
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('takes over a database the superuser made, owns all of it, and can do nothing a superuser could', async () => {
    const config = loadConfig({ databaseUrl: undefined, statementTimeoutMs: 0 });
    // As the registry used to: everything made by the superuser.
    const before = await startEmbeddedPostgres({ dataDir, database: 'registry', ephemeral: true });
    try {
      expect(new URL(before.url).username).toBe('postgres');
      const orm = await connectDatabase(before.url, config);
      await migrate(orm).finally(() => orm.close());
    } finally {
      await before.stop();
    }

    const embedded = await startEmbeddedPostgres({ dataDir, database: 'registry', ephemeral: true, appRole: APP_ROLE });
    try {
      expect(new URL(embedded.url).username).toBe(APP_ROLE);
      await withClient(embedded.url, async (app) => {
        const role = await app.query(
          `select rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls from pg_roles where rolname = current_user`,
        );
        expect(role.rows).toEqual([
          { rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false },
        ]);
        const owner = await app.query(`select pg_get_userbyid(datdba) as owner from pg_database where datname = current_database()`);
        expect(owner.rows).toEqual([{ owner: APP_ROLE }]);
        const foreign = await app.query(
          `select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'v', 'S')
             and pg_get_userbyid(c.relowner) <> current_user
           union all
           select p.proname from pg_proc p where p.pronamespace = 'public'::regnamespace and pg_get_userbyid(p.proowner) <> current_user
             and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
        );
        expect(foreign.rows).toEqual([]);
        for (const forbidden of [
          `create role intruder superuser`,
          `alter role ${APP_ROLE} superuser`,
          `alter system set log_statement = 'all'`,
          `copy (select 1) to program 'true'`,
          `create database another`,
          `select pg_read_file('postgresql.conf')`,
        ]) {
          await expect(app.query(forbidden), forbidden).rejects.toThrow(/permission denied|must be superuser|must have|only roles with/i);
        }
      });
      // It migrates and writes as itself: nothing needs the superuser any more.
      const orm = await connectDatabase(embedded.url, config);
      try {
        expect(await migrate(orm)).toEqual([]);
        const [{ count }] = await orm.em.getConnection().execute(`select count(*)::int as count from mikro_orm_migrations`);
        expect(count).toBeGreaterThan(0);
      } finally {
        await orm.close();
      }

      // A new database: the role creates the extensions and every table itself (unaccent and pg_trgm are trusted).
      await withClient(embedded.superuserUrl, (sql) => sql.query('create database fresh'));
      const freshSuperuser = embedded.superuserUrl.replace(/\/registry$/, '/fresh');
      await ensureAppRole(freshSuperuser, APP_ROLE, decodeURIComponent(new URL(embedded.url).password), 'fresh');
      const fresh = await connectDatabase(embedded.url.replace(/\/registry$/, '/fresh'), config);
      try {
        expect((await migrate(fresh)).length).toBeGreaterThan(0);
        const [{ unaccented }] = await fresh.em.getConnection().execute(`select unaccent('Đắk Nông') as unaccented`);
        expect(unaccented).toBe('Dak Nong');
      } finally {
        await fresh.close();
      }
    } finally {
      await embedded.stop();
    }
  });
});
