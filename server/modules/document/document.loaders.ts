import type { EntityManager } from '@mikro-orm/postgresql';

import { loaderByRelation, loaderByUuid } from '../../graphql/dataloader';
import { Document, DocumentRelation } from './document.entity';

export function createDocumentLoaders(em: EntityManager) {
  return {
    byUuid: loaderByUuid(em, Document),
    relationsFrom: loaderByRelation(em, DocumentRelation, 'from', { type: 'asc', createdAt: 'asc' }),
    relationsTo: loaderByRelation(em, DocumentRelation, 'to', { type: 'asc', createdAt: 'asc' }),
  };
}
