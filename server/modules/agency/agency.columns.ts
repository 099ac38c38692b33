// What each field of Agency reads, for the request's column plan (server/graphql/column-plan.ts); see task.columns.ts.
import type { EntityColumns } from '../../graphql/column-plan';

export const AGENCY_COLUMNS: EntityColumns = {
  entity: 'Agency',
  fields: {
    id: [],
    createdAt: ['createdAt'],
    updatedAt: ['updatedAt'],
    version: ['version'],
    name: ['name'],
    shortName: ['shortName'],
    aliases: ['aliases'],
    kind: ['kind'],
    level: ['level'],
    isGroup: ['isGroup'],
    parent: ['parent'],
  },
};
