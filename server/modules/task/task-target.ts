import { Field, Float, ObjectType } from 'type-graphql';

import { TargetComparator } from './task.enums';

@ObjectType({ description: 'A measurable target of a task, as written and, where it has one, as a number' })
export class TaskTarget {
  @Field(() => String, { description: 'As written: "kéo giảm ít nhất 5%"' })
  text!: string;

  @Field(() => TargetComparator, { nullable: true })
  comparator?: TargetComparator | null;

  @Field(() => Float, { nullable: true })
  value?: number | null;

  @Field(() => String, { nullable: true })
  unit?: string | null;
}
