import { ArrayMaxSize, IsOptional, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

import { ClauseKind } from './clause.enums';

/** Longest clause text accepted: far above any real clause, well below what would hurt the server. */
export const MAX_CLAUSE_TEXT = 100_000;

@InputType({ description: 'A clause with its sub-clauses, for entering a whole tree at once' })
export class ClauseTreeInput {
  @Field(() => String, { description: 'As printed: "II", "2.1", "a", "-"; empty for an unlabelled paragraph' })
  @MaxLength(50)
  label!: string;

  @Field(() => ClauseKind)
  kind!: ClauseKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  heading?: string | null;

  @Field(() => String)
  @MaxLength(MAX_CLAUSE_TEXT)
  text!: string;

  @Field(() => [ClauseTreeInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  children?: ClauseTreeInput[];
}

@InputType()
export class AddClauseInput {
  @Field(() => ID)
  documentId!: string;

  @Field(() => ID, { nullable: true, description: 'Omit for a top-level clause' })
  parentId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Place among the siblings, from 0; omit to append' })
  @IsOptional()
  @Min(0)
  position?: number;

  @Field(() => String)
  @MaxLength(50)
  label!: string;

  @Field(() => ClauseKind)
  kind!: ClauseKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  heading?: string | null;

  @Field(() => String)
  @MaxLength(MAX_CLAUSE_TEXT)
  text!: string;
}

@InputType({ description: 'Changes to a clause; its path follows its label, never its text' })
export class UpdateClauseInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  label?: string;

  @Field(() => ClauseKind, { nullable: true })
  kind?: ClauseKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  heading?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_CLAUSE_TEXT)
  text?: string;
}

@InputType()
export class MoveClauseInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => ID, { nullable: true, description: 'The new parent, in the same document; null for the top level' })
  parentId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Place among the new siblings, from 0; omit to append' })
  @IsOptional()
  @Min(0)
  position?: number;
}

@InputType()
export class ClauseFilter {
  @Field(() => ID, { nullable: true })
  documentId?: string;

  @Field(() => [ClauseKind], { nullable: true })
  kind?: ClauseKind[];

  @Field(() => String, { nullable: true, description: 'Words of the label, heading or text; accents optional' })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}
