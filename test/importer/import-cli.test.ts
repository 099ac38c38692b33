// The importer from a shell, started as package.json starts it, against the test run's PostgreSQL: stdout carries
// the draft and nothing else, the exit code says how it went, and --commit writes the document where DATABASE_URL says.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { encodeGlobalId } from '../../server/graphql/global-id';
import { parseDocument } from '../../server/modules/importer/parse-document';
import { adminQuery, uniqueDatabaseName, withDatabase } from '../support/database';

const ROOT = join(__dirname, '..', '..');
const SEEDS = join(ROOT, 'server', 'demo', 'seeds');
const DAK_NONG = join(SEEDS, 'dak-nong-kh-19-2025-quy-dinh-183.txt');
// A directive the demo data does not hold, so its first commit creates it.
const THANH_UY = join(SEEDS, 'thanh-uy-chi-thi-quy-dinh-183.txt');
const DOCX = join(__dirname, 'fixtures', 'dak-nong-kh-19-2025-phu-luc.docx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The CLI as package.json's "import" script starts it (node with the swc register hook), without npm around it. */
function importCli(args: string[], env?: NodeJS.ProcessEnv): Promise<Run> {
  const script: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.import;
  const [node, ...rest] = script.split(/\s+/);
  expect(node).toBe('node');
  return run(process.execPath, [...rest, ...args], env);
}

describe('npm run -s import -- <file> --json', () => {
  it('prints the draft as the only thing on stdout, the summary and warnings on stderr, and exits 0', async () => {
    // -s: without it npm prints its own "> directive-registry import" banner on stdout, ahead of the JSON.
    const { code, stdout, stderr } = await run('npm', ['run', '-s', 'import', '--', DAK_NONG, '--json']);
    expect(stderr).toContain('PLAN 19/KH-UBND');
    expect(code).toBe(0);
    const draft = JSON.parse(stdout);
    expect(Object.keys(draft).sort()).toEqual(
      [
        'kind',
        'symbol',
        'issuedOn',
        'place',
        'title',
        'issuer',
        'signer',
        'references',
        'clauses',
        'tasks',
        'recipients',
        'unplaced',
        'warnings',
      ].sort(),
    );
    expect(draft).toMatchObject({
      kind: 'PLAN',
      symbol: '19/KH-UBND',
      issuedOn: '2025-01-13',
      issuer: { name: 'Ủy ban nhân dân tỉnh Đắk Nông' },
    });
    // The draft the parser gives in-process, through JSON.
    expect(draft).toEqual(JSON.parse(JSON.stringify(parseDocument(readFileSync(DAK_NONG, 'utf8')))));
    for (const warning of draft.warnings) expect(stderr).toContain(`warning: ${warning}`);
  });

  it('reads a .docx the same way', async () => {
    const { code, stdout } = await importCli([DOCX, '--json']);
    expect(code).toBe(0);
    const draft = JSON.parse(stdout);
    expect(draft.symbol).toBe('19/KH-UBND');
    expect(draft.clauses.map((clause: any) => clause.label)).toEqual(['', 'I', 'II', 'III', 'PHỤ LỤC']);
  });

  it('prints nothing on stdout without --json', async () => {
    const { code, stdout, stderr } = await importCli([DAK_NONG]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/dak-nong-kh-19-2025-quy-dinh-183\.txt: PLAN 19\/KH-UBND, 4 top-level clause\(s\)/);
  });
});

describe('wrong usage and unreadable files', () => {
  it.each([
    [[], /expected one file, got 0/],
    [[DAK_NONG, THANH_UY], /expected one file, got 2/],
    [[DAK_NONG, '--jsn'], /unknown option --jsn/],
    [[DAK_NONG, '--replace'], /--replace only makes sense with --commit/],
  ])('exits 2 with the usage on stderr for %j', async (args, problem) => {
    const { code, stdout, stderr } = await importCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(problem);
    expect(stderr).toContain('usage: npm run -s import -- <file.txt|file.docx|file.pdf> [--json] [--commit [--replace]]');
  });

  it('prints the usage on stdout for --help and exits 0', async () => {
    const { code, stdout } = await importCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm run -s import/);
  });

  it('exits 1 with what to fix for a missing file or one it cannot read', async () => {
    const missing = await importCli([join(ROOT, 'no-such-plan.txt'), '--json']);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/cannot read .*no-such-plan\.txt: no such file/);

    const json = await importCli([join(__dirname, 'fixtures', 'dak-nong-kh-19-2025-quy-dinh-183.json'), '--json']);
    expect(json).toMatchObject({ code: 1, stdout: '' });
    expect(json.stderr).toMatch(
      /"dak-nong-kh-19-2025-quy-dinh-183\.json" cannot be imported: \.json files are not read\. Save the document as \.docx, \.pdf or \.txt/,
    );
  });
});

