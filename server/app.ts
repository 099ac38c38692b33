// Assembles the server: database, migrations, GraphQL, HTTP. main.ts runs it; tests start it the same way.
import 'reflect-metadata';

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer } from '@apollo/server';
import { MikroORM } from '@mikro-orm/postgresql';

import type { Config } from './config';
import { ormConfig } from './database/orm-config';
import { countSqlStatements } from './database/sql-statement-counter';
import { formatError } from './errors';
import type { Context } from './graphql/context';
import { registrySchema } from './graphql/schema';
import { createHttpServer } from './http/http-server';

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
      driverOptions: { connection: { statement_timeout: config.production ? 30_000 : 0 } },
    }),
  );
  countSqlStatements(orm);
  return orm;
}

export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}

export async function startApp(orm: MikroORM, config: Config): Promise<RegistryApp> {
  const exposeInternals = config.exposeInternalErrors && !config.production;
  const apollo = new ApolloServer<Context>({
    schema: await registrySchema(),
    formatError: formatError(exposeInternals),
    includeStacktraceInErrorResponses: exposeInternals,
    introspection: true,
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
