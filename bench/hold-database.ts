// Keeps a benchmark cluster running for psql sessions: npm run … bench/hold-database.ts --scale S; Ctrl-C stops it.
import { openBenchDatabase, scaleArgument } from './bench-database';

void openBenchDatabase(scaleArgument()).then((database) => {
  console.log(`app: ${database.url}\nsuperuser: ${database.superuserUrl}`);
  process.on('SIGTERM', () => void database.stop().then(() => process.exit(0)));
  process.on('SIGINT', () => void database.stop().then(() => process.exit(0)));
});
