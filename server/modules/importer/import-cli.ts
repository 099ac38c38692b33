// npm run -s import -- <file> [--json] [--commit [--replace]]: the importer from a shell. With --json, stdout holds
// the draft as JSON and nothing else; everything else goes to stderr. (-s keeps npm's own "> import" banner off stdout.)
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import { connectDatabase, migrate } from '../../app';
import { loadConfig } from '../../config';
import { APP_ROLE, startEmbeddedPostgres } from '../../database/embedded-postgres';
import { ConflictError } from '../../errors';
import { encodeGlobalId } from '../../graphql/global-id';
import { textOfFile } from './file-text';
import { draftOf, ImporterService } from './importer.service';

const USAGE = `usage: npm run -s import -- <file.txt|file.docx|file.pdf> [--json] [--commit [--replace]]
  --json     print the draft as JSON on stdout (the summary and warnings go to stderr)
  --commit   register the document in DATABASE_URL, or in the embedded PostgreSQL under DATA_DIR
  --replace  with --commit: replace the clauses, tasks and references of a document already registered`;

const OPTIONS = ['--json', '--commit', '--replace', '--help'];

// stdout is the JSON's alone: whatever else writes there (MikroORM's migrator logs with console.log) goes to stderr.
const stdout = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;

/** The exit code: 0 done, 1 the file or the database refused, 2 wrong usage. */
async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((arg) => arg.startsWith('-')));
  const files = argv.filter((arg) => !arg.startsWith('-'));
  if (flags.has('--help')) {
    stdout(`${USAGE}\n`);
    return 0;
  }
  const unknown = [...flags].filter((flag) => !OPTIONS.includes(flag));
  const problem = unknown.length
    ? `unknown option ${unknown.join(', ')}`
    : files.length !== 1
      ? `expected one file, got ${files.length}`
      : flags.has('--replace') && !flags.has('--commit')
        ? '--replace only makes sense with --commit'
        : undefined;
  if (problem) {
    console.error(`${problem}\n${USAGE}`);
    return 2;
  }
  const [file] = files;
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    return 1;
  }
  // The parser needs no database; only --commit opens one.
  const draft = draftOf(await textOfFile(basename(file), content));
  if (flags.has('--json')) {
    const { originalText: _text, ...withoutText } = draft;
    stdout(`${JSON.stringify(withoutText, null, 2)}\n`);
  }
  console.error(
    `${file}: ${draft.kind ?? 'unknown kind'} ${draft.symbol ?? '(no symbol)'}, ${draft.clauses.length} top-level clause(s), ` +
      `${draft.references.length} reference(s), ${draft.tasks.length} task(s), ${draft.unplaced.length} unplaced passage(s), ` +
      `${draft.warnings.length} warning(s)`,
  );
  for (const warning of draft.warnings) console.error(`  warning: ${warning}`);
  if (!flags.has('--commit')) return 0;

  const config = loadConfig();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'registry', appRole: APP_ROLE });
  try {
    const orm = await connectDatabase(config.databaseUrl ?? embedded!.url, config);
    try {
      await migrate(orm);
      const document = await new ImporterService(orm.em.fork()).commit(draft, { replace: flags.has('--replace') });
      console.error(`registered ${document.symbol ?? document.title} (id ${document.id})`);
      return 0;
    } catch (error) {
      // The service speaks to the API ("commit with replace: true"); here the switch is --replace.
      if (error instanceof ConflictError && error.details.documentId && !flags.has('--replace')) {
        console.error(
          `${draft.symbol ?? draft.title} is already registered (id ${encodeGlobalId('Document', String(error.details.documentId))}): ` +
            'run again with --commit --replace to replace its clauses, tasks and references',
        );
        return 1;
      }
      throw error;
    } finally {
      await orm.close();
    }
  } finally {
    await embedded?.stop();
  }
}

function exit(code: number): void {
  // process.exit does not wait for a piped stdout on every platform; the write callback does.
  stdout('', () => process.exit(code));
}

main(process.argv.slice(2)).then(exit, (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  exit(1);
});
