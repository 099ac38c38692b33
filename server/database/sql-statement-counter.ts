// Counts the SQL statements each request sends, so tests and benchmarks can prove a page costs the same at any size.
import type { MikroORM } from '@mikro-orm/postgresql';

import { currentScope, runInScope } from '../request-scope';

export function countSqlStatements(orm: MikroORM): void {
  orm.em.getConnection().getKnex().on('query', countStatement);
}

/** Knex announces each statement it sends; server/database/prepared-query.ts announces its own the same way. */
function countStatement(): void {
  const tally = currentScope()?.tally;
  if (tally) tally.statements += 1;
}

/** Runs `work` and tells how many statements it sent. */
export async function withStatementCount<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const tally = { statements: 0 };
  const result = await runInScope({ tally }, work);
  return { result, statements: tally.statements };
}
