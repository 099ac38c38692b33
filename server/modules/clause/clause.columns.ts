// What each field of Clause reads, for the request's column plan (server/graphql/column-plan.ts); see task.columns.ts.
import { RECORD_COLUMNS } from '../../database/record.columns';
import type { EntityColumns } from '../../graphql/column-plan';

export const CLAUSE_COLUMNS: EntityColumns = {
  entity: 'Clause',
  fields: {
    ...RECORD_COLUMNS,
    path: ['path'],
    label: ['label'],
    heading: ['heading'],
    text: ['text'],
    kind: ['kind'],
    position: ['position'],
    depth: ['path'],
    document: ['document'],
    parent: ['parent'],
    // The document's clauses (one loader), those under this one in printed order.
    children: ['document', 'parent', 'position'],
    tasks: [],
  },
};
