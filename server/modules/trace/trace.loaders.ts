// Lineage walks in PostgreSQL: one recursive query per batch of documents, whatever the depth of the chain.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import { preparedQuery } from '../../database/prepared-query';
import { loaderByRelation, loaderByUuid, pgArray } from '../../graphql/dataloader';
import { DocumentRelation } from '../document/document.entity';
import { LINEAGE_RELATIONS } from '../document/document.enums';

export interface LineageRow {
  relationUuid: string;
  depth: number;
}

/** Up: follow from → to. Down: follow to → from. Cycles and very long chains stop the walk. */
function lineageLoader(em: EntityManager, direction: 'up' | 'down') {
  const [near, far] = direction === 'up' ? ['from_document_id', 'to_document_id'] : ['to_document_id', 'from_document_id'];
  return new DataLoader<string, LineageRow[]>(async (documentUuids) => {
    const rows = await preparedQuery<{ start: string; id: string; depth: number }>(
      em,
      `with recursive walk(start, id, next, depth, seen) as (
         select r.${near}, r.id, r.${far}, 1, array[r.${near}, r.${far}]
           from document_relation r
          where r.${near} = any(?::uuid[]) and r.type = any(?::text[])
         union all
         select walk.start, r.id, r.${far}, walk.depth + 1, walk.seen || r.${far}
           from document_relation r join walk on r.${near} = walk.next
          where r.type = any(?::text[]) and not r.${far} = any(walk.seen) and walk.depth < 32
       )
       select distinct on (start, id) start, id, depth from walk order by start, id, depth`,
      [pgArray(documentUuids), pgArray(LINEAGE_RELATIONS), pgArray(LINEAGE_RELATIONS)],
    );
    return documentUuids.map((uuid) =>
      rows
        .filter((row) => row.start === uuid)
        .map((row) => ({ relationUuid: row.id, depth: row.depth }))
        .sort((a, b) => a.depth - b.depth),
    );
  });
}

export function createTraceLoaders(em: EntityManager) {
  return {
    lineageUp: lineageLoader(em, 'up'),
    lineageDown: lineageLoader(em, 'down'),
    relationByUuid: loaderByUuid(em, DocumentRelation),
    relationsTargetingClause: loaderByRelation(em, DocumentRelation, 'targetClause', { createdAt: 'asc' }),
  };
}
