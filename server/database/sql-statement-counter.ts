// Counts the SQL statements each request sends, so tests and benchmarks can prove a page costs the same at any size.
import { AsyncLocalStorage } from 'node:async_hooks';

import type { MikroORM } from '@mikro-orm/postgresql';

interface Tally {
  statements: number;
}

const currentRequest = new AsyncLocalStorage<Tally>();

export function countSqlStatements(orm: MikroORM): void {
  orm.em.getConnection().getKnex().on('query', countStatement);
}

/** Knex announces each statement it sends; server/database/prepared-query.ts announces its own the same way. */
function countStatement(): void {
  const tally = currentRequest.getStore();
  if (tally) tally.statements += 1;
}

/** Runs `work` and tells how many statements it sent. */
export async function withStatementCount<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const tally: Tally = { statements: 0 };
  const result = await currentRequest.run(tally, work);
  return { result, statements: tally.statements };
}

export function statementsSoFar(): number | undefined {
  return currentRequest.getStore()?.statements;
}
