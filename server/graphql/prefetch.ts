// Lists load their nodes' relations ahead, level by level, before they answer: the page of tasks, then at once their
// clauses, assignments and statuses, then the clauses' documents and the assignments' agencies. The same loaders, so the
// same statements; but when GraphQL reaches the nodes every relation is already there, and the field resolvers answer
// without a promise (SettledLoader.get). For a page of 50 tasks that is some 350 promises fewer, with the work GraphQL
// does to wait on each (docs/performance.md). Where a relation's rows point at others the query also asks for (a task's
// clause at its document, its assignments at their agencies), the relation's `preload` brings both in one statement.
import type { GraphQLResolveInfo } from 'graphql';

import type { Loaders } from './context';
import { isPromiseLike } from './dataloader';
import { nodeSelectionOf, type Selection } from './lookahead';
import type { Relation, Relations } from './relation';
import { RELATIONS } from './relation-tables';

/**
 * Loads what `selection` asks of `entities` (of GraphQL type `type`), and below it. A failed load is left for its field
 * to report, as it would have without prefetching.
 */
export async function prefetch(type: string, entities: readonly object[], selection: Selection, loaders: Loaders): Promise<void> {
  const relations = RELATIONS[type] as Relations<object> | undefined;
  if (!relations || entities.length === 0) return;
  await Promise.all(
    Object.entries(selection).map(async ([field, below]) => {
      const relation = relations[field];
      if (!relation) return;
      await preloadSafely(relation, entities, below, loaders);
      const loaded = await settledValues(entities.map((entity) => loadSafely(relation, entity, loaders)));
      if (!relation.type) return;
      await prefetch(
        relation.type,
        loaded.filter((value): value is object => value != null),
        below,
        loaders,
      );
    }),
  );
}

/**
 * The values of `loads`, flattened, without those that failed (their fields report them). Loads a preload settled are
 * values, not promises (SettledLoader.get): when all are, they are taken as they are, without a promise for each and a
 * turn of the microtask queue to settle it (hundreds for a page).
 */
async function settledValues(loads: unknown[]): Promise<unknown[]> {
  if (!loads.some(isPromiseLike)) return loads.flat();
  const outcomes = await Promise.allSettled(loads);
  return outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : [])).flat();
}

/** A preload that fails leaves its rows unloaded: the loads that follow ask again, and report what fails. */
async function preloadSafely(relation: Relation<object>, entities: readonly object[], below: Selection, loaders: Loaders): Promise<void> {
  try {
    await relation.preload?.(entities, below, loaders);
  } catch {
    return;
  }
}

/** What `relation` brings for `entity`; a load that throws becomes a rejection, for its field to report. */
function loadSafely(relation: Relation<object>, entity: object, loaders: Loaders): unknown {
  try {
    return relation.load(entity, loaders);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** A connection, once its nodes' relations that the query asks for are loaded. */
export async function prefetchConnection<C extends { nodes: object[] }>(
  type: string,
  connection: Promise<C>,
  info: GraphQLResolveInfo,
  loaders: Loaders,
): Promise<C> {
  const page = await connection;
  await prefetch(type, page.nodes, nodeSelectionOf(info), loaders);
  return page;
}
