// What each field of Document reads, for the request's column plan (server/graphql/column-plan.ts); see task.columns.ts.
import type { EntityColumns } from '../../graphql/column-plan';

export const DOCUMENT_COLUMNS: EntityColumns = {
  entity: 'Document',
  fields: {
    id: [],
    createdAt: ['createdAt'],
    updatedAt: ['updatedAt'],
    version: ['version'],
    kind: ['kind'],
    symbol: ['symbol'],
    title: ['title'],
    issuedOn: ['issuedOn'],
    place: ['place'],
    signerName: ['signerName'],
    signerTitle: ['signerTitle'],
    status: ['status'],
    referenced: ['referenced'],
    issuer: ['issuer'],
    // Put in printed order from each clause's parent and position (inDocumentOrder).
    clauses: { Clause: ['parent', 'position'] },
  },
};
