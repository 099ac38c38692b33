// What each field of Agency reads, for the request's column plan (server/graphql/column-plan.ts); see task.columns.ts.
import { RECORD_COLUMNS } from '../../database/record.columns';
import type { EntityColumns } from '../../graphql/column-plan';

export const AGENCY_COLUMNS: EntityColumns = {
  entity: 'Agency',
  fields: {
    ...RECORD_COLUMNS,
    name: ['name'],
    shortName: ['shortName'],
    aliases: ['aliases'],
    kind: ['kind'],
    level: ['level'],
    isGroup: ['isGroup'],
    parent: ['parent'],
  },
};
