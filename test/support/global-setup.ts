// Once per test run: a PostgreSQL (embedded, or TEST_DATABASE_URL's), and a template database that every test file copies.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };

import { connectDatabase, migrate } from '../../server/app';
import { loadConfig } from '../../server/config';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../server/database/embedded-postgres';
import { loadDemoData } from '../../server/demo/load-demo';
import { adminQuery, uniqueDatabaseName, withDatabase } from './database';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  let adminUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = withDatabase(process.env.TEST_DATABASE_URL, 'postgres');
  } else {
    dataDir = await mkdtemp(join(tmpdir(), 'registry-test-pg-'));
    embedded = await startEmbeddedPostgres({ dataDir, database: 'postgres', ephemeral: true });
    adminUrl = embedded.url;
  }
  const template = uniqueDatabaseName('registry_template');
  await adminQuery(adminUrl, `create database "${template}"`);
  const config = loadConfig({ databaseUrl: undefined });
  const orm = await connectDatabase(withDatabase(adminUrl, template), config);
  try {
    await migrate(orm);
    await loadDemoData(orm.em.fork(), config);
  } finally {
    await orm.close();
  }
  // Statistics travel with the template into every copy: without them each copy was planned from guesses until
  // autovacuum got round to it, whenever that was, and a test of a plan passed or failed with the timing.
  await adminQuery(withDatabase(adminUrl, template), 'analyze');
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);

  return async () => {
    await adminQuery(adminUrl, `drop database if exists "${template}"`).catch(() => undefined);
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
