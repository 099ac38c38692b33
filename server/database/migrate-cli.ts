// npm run migrate: applies pending migrations to DATABASE_URL, or to the embedded PostgreSQL in DATA_DIR.
import { connectDatabase, migrate } from '../app';
import { loadConfig } from '../config';
import { APP_ROLE, startEmbeddedPostgres } from './embedded-postgres';

async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'registry', appRole: APP_ROLE });
  const orm = await connectDatabase(config.databaseUrl ?? embedded!.url, config);
  try {
    const applied = await migrate(orm);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await orm.close();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