/** A database of the test run's PostgreSQL: a copy of the migrated demo template, or an empty one. */
async function testDatabase(template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('adminDatabaseUrl');
  const database = uniqueDatabaseName('registry_cli');
  await adminQuery(adminUrl, `create database "${database}"${template ? ` template "${template}"` : ''}`);
  return { url: withDatabase(adminUrl, database), drop: () => adminQuery(adminUrl, `drop database if exists "${database}" with (force)`) };
}

async function query<T = any>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('--commit on an empty database', () => {
  it('migrates it first, the migrator logging to stderr, and writes the document and its clauses', async () => {
    const database = await testDatabase();
    try {
      const { code, stdout, stderr } = await importCli([THANH_UY, '--json', '--commit'], { DATABASE_URL: database.url });
      expect(stderr).toMatch(/\[migrator\].*Applied/);
      expect(stderr).toMatch(/registered .* \(id \S+\)/);
      expect(code).toBe(0);
      const draft = JSON.parse(stdout);

      const [document] = await query(database.url, 'select id, kind, title, original_text from document');
      expect(document).toMatchObject({ kind: 'DIRECTIVE', title: draft.title, original_text: readFileSync(THANH_UY, 'utf8') });
      expect(stderr).toContain(`(id ${encodeGlobalId('Document', document.id)})`);
      const [{ clauses }] = await query(database.url, 'select count(*)::int as clauses from clause where document_id = $1', [document.id]);
      expect(clauses).toBeGreaterThan(5);
    } finally {
      await database.drop();
    }
  });
});

describe('--commit on a copy of the demo registry', () => {
  let database: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    database = await testDatabase(inject('templateDatabase'));
  });
  afterAll(async () => database?.drop());

  const sql = (text: string, values?: unknown[]) => query(database.url, text, values);
  const commit = (file: string, ...flags: string[]) => importCli([file, '--commit', ...flags], { DATABASE_URL: database.url });

  it('writes a document the registry does not hold', async () => {
    const title = parseDocument(readFileSync(THANH_UY, 'utf8')).title;
    expect(await sql('select id from document where title = $1', [title])).toEqual([]);
    const { code, stderr } = await commit(THANH_UY);
    expect(stderr).toMatch(/registered .* \(id \S+\)/);
    expect(code).toBe(0);
    expect(await sql('select kind from document where title = $1', [title])).toEqual([{ kind: 'DIRECTIVE' }]);
  });

  it('refuses a second commit of the same document unless told --replace', async () => {
    const title = parseDocument(readFileSync(THANH_UY, 'utf8')).title;
    const [before] = await sql('select id, version from document where title = $1', [title]);

    const again = await commit(THANH_UY);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is already registered \(id \S+\): run again with --commit --replace/);
    expect(await sql('select id, version from document where title = $1', [title])).toEqual([before]);

    const replaced = await commit(THANH_UY, '--replace');
    expect(replaced.code).toBe(0);
    expect(await sql('select id from document where title = $1', [title])).toEqual([{ id: before.id }]);
  });

  it('replaces the demo’s 19/KH-UBND with the .docx, whose appendix then stands among its clauses', async () => {
    const refused = await commit(DOCX);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/19\/KH-UBND is already registered .*--replace/);

    const replaced = await commit(DOCX, '--replace');
    expect(replaced.stderr).toMatch(/registered 19\/KH-UBND/);
    expect(replaced.code).toBe(0);
    const rows = await sql(
      `select c.label, c.path from clause c join document d on d.id = c.document_id
       where d.symbol = '19/KH-UBND' and c.parent_id is null order by c.position`,
    );
    expect(rows.map((row) => row.label)).toEqual(['', 'I', 'II', 'III', 'PHỤ LỤC']);
  });
});
