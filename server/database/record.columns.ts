// What the fields every record has (record.entity.ts) read, for the column plan (server/graphql/column-plan.ts).
import type { FieldColumns } from '../graphql/column-plan';

export const RECORD_COLUMNS: Readonly<Record<string, FieldColumns>> = {
  // The global ID is made from the primary key, which every plan reads.
  id: [],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  version: ['version'],
};
