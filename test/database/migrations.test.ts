// Each migration after the first can be undone: its down() must leave the schema exactly as the migration found it, so
// that `npm run mikro-orm -- migration:down` is a way back from a bad release, not a second failure. The first migration
// creates the schema from nothing and, as MikroORM's generated initial migrations do, cannot be reverted.
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { connectDatabase } from '../../server/app';
import { loadConfig } from '../../server/config';
import { adminQuery, uniqueDatabaseName, withDatabase } from '../support/database';

const adminUrl = inject('adminDatabaseUrl');
const database = uniqueDatabaseName('registry_migrations');
let orm: MikroORM;
let client: Client;

beforeAll(async () => {
  await adminQuery(adminUrl, `create database "${database}"`);
  orm = await connectDatabase(withDatabase(adminUrl, database), loadConfig({ databaseUrl: undefined }));
  client = new Client({ connectionString: withDatabase(adminUrl, database) });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await orm?.close();
  await adminQuery(adminUrl, `drop database if exists "${database}"`);
});

/** Everything a migration can make in the public schema, as PostgreSQL describes it. */
async function schema(): Promise<Record<string, string[]>> {
  const rows = async (sql: string) => (await client.query<{ item: string }>(sql)).rows.map((row) => row.item);
  return {
    columns: await rows(`select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' ||
        coalesce(column_default, '') as item from information_schema.columns where table_schema = 'public'
        and table_name <> 'mikro_orm_migrations' order by 1`),
    constraints: await rows(`select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) as item
        from pg_constraint where connamespace = 'public'::regnamespace order by 1`),
    indexes: await rows(`select indexdef as item from pg_indexes where schemaname = 'public'
        and tablename <> 'mikro_orm_migrations' order by 1`),
    functions: await rows(`select p.oid::regprocedure || ' ' || md5(pg_get_functiondef(p.oid)) as item from pg_proc p
        where p.pronamespace = 'public'::regnamespace and p.prokind in ('f', 'p') and not exists
        (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e') order by 1`),
    triggers: await rows(`select tgrelid::regclass || ' ' || pg_get_triggerdef(oid) as item from pg_trigger
        where not tgisinternal order by 1`),
  };
}

describe('migrations', () => {
  it('each after the first, undone, leave the schema as they found it, and applied again, as they made it', async () => {
    const migrator = orm.getMigrator();
    const [first, ...later] = (await migrator.getPendingMigrations()).map((migration) => migration.name);
    expect(later.length).toBeGreaterThan(0);
    await migrator.up({ to: first });
    for (const name of later) {
      const before = await schema();
      expect(await migrator.up({ to: name })).toEqual([expect.objectContaining({ name })]);
      const after = await schema();
      expect(after, `${name} changes the schema`).not.toEqual(before);
      expect(await migrator.down({ to: name })).toEqual([expect.objectContaining({ name })]);
      expect(await schema(), `${name} undone`).toEqual(before);
      await migrator.up({ to: name });
      expect(await schema(), `${name} applied again`).toEqual(after);
    }
    expect(await migrator.getPendingMigrations()).toEqual([]);
  });
});
