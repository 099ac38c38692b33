import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import { preparedQuery } from '../../database/prepared-query';
import { joinedEntity, loaderByRelation, loaderByUuid, oneOfKeys, present, refUuid, type SettledLoader } from '../../graphql/dataloader';
import { Document } from '../document/document.entity';
import { Clause } from './clause.entity';

/** The limit chainOf keeps too: a parent cycle (which the tree rules forbid) cannot make the walk endless. */
const MAX_DEPTH = 100;

/**
 * The recursive CTE `chain(start, id, parent_id, document_id, depth)`: each start clause and its ancestors, the start at
 * depth 0. `starts` selects those five columns for the start clauses. Each step looks its parent up by key: joined
 * plainly, a prepared statement's generic plan, which cannot know how few rows the walk holds, could hash the whole
 * table instead (a subquery with an offset is not flattened into a join).
 */
export function clauseChainWalk(starts: string): string {
  return `chain(start, id, parent_id, document_id, depth) as (
         ${starts}
         union all
         select chain.start, c.id, c.parent_id, c.document_id, chain.depth + 1
           from chain cross join lateral (
             select c.id, c.parent_id, c.document_id from clause c where c.id = chain.parent_id offset 0) c
          where chain.depth < ${MAX_DEPTH - 1}
       )`;
}

/**
 * The UUIDs of a clause and its ancestors, outermost first, walked up in PostgreSQL: a trace needs these few rows, not
 * its document's whole clause tree (fifty clauses with their texts, on average, in the benchmark's data). The walk
 * brings the clauses' rows and their document's too, for `byUuid` and `documentByUuid` to answer them without two more
 * statements.
 */
function chainUuidsLoader(
  em: EntityManager,
  byUuid: SettledLoader<string, Clause | null>,
  documentByUuid: SettledLoader<string, Document | null>,
) {
  return new DataLoader<string, string[]>(async (clauseUuids) => {
    const clause = joinedEntity(em, Clause, 'clause');
    const document = clause && joinedEntity(em, Document, 'document');
    const starts = oneOfKeys('c.id', clauseUuids);
    const rows = await preparedQuery<{ start: string; id: string; depth: number }>(
      em,
      `with recursive ${clauseChainWalk(`select c.id, c.id, c.parent_id, c.document_id, 0 from clause c where ${starts.condition}`)}
       select chain.start, chain.id, chain.depth${clause ? `, ${clause.columns}` : ''}${document ? `, ${document.columns}` : ''}
         from chain
         ${clause ? `join ${clause.table} on ${clause.primaryKey} = chain.id` : ''}
         ${document ? `left join ${document.table} on ${document.primaryKey} = clause.document_id` : ''}
        order by chain.start, chain.depth desc`,
      [starts.param],
    );
    clause?.prime(rows, byUuid);
    document?.prime(rows, documentByUuid);
    const chains = new Map<string, string[]>(clauseUuids.map((uuid) => [uuid, []]));
    for (const row of rows) chains.get(row.start)?.push(row.id);
    return clauseUuids.map((uuid) => chains.get(uuid)!);
  });
}

/** `documentByUuid`: the request's loader of documents, which the walks up a clause's chain fill as they go. */
export function createClauseLoaders(em: EntityManager, documentByUuid: SettledLoader<string, Document | null>) {
  const byUuid = loaderByUuid(em, Clause);
  return {
    byUuid,
    /** All clauses of a document: the tree, ancestors and citations are all read from this one batch. */
    ofDocument: loaderByRelation(em, Clause, 'document', { treeOrder: 'asc' }),
    chainUuids: chainUuidsLoader(em, byUuid, documentByUuid),
  };
}

/** A document's clauses depth first, in printed order. */
export function inDocumentOrder(clauses: Clause[]): Clause[] {
  const children = new Map<string | null, Clause[]>();
  for (const clause of clauses) {
    const parentUuid = refUuid(clause.parent);
    children.set(parentUuid, [...(children.get(parentUuid) ?? []), clause]);
  }
  const ordered: Clause[] = [];
  const walk = (parentUuid: string | null) => {
    for (const clause of (children.get(parentUuid) ?? []).sort((a, b) => a.position - b.position)) {
      ordered.push(clause);
      walk(clause.uuid);
    }
  };
  walk(null);
  return ordered;
}

type ClauseLoaders = ReturnType<typeof createClauseLoaders>;

/**
 * The clause and its ancestors, outermost first: from the document's clauses when the request has read them already
 * (a whole tree asked with its citations), else walked up from its parent in PostgreSQL, a few rows where the
 * document's clauses are all of them (a trace, one clause's page). Either way from the clause's parent up, so that a
 * clause as it stood at a past moment is cited from where it stood.
 */
export async function clauseWithAncestors(clause: Clause, loaders: ClauseLoaders): Promise<Clause[]> {
  const documentUuid = clause.document.uuid;
  if (loaders.ofDocument.isSettled(documentUuid)) return chainOf(clause, await loaders.ofDocument.load(documentUuid));
  const parentUuid = refUuid(clause.parent);
  if (!parentUuid) return [clause];
  const ancestors = await loaders.byUuid.loadMany(await loaders.chainUuids.load(parentUuid));
  return [...ancestors.filter(present), clause];
}

/** The clause and its ancestors, outermost first, from the document's clauses. */
export function chainOf(clause: Clause, documentClauses: Clause[]): Clause[] {
  const byUuid = new Map(documentClauses.map((candidate) => [candidate.uuid, candidate]));
  const chain = [clause];
  for (let parentUuid = refUuid(clause.parent); parentUuid && chain.length < MAX_DEPTH;) {
    const parent = byUuid.get(parentUuid);
    if (!parent) break;
    chain.unshift(parent);
    parentUuid = refUuid(parent.parent);
  }
  return chain;
}
