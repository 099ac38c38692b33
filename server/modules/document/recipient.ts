import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One line of Nơi nhận' })
export class Recipient {
  @Field(() => String, { description: 'As printed' })
  name!: string;

  @Field(() => String, { nullable: true, description: '"báo cáo" (for information) or "thực hiện" (to act)' })
  purpose?: string | null;

  /** UUID of the agency this line names, when known. */
  agencyUuid?: string | null;
}
