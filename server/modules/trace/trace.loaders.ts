// Lineage walks in PostgreSQL: one recursive query per batch of documents, whatever the depth of the chain.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import { preparedQuery } from '../../database/prepared-query';
import { joinedEntity, loaderByRelation, loaderByUuid, oneOfKeys, pgArray, type SettledLoader } from '../../graphql/dataloader';
import { Clause } from '../clause/clause.entity';
import { Document, DocumentRelation } from '../document/document.entity';
import { LINEAGE_RELATIONS } from '../document/document.enums';

export interface LineageRow {
  relationUuid: string;
  depth: number;
}

/**
 * Up: follow from → to. Down: follow to → from. Cycles and very long chains stop the walk. The walk brings each
 * relation's row, the row of the document it leads to and of the clause that cites it, for the loaders by key to answer
 * them without three more statements (a trace shows all three, and its roots are among those documents).
 */
function lineageLoader(
  em: EntityManager,
  direction: 'up' | 'down',
  relationByUuid: SettledLoader<string, DocumentRelation | null>,
  along: WalkedRecords,
) {
  const [near, far] = direction === 'up' ? ['from_document_id', 'to_document_id'] : ['to_document_id', 'from_document_id'];
  return new DataLoader<string, LineageRow[]>(async (documentUuids) => {
    const relation = joinedEntity(em, DocumentRelation, 'relation');
    const document = relation && joinedEntity(em, Document, 'document');
    const citing = relation && joinedEntity(em, Clause, 'citing');
    const starts = oneOfKeys(`r.${near}`, documentUuids);
    const rows = await preparedQuery<{ start: string; id: string; depth: number }>(
      em,
      `with recursive walk(start, id, next, depth, seen) as (
         select r.${near}, r.id, r.${far}, 1, array[r.${near}, r.${far}]
           from document_relation r
          where ${starts.condition} and r.type = any(?::text[])
         union all
         select walk.start, r.id, r.${far}, walk.depth + 1, walk.seen || r.${far}
           from document_relation r join walk on r.${near} = walk.next
          where r.type = any(?::text[]) and not r.${far} = any(walk.seen) and walk.depth < 32
       )
       select step.start, step.id, step.depth${[relation, document, citing].map((joined) => (joined ? `, ${joined.columns}` : '')).join('')}
         from (select distinct on (start, id) start, id, next, depth from walk order by start, id, depth) step
         ${relation ? `join ${relation.table} on ${relation.primaryKey} = step.id` : ''}
         ${document ? `left join ${document.table} on ${document.primaryKey} = step.next` : ''}
         ${citing ? `left join ${citing.table} on ${citing.primaryKey} = relation.citing_clause_id` : ''}`,
      [starts.param, pgArray(LINEAGE_RELATIONS), pgArray(LINEAGE_RELATIONS)],
    );
    relation?.prime(rows, relationByUuid);
    document?.prime(rows, along.documentByUuid);
    citing?.prime(rows, along.clauseByUuid);
    return documentUuids.map((uuid) =>
      rows
        .filter((row) => row.start === uuid)
        .map((row) => ({ relationUuid: row.id, depth: row.depth }))
        .sort((a, b) => a.depth - b.depth),
    );
  });
}

/** The request's loaders of the records a lineage walk passes, which it fills as it goes. */
interface WalkedRecords {
  documentByUuid: SettledLoader<string, Document | null>;
  clauseByUuid: SettledLoader<string, Clause | null>;
}

export function createTraceLoaders(em: EntityManager, along: WalkedRecords) {
  const relationByUuid = loaderByUuid(em, DocumentRelation);
  return {
    lineageUp: lineageLoader(em, 'up', relationByUuid, along),
    lineageDown: lineageLoader(em, 'down', relationByUuid, along),
    relationByUuid,
    relationsTargetingClause: loaderByRelation(em, DocumentRelation, 'targetClause', { createdAt: 'asc' }),
  };
}
