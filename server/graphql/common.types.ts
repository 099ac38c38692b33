// Small GraphQL types several modules answer with.
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What a delete removed' })
export class DeletedRecord {
  @Field(() => ID)
  id!: string;
}

@InputType({ description: 'A record to delete, at the version the caller last read' })
export class DeleteInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;
}
