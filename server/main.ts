// npm start: the registry with nothing but Node — an embedded PostgreSQL unless DATABASE_URL names one.
import { connectDatabase, migrate, startApp } from './app';
import { loadConfig } from './config';
import { APP_ROLE, DataDirInUseError, type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { loadDemoData } from './demo/load-demo';
import { todayIn } from './graphql/context';
import { prepareAccounts } from './modules/account/bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    console.log(`Starting the embedded PostgreSQL in ${config.dataDir} …`);
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'registry', appRole: APP_ROLE });
    databaseUrl = embedded.url;
  }
  const orm = await connectDatabase(databaseUrl, config).catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  const applied = await migrate(orm);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  if (config.loadDemoData) {
    const today = config.today ?? todayIn(config.timeZone);
    const loaded = await loadDemoData(orm.em.fork(), config, { importSeeds: true, reports: { today }, log: console.warn });
    if (loaded) console.log(`Loaded the demo data: ${loaded}`);
  }
  // The first administrator (and the demo's accounts) on a registry without users; the passwords are printed once.
  for (const line of await prepareAccounts(orm.em.fork(), config)) console.log(line);
  const app = await startApp(orm, config);
  console.log(`Directive registry ready: ${app.url}/graphql (API), ${app.url}/ (console), ${app.url}/healthz`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests and stopping …`);
    try {
      await app.stop();
      await orm.close();
      await embedded?.stop();
      process.exit(0);
    } catch (error) {
      console.error('Shutdown failed:', error);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof DataDirInUseError) console.error(error.message);
  else console.error('The registry could not start:', error);
  process.exit(1);
});
