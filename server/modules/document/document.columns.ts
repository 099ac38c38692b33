// What each field of Document reads, for the request's column plan (server/graphql/column-plan.ts); see task.columns.ts.
import { RECORD_COLUMNS } from '../../database/record.columns';
import type { EntityColumns } from '../../graphql/column-plan';
import { DOCUMENT_LINEAGE_FIELDS } from '../trace/trace.columns';

export const DOCUMENT_COLUMNS: EntityColumns = {
  entity: 'Document',
  fields: {
    ...RECORD_COLUMNS,
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
    ...DOCUMENT_LINEAGE_FIELDS,
  },
};
