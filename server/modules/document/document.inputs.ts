import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

import { OrderDirection } from '../../graphql/connection';
import { ClauseTreeInput } from '../clause/clause.inputs';
import { DocumentKind, DocumentStatus, RelationType } from './document.enums';

/** A whole document's text, as pasted or extracted: generous, but bounded. */
export const MAX_ORIGINAL_TEXT = 2_000_000;

@InputType()
export class RecipientInput {
  @Field(() => String)
  @Length(1, 500)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  purpose?: string | null;

  @Field(() => ID, { nullable: true })
  agencyId?: string | null;
}

@InputType()
export class CreateDocumentInput {
  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  symbol?: string | null;

  @Field(() => String)
  @Length(1, 5000)
  title!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  issuedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  place?: string | null;

  @Field(() => ID, { nullable: true })
  issuerId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  signerName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  signerTitle?: string | null;

  @Field(() => DocumentStatus, { nullable: true })
  status?: DocumentStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_ORIGINAL_TEXT)
  originalText?: string | null;

  @Field(() => [RecipientInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  recipients?: RecipientInput[];

  @Field(() => Boolean, { nullable: true, description: 'Known only from a citation' })
  referenced?: boolean;

  @Field(() => [ClauseTreeInput], { nullable: true, description: 'The clause tree, top-level clauses first' })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  clauses?: ClauseTreeInput[];
}

@InputType()
export class UpdateDocumentInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => DocumentKind, { nullable: true })
  kind?: DocumentKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  symbol?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 5000)
  title?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  issuedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  place?: string | null;

  @Field(() => ID, { nullable: true })
  issuerId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  signerName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  signerTitle?: string | null;

  @Field(() => DocumentStatus, { nullable: true })
  status?: DocumentStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_ORIGINAL_TEXT)
  originalText?: string | null;

  @Field(() => [RecipientInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  recipients?: RecipientInput[];

  @Field(() => Boolean, { nullable: true })
  referenced?: boolean;
}

@InputType()
export class DocumentFilter {
  @Field(() => String, { nullable: true, description: 'Words of the symbol or title; accents optional' })
  @IsOptional()
  @Length(1, 200)
  search?: string;

  @Field(() => [DocumentKind], { nullable: true })
  kind?: DocumentKind[];

  @Field(() => ID, { nullable: true })
  issuerId?: string;

  @Field(() => Int, { nullable: true, description: 'Year of issue' })
  @IsOptional()
  @Min(1900)
  @Max(2200)
  year?: number;

  @Field(() => [DocumentStatus], { nullable: true })
  status?: DocumentStatus[];

  @Field(() => Boolean, { nullable: true })
  referenced?: boolean;
}

export enum DocumentOrderField {
  ISSUED_ON = 'ISSUED_ON',
  SYMBOL = 'SYMBOL',
  TITLE = 'TITLE',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(DocumentOrderField, { name: 'DocumentOrderField' });

@InputType()
export class DocumentOrder {
  @Field(() => DocumentOrderField)
  field!: DocumentOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}

@InputType()
export class CreateDocumentRelationInput {
  @Field(() => ID, { description: 'The citing document' })
  fromId!: string;

  @Field(() => ID, { description: 'The cited document' })
  toId!: string;

  @Field(() => RelationType)
  type!: RelationType;

  @Field(() => ID, { nullable: true, description: 'Clause of the citing document where the reference stands' })
  citingClauseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Clause of the cited document that is referred to, when the citation names one' })
  targetClauseId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  citationText?: string | null;
}

@InputType()
export class UpdateDocumentRelationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => RelationType, { nullable: true })
  type?: RelationType;

  @Field(() => ID, { nullable: true, description: 'null to clear' })
  citingClauseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'null to clear' })
  targetClauseId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  citationText?: string | null;
}
