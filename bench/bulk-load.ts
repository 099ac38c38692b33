// Bulk loading through pg: one INSERT … SELECT FROM unnest(arrays) per chunk, secondary indexes built after the load.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Client } from 'pg';

/** [column, element type of the array parameter, optional cast of the column in the SELECT] */
export type BulkColumn = [name: string, arrayType: string, cast?: string];

/** Rows a table holds in memory, and sends in one INSERT. */
const CHUNK_ROWS = 20_000;

/**
 * A table's generated rows, by column. With `spillDir`, each full chunk is written there as JSON and read back when
 * the table is loaded: at S=10 the rows of all tables held at once (two million reports, a million clauses with their
 * texts) needed an 8 GB heap, spilled they need what one chunk of each table takes.
 */
export class BulkTable {
  private columns: unknown[][];
  private readonly spilledChunks: string[] = [];
  private spilledRows = 0;

  constructor(
    readonly name: string,
    readonly columnSpecs: BulkColumn[],
    private readonly spillDir?: string,
  ) {
    this.columns = columnSpecs.map(() => []);
  }

  get length(): number {
    return this.spilledRows + this.columns[0].length;
  }

  push(row: unknown[]): void {
    if (row.length !== this.columnSpecs.length)
      throw new Error(`${this.name}: ${row.length} values for ${this.columnSpecs.length} columns`);
    row.forEach((value, index) => this.columns[index].push(value));
    if (this.spillDir && this.columns[0].length >= CHUNK_ROWS) {
      const file = join(this.spillDir, `${this.name}-${this.spilledChunks.length}.json`);
      writeFileSync(file, JSON.stringify(this.columns));
      this.spilledChunks.push(file);
      this.spilledRows += this.columns[0].length;
      this.columns = this.columnSpecs.map(() => []);
    }
  }

  async insertInto(client: Client): Promise<void> {
    const names = this.columnSpecs.map(([name]) => `"${name}"`).join(', ');
    const unnest = this.columnSpecs.map(([, arrayType], index) => `$${index + 1}::${arrayType}[]`).join(', ');
    const selected = this.columnSpecs.map(([name, , cast], index) => `c${index}${cast ? `::${cast}` : ''} as "${name}"`).join(', ');
    const aliases = this.columnSpecs.map((_, index) => `c${index}`).join(', ');
    const sql = `insert into "${this.name}" (${names}) select ${selected} from unnest(${unnest}) as rows(${aliases})`;
    for (const file of this.spilledChunks) {
      await client.query(sql, JSON.parse(readFileSync(file, 'utf8')) as unknown[][]);
      rmSync(file);
    }
    const held = this.columns[0].length;
    for (let start = 0; start < held; start += CHUNK_ROWS) {
      await client.query(
        sql,
        this.columns.map((values) => values.slice(start, start + CHUNK_ROWS)),
      );
    }
  }
}

/** Every foreign key of the loaded tables, and the rules the clause and reference triggers enforce, over whole tables. */
async function checkRules(client: Client, tables: string[]): Promise<void> {
  const { rows: foreignKeys } = await client.query<{
    name: string;
    child: string;
    parent: string;
    child_columns: string[];
    parent_columns: string[];
  }>(
    `select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
            array(select attname from unnest(c.conkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by n)::text[] as child_columns,
            array(select attname from unnest(c.confkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by n)::text[] as parent_columns
       from pg_constraint c where c.contype = 'f' and c.conrelid::regclass::text = any($1)`,
    [tables.map((table) => `"${table}"`).concat(tables)],
  );
  const checks = foreignKeys.map(({ name, child, parent, child_columns: childColumns, parent_columns: parentColumns }) => ({
    name,
    sql: `select count(*)::int as broken from ${child} c where ${childColumns.map((column) => `c."${column}" is not null`).join(' and ')}
            and not exists (select 1 from ${parent} p where ${childColumns.map((column, index) => `p."${parentColumns[index]}" = c."${column}"`).join(' and ')})`,
  }));
  checks.push(
    {
      name: 'clause_parent_same_document',
      sql: `select count(*)::int as broken from clause c join clause p on p.id = c.parent_id where p.document_id <> c.document_id`,
    },
    {
      name: 'document_relation_citing_clause_of_source',
      sql: `select count(*)::int as broken from document_relation r join clause c on c.id = r.citing_clause_id where c.document_id <> r.from_document_id`,
    },
  );
  for (const check of checks) {
    const { rows } = await client.query<{ broken: number }>(check.sql);
    if (rows[0].broken) throw new Error(`${rows[0].broken} generated rows break ${check.name}`);
  }
}

async function timed(what: string, work: () => Promise<void>): Promise<void> {
  const started = performance.now();
  await work();
  console.log(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Loads the tables in order (parents first) in one transaction. Secondary indexes that back no constraint are
 * dropped first and rebuilt from their own definitions afterwards: building a trigram index once is far cheaper
 * than updating it row by row. Constraints, foreign keys and triggers stay on, so the data obeys every rule.
 */
export async function loadTables(client: Client, tables: BulkTable[]): Promise<void> {
  const names = tables.map((table) => table.name);
  await client.query(`set synchronous_commit = off`);
  await client.query(`set maintenance_work_mem = '256MB'`);
  await client.query('begin');
  try {
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `select i.relname as name, pg_get_indexdef(i.oid) as definition
         from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
        where t.relname = any($1) and t.relnamespace = 'public'::regnamespace
          and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`,
      [names],
    );
    // Checking each row's foreign keys and tree rules one by one costs most of the load; a superuser may switch the
    // row triggers off for this transaction and check every rule once, over whole tables, afterwards.
    const checkAfterwards = await client.query(`set local session_replication_role = replica`).then(
      () => true,
      async () => {
        await client.query('rollback');
        await client.query('begin');
        return false;
      },
    );
    for (const index of indexes) await client.query(`drop index "${index.name}"`);
    for (const table of tables) await timed(`${table.length.toLocaleString('en')} rows into ${table.name}`, () => table.insertInto(client));
    await timed(`${indexes.length} indexes rebuilt`, async () => {
      for (const index of indexes) await client.query(index.definition);
    });
    if (checkAfterwards) {
      await client.query(`set local session_replication_role = origin`);
      await timed('foreign keys and tree rules checked', () => checkRules(client, names));
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  // Vacuumed as well as analysed, so that the first run after a load reads the tables as every later run and a production
  // database do, with their visibility map set (index-only scans skip the heap) and their rows' hint bits written, and
  // without autovacuum working through millions of new rows in the middle of it: it did, in the first S=10 run after a
  // load, through the four largest tables during the first two workloads.
  await timed('tables vacuumed and analysed', async () => {
    await client.query(`vacuum (freeze, analyze) ${names.map((name) => `"${name}"`).join(', ')}`);
  });
}
