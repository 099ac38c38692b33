// The relations of documents, as their field resolvers and prefetch (server/graphql/prefetch.ts) load them.
import { refUuid } from '../../graphql/dataloader';
import { type Relations, whenLoaded } from '../../graphql/relation';
import { inDocumentOrder } from '../clause/clause.loaders';
import type { Document } from './document.entity';

export const DOCUMENT_RELATIONS = {
  clauses: {
    type: 'Clause',
    load: (document, loaders) => whenLoaded(loaders.clause.ofDocument.get(document.uuid), inDocumentOrder),
    ownResolver: true,
  },
  issuer: {
    type: 'Agency',
    load: (document, loaders) => {
      const uuid = refUuid(document.issuer);
      return uuid ? loaders.agency.byUuid.get(uuid) : null;
    },
  },
} satisfies Relations<Document>;
