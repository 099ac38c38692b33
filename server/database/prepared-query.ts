// Statements a request sends many times with other values, prepared once per connection so that PostgreSQL parses and
// plans them once (a generic plan after its first five runs) instead of for every request.
//
// MikroORM writes the values into the SQL text, so every statement is parsed and planned afresh, and Node formats every
// value into it. For a page's deadline statuses, where PostgreSQL inlines task_deadline_status() and the functions below
// it, planning took 2.9 ms against 0.9 ms of execution; for the loaders' look-ups by key (`id = any($1)`) the text with
// fifty UUIDs in it cost more to format and parse than the look-up did (docs/performance.md). Only statements whose one
// good plan does not depend on the values belong here: a generic plan is chosen once for all of them.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PoolClient, QueryResult } from 'pg';

interface KnexClient {
  acquireConnection(): Promise<PoolClient>;
  releaseConnection(connection: PoolClient): Promise<void>;
}

/**
 * Each prepared text stays prepared on every connection of the pool for the connection's life; the texts come from
 * code, not from callers, but a column plan or a filter can vary them, so past this many the others run unprepared.
 */
const MAX_PREPARED_TEXTS = 200;

interface PreparedText {
  name: string;
  /** The caller's SQL with PostgreSQL's numbered placeholders. */
  text: string;
}

/** By the caller's SQL: a request's statements are the same texts again and again, numbered once. */
const preparedTexts = new Map<string, PreparedText>();

function preparedText(sql: string): PreparedText | undefined {
  let prepared = preparedTexts.get(sql);
  if (!prepared && preparedTexts.size < MAX_PREPARED_TEXTS) {
    let index = 0;
    prepared = { name: `registry_${preparedTexts.size + 1}`, text: sql.replace(/\?/g, () => `$${++index}`) };
    preparedTexts.set(sql, prepared);
  }
  return prepared;
}

/**
 * The rows of `sql` (with `?` placeholders, as em.execute takes) for `params`, as a statement prepared on the
 * connection. Inside a transaction it runs on the transaction's connection, unprepared.
 */
export async function preparedQuery<R>(em: EntityManager, sql: string, params: unknown[]): Promise<R[]> {
  if (em.isInTransaction()) return em.execute<R[]>(sql, params);
  const prepared = preparedText(sql);
  if (!prepared) return em.execute<R[]>(sql, params);
  const knex = em.getConnection().getKnex();
  const client = knex.client as unknown as KnexClient;
  const connection = await client.acquireConnection();
  try {
    // Announced as knex announces its own, so that the statement counter and the benchmark's EXPLAIN capture see it.
    knex.emit('query', { sql, bindings: params });
    const result: QueryResult = await connection.query({ name: prepared.name, text: prepared.text, values: params });
    return result.rows as R[];
  } finally {
    await client.releaseConnection(connection);
  }
}
