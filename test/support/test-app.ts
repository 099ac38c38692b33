// createTestApp(): the real server over HTTP, on its own copy of the demo database, with a client to talk to it.
import type { MikroORM } from '@mikro-orm/postgresql';
import { inject } from 'vitest';

import { connectDatabase, type RegistryApp, startApp } from '../../server/app';
import { type Config, loadConfig } from '../../server/config';
import { User } from '../../server/modules/account/account.entity';
import { Role } from '../../server/modules/account/actor';
import { createFirstAccounts, DEMO_TOKEN, DEMO_USERS } from '../../server/modules/account/bootstrap';
import { ANONYMOUS, type Caller } from '../../server/modules/account/permissions';
import { sessionCookieName, signSession } from '../../server/modules/account/session';
import { adminQuery, uniqueDatabaseName, withDatabase } from './database';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
  /** SQL statements the server sent for this request (x-sql-statements). */
  sqlStatements: number;
}

/** Requests as one caller. */
export interface TestClient {
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** The data of a request that must succeed; throws with the errors otherwise. */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The first error's code of a request that must fail. */
  errorCode(query: string, variables?: Record<string, unknown>): Promise<string | undefined>;
}

/** Who a request comes from: a role's account (the integrator's token for INTEGRATOR), nobody, or given credentials. */
export type TestCaller = Caller | { bearer: string } | { cookie: string } | { username: string };

/** The test app's requests come from the ADMIN unless a test picks another caller with `as`. */
export interface TestApp extends TestClient {
  url: string;
  orm: MikroORM;
  config: Config;
  databaseUrl: string;
  /** The accounts every test database has: the admin, one user per other role, and the integrator's token. */
  accounts: { passwords: Record<string, string>; usernames: Record<Exclude<Role, Role.INTEGRATOR>, string>; integratorToken: string };
  as(caller: TestCaller): TestClient;
  /** The Cookie header of a fresh session of `username`, made without a login (no password hashing). */
  sessionCookie(username: string): Promise<string>;
  stop(): Promise<void>;
}

export const TEST_ADMIN_PASSWORD = 'test-admin-password';

/** The day the tests live on, so deadline statuses do not drift with the calendar. */
export const TEST_TODAY = '2025-03-01';

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const adminUrl = inject('adminDatabaseUrl');
  const database = uniqueDatabaseName('registry_test');
  await adminQuery(adminUrl, `create database "${database}" template "${inject('templateDatabase')}"`);
  const databaseUrl = withDatabase(adminUrl, database);
  const config = loadConfig({
    port: 0,
    host: '127.0.0.1',
    today: TEST_TODAY,
    loadDemoData: false,
    sessionSecret: 'a session secret for the test suite only',
    // Credentials stay remembered for the whole run, so that whether a request reads its caller's token or user does
    // not hang on how slow the machine is; tests of the lapse move the clock instead.
    credentialCacheMs: 3_600_000,
    ...overrides,
  });
  const orm = await connectDatabase(databaseUrl, config);
  // The template holds the demo documents but no users: the accounts of a first start with the demo.
  await createFirstAccounts(orm.em.fork(), { adminPassword: TEST_ADMIN_PASSWORD, demo: true });
  const app: RegistryApp = await startApp(orm, config);

  const sessionCookie = async (username: string) => {
    const user = await orm.em.fork().findOneOrFail(User, { username });
    return `${sessionCookieName(config)}=${await signSession(user, config)}`;
  };
  const usernames = { ADMIN: 'admin', EDITOR: 'editor', AUDITOR: 'auditor', REPORTER: 'reporter' } as const;
  const passwords: Record<string, string> = { admin: TEST_ADMIN_PASSWORD };
  for (const demo of DEMO_USERS) passwords[demo.username] = demo.password;

  const authorizationOf = async (caller: TestCaller): Promise<Record<string, string>> => {
    if (typeof caller === 'object') {
      if ('bearer' in caller) return { authorization: `Bearer ${caller.bearer}` };
      if ('cookie' in caller) return { cookie: caller.cookie };
      return { cookie: await sessionCookie(caller.username) };
    }
    if (caller === ANONYMOUS) return {};
    if (caller === Role.INTEGRATOR) return { authorization: `Bearer ${DEMO_TOKEN.secret}` };
    return { cookie: await sessionCookie(usernames[caller]) };
  };

  const clientOf = (caller: TestCaller): TestClient => {
    // A session made once, on first use: logging out (or a password reset) ends it, as it would a browser's.
    let authorization: Promise<Record<string, string>> | undefined;
    const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> => {
      authorization ??= authorizationOf(caller);
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await authorization) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'sqlStatements'>;
      return { status: response.status, ...body, sqlStatements: Number(response.headers.get('x-sql-statements')) };
    };
    return {
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
    };
  };

  return {
    url: app.url,
    orm,
    config,
    databaseUrl,
    ...clientOf(Role.ADMIN),
    accounts: { passwords, usernames, integratorToken: DEMO_TOKEN.secret },
    as: clientOf,
    sessionCookie,
    async stop() {
      await app.stop();
      await orm.close();
      await adminQuery(adminUrl, `drop database if exists "${database}" with (force)`);
    },
  };
}
