// Generated files stay generated: schema.graphql from the code, migrations from the entities.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { migrationsList } from '../../migrations';
import { printRegistrySchema } from '../../server/graphql/schema';
import { createTestApp, type TestApp } from '../support/test-app';

const root = join(__dirname, '..', '..');
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => app?.stop());

describe('generated files', () => {
  it('schema.graphql is what the code emits (run `npm run schema` after changing the API)', async () => {
    expect(await printRegistrySchema()).toBe(await readFile(join(root, 'schema.graphql'), 'utf8'));
  });

  it('every migration file is listed in migrations/index.ts, in order', async () => {
    const files = (await readdir(join(root, 'migrations'))).filter((file) => /^Migration\d+.*\.ts$/.test(file)).sort();
    expect(migrationsList.map((migration) => `${migration.name}.ts`)).toEqual(files);
  });

  it('the migrated database matches the entities (run `npm run migration:create` after changing an entity)', async () => {
    const pending = await app.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(pending.trim()).toBe('');
  });
});
