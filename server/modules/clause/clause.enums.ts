import { registerEnumType } from 'type-graphql';

/** Level of a clause in the printed tree: phần (PART), mục (SECTION), điểm (ITEM, POINT), gạch đầu dòng (BULLET). */
export enum ClauseKind {
  PART = 'PART',
  SECTION = 'SECTION',
  ITEM = 'ITEM',
  POINT = 'POINT',
  BULLET = 'BULLET',
  PARAGRAPH = 'PARAGRAPH',
}

registerEnumType(ClauseKind, { name: 'ClauseKind' });
