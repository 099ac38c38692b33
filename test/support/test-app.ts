// createTestApp(): the real server over HTTP, on its own copy of the demo database, with a client to talk to it.
import type { MikroORM } from '@mikro-orm/postgresql';
import { inject } from 'vitest';

import { connectDatabase, type RegistryApp, startApp } from '../../server/app';
import { type Config, loadConfig } from '../../server/config';
import { adminQuery, uniqueDatabaseName, withDatabase } from './database';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
  /** SQL statements the server sent for this request (x-sql-statements). */
  sqlStatements: number;
}

export interface TestApp {
  url: string;
  orm: MikroORM;
  config: Config;
  databaseUrl: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** The data of a request that must succeed; throws with the errors otherwise. */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The first error's code of a request that must fail. */
  errorCode(query: string, variables?: Record<string, unknown>): Promise<string | undefined>;
  stop(): Promise<void>;
}

/** The day the tests live on, so deadline statuses do not drift with the calendar. */
export const TEST_TODAY = '2025-03-01';

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const adminUrl = inject('adminDatabaseUrl');
  const database = uniqueDatabaseName('registry_test');
  await adminQuery(adminUrl, `create database "${database}" template "${inject('templateDatabase')}"`);
  const databaseUrl = withDatabase(adminUrl, database);
  const config = loadConfig({ port: 0, host: '127.0.0.1', today: TEST_TODAY, loadDemoData: false, ...overrides });
  const orm = await connectDatabase(databaseUrl, config);
  const app: RegistryApp = await startApp(orm, config);

  const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'sqlStatements'>;
    return { status: response.status, ...body, sqlStatements: Number(response.headers.get('x-sql-statements')) };
  };
  return {
    url: app.url,
    orm,
    config,
    databaseUrl,
    gql,
    async ok<T>(query: string, variables?: Record<string, unknown>) {
      const response = await gql<T>(query, variables);
      if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
      return response.data as T;
    },
    async errorCode(query: string, variables?: Record<string, unknown>) {
      const response = await gql(query, variables);
      return response.errors?.[0]?.extensions?.code;
    },
    async stop() {
      await app.stop();
      await orm.close();
      await adminQuery(adminUrl, `drop database if exists "${database}" with (force)`);
    },
  };
}
