// Assembles the server: database, migrations, GraphQL, HTTP. main.ts runs it; tests start it the same way.
import 'reflect-metadata';

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { MikroORM } from '@mikro-orm/postgresql';

import type { Config } from './config';
import { ormConfig } from './database/orm-config';
import { countSqlStatements } from './database/sql-statement-counter';
import { formatError } from './errors';
import { queryLimits } from './graphql/armor';
import { columnPlanPlugin } from './graphql/column-plan';
import type { Context } from './graphql/context';
import { registrySchema } from './graphql/schema';
import { createHttpServer } from './http/http-server';
import { CredentialCache } from './modules/account/credential-cache';

export interface RegistryApp {
  orm: MikroORM;
  server: Server;
  url: string;
  stop(): Promise<void>;
}

export async function connectDatabase(databaseUrl: string, config: Config): Promise<MikroORM> {
  const orm = await MikroORM.init(
    ormConfig(databaseUrl, {
      debug: false,
      // Every statement of the API, whoever sends it, is cancelled past this (0: never).
      driverOptions: { connection: { statement_timeout: config.statementTimeoutMs } },
    }),
  );
  countSqlStatements(orm);
  orm.em.getEventManager().registerSubscriber(new CredentialCache(config.credentialCacheMs));
  return orm;
}

export async function migrate(orm: MikroORM): Promise<string[]> {
  // Migrations may rightly take longer than an API request: their one transaction lifts the statement_timeout.
  const connection = orm.em.getConnection();
  const applied = await connection.transactional(async (transaction) => {
    await connection.execute('set local statement_timeout = 0', [], 'run', transaction);
    return orm.getMigrator().up({ transaction });
  });
  return applied.map((migration) => migration.name);
}

export async function startApp(orm: MikroORM, config: Config): Promise<RegistryApp> {
  const exposeInternals = config.exposeInternalErrors && !config.production;
  // Depth, aliases, directives, tokens, cost and validation errors are limited; introspection is left on here and
  // refused to anonymous callers in production by a plugin of queryLimits (csrfPrevention stays Apollo's default, on).
  const limits = queryLimits(config);
  const apollo = new ApolloServer<Context>({
    schema: await registrySchema(),
    formatError: formatError(exposeInternals),
    includeStacktraceInErrorResponses: exposeInternals,
    introspection: true,
    ...limits,
    // Cache control would run a hook on every field for hints the registry never sends.
    plugins: [
      ...limits.plugins,
      columnPlanPlugin(),
      ApolloServerPluginCacheControlDisabled(),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();
  const server = createHttpServer(apollo, orm, config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    orm,
    server,
    url: `http://${host}:${port}`,
    async stop() {
      // Stop accepting, let in-flight requests finish (cut off after a grace period), then stop Apollo.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), 10_000);
      await closed;
      clearTimeout(grace);
      await apollo.stop();
    },
  };
}
