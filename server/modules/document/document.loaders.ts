import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import { loaderByRelation, loaderByUuid, pgArray } from '../../graphql/dataloader';
import { Document, DocumentRelation } from './document.entity';

export function createDocumentLoaders(em: EntityManager) {
  return {
    byUuid: loaderByUuid(em, Document),
    /** original_text is lazy on the entity; this reads it for the documents that ask. */
    originalText: new DataLoader<string, string | null>(async (uuids) => {
      const rows: { id: string; original_text: string | null }[] = await em
        .getConnection()
        .execute('select id, original_text from document where id = any(?::uuid[])', [pgArray(uuids)]);
      const texts = new Map(rows.map((row) => [row.id, row.original_text]));
      return uuids.map((uuid) => texts.get(uuid) ?? null);
    }),
    relationsFrom: loaderByRelation(em, DocumentRelation, 'from', { type: 'asc', createdAt: 'asc' }),
    relationsTo: loaderByRelation(em, DocumentRelation, 'to', { type: 'asc', createdAt: 'asc' }),
  };
}
