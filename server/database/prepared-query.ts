// Statements a request sends many times with other values, prepared once per connection so that PostgreSQL plans them
// once (a generic plan after its first five runs) instead of for every request.
//
// MikroORM writes the values into the SQL text, so every statement is parsed and planned afresh. For most that costs
// little; for a page's deadline statuses, where PostgreSQL inlines task_deadline_status() and the functions below it,
// planning took 2.9 ms against 0.9 ms of execution (docs/performance.md).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PoolClient, QueryResult } from 'pg';

interface KnexClient {
  acquireConnection(): Promise<PoolClient>;
  releaseConnection(connection: PoolClient): Promise<void>;
}

/**
 * The rows of `sql` (with `?` placeholders, as em.execute takes) for `params`, as a prepared statement named `name`
 * (one name per SQL text). Inside a transaction it runs on the transaction's connection, unprepared.
 */
export async function preparedQuery<R>(em: EntityManager, name: string, sql: string, params: unknown[]): Promise<R[]> {
  if (em.isInTransaction()) return em.execute<R[]>(sql, params);
  let index = 0;
  const text = sql.replace(/\?/g, () => `$${++index}`);
  const knex = em.getConnection().getKnex();
  const client = knex.client as unknown as KnexClient;
  const connection = await client.acquireConnection();
  try {
    // Announced as knex announces its own, so that the statement counter and the benchmark's EXPLAIN capture see it.
    knex.emit('query', { sql, bindings: params });
    const result: QueryResult = await connection.query({ name, text, values: params });
    return result.rows as R[];
  } finally {
    await client.releaseConnection(connection);
  }
}
