// The draft as GraphQL sees it: each class is both the output of previewImport and the input of commitImport,
// so what the console shows is exactly what it sends back, corrected.
import { ArrayMaxSize, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';

import { Agency } from '../agency/agency.entity';
import { ClauseKind } from '../clause/clause.enums';
import { MAX_CLAUSE_TEXT } from '../clause/clause.inputs';
import { DocumentKind, RelationType } from '../document/document.enums';
import { MAX_ORIGINAL_TEXT } from '../document/document.inputs';
import { Recurrence, TargetComparator, TaskKind } from '../task/task.enums';

@ObjectType('DraftReference', { description: 'A document the text cites' })
@InputType('DraftReferenceInput')
export class DraftReferenceType {
  @Field(() => RelationType)
  relation!: RelationType;

  @Field(() => DocumentKind, { nullable: true })
  kind!: DocumentKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  symbol!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  issuedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'The issuer as the citation names it' })
  @IsOptional()
  @MaxLength(500)
  issuer!: string | null;

  @Field(() => String, { description: 'The words of the citation' })
  @MaxLength(5000)
  text!: string;

  @Field(() => String, { nullable: true, description: 'Where the citation stands in this document' })
  @IsOptional()
  @MaxLength(200)
  clausePath!: string | null;

  @Field(() => String, { nullable: true, description: 'In a chain, the symbol of the cited document that implements this one' })
  @IsOptional()
  @MaxLength(100)
  citedBySymbol!: string | null;
}

@ObjectType('DraftClause')
@InputType('DraftClauseInput')
export class DraftClauseType {
  @Field(() => String, { description: 'Computed again on commit from labels and shape' })
  @MaxLength(200)
  path!: string;

  @Field(() => String)
  @MaxLength(50)
  label!: string;

  @Field(() => ClauseKind)
  kind!: ClauseKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  heading!: string | null;

  @Field(() => String)
  @MaxLength(MAX_CLAUSE_TEXT)
  text!: string;

  @Field(() => [DraftClauseType])
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  children!: DraftClauseType[];
}

@ObjectType('DraftTarget')
@InputType('DraftTargetInput')
export class DraftTargetType {
  @Field(() => String)
  @Length(1, 1000)
  text!: string;

  @Field(() => TargetComparator, { nullable: true })
  comparator!: TargetComparator | null;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  unit!: string | null;
}

@ObjectType('DraftDue')
@InputType('DraftDueInput')
export class DraftDueType {
  @Field(() => LocalDateResolver, { nullable: true })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'As written' })
  @IsOptional()
  @MaxLength(500)
  text!: string | null;
}

@ObjectType('DraftTask')
@InputType('DraftTaskInput')
export class DraftTaskType {
  @Field(() => String)
  @MaxLength(200)
  clausePath!: string;

  @Field(() => String)
  @Length(1, 1000)
  title!: string;

  @Field(() => TaskKind)
  kind!: TaskKind;

  @Field(() => [String], { description: 'Agency names as written' })
  @ArrayMaxSize(100)
  @MaxLength(500, { each: true })
  leads!: string[];

  @Field(() => [String])
  @ArrayMaxSize(100)
  @MaxLength(500, { each: true })
  coordinators!: string[];

  @Field(() => Boolean)
  requested!: boolean;

  @Field(() => Boolean)
  inherited!: boolean;

  @Field(() => DraftDueType)
  @ValidateNested()
  due!: DraftDueType;

  @Field(() => Recurrence)
  recurrence!: Recurrence;

  @Field(() => [DraftTargetType])
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  targets!: DraftTargetType[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  reportTo!: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  reportVia!: string | null;
}

@ObjectType('DraftRecipient')
@InputType('DraftRecipientInput')
export class DraftRecipientType {
  @Field(() => String)
  @Length(1, 500)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  purpose!: string | null;
}

@ObjectType('DraftIssuer')
@InputType('DraftIssuerInput')
export class DraftIssuerType {
  @Field(() => String)
  @Length(1, 500)
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Short names the text gives the issuer; kept as its aliases' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 500, { each: true })
  aliases?: string[] | null;
}

@ObjectType('DraftSigner')
@InputType('DraftSignerInput')
export class DraftSignerType {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  name!: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  title!: string | null;
}

@ObjectType('AgencyMatch', { description: 'A body the text names, and what the registry knows of it' })
export class AgencyMatch {
  @Field(() => String, { description: 'As written in the text' })
  name!: string;

  @Field(() => Agency, { nullable: true, description: 'The agency it will be linked to on commit; null when it will be created' })
  agency!: Agency | null;

  @Field(() => [Agency], { description: 'Other agencies it might mean; commit never picks one of these by itself' })
  candidates!: Agency[];

  @Field(() => String, { nullable: true, description: 'Name of the agency commit would create' })
  proposedName!: string | null;
}

// The fields both ways; the output is the subclass below, whose resolved fields (agencies, existingDocument) an input
// type built from this class would otherwise have to carry. This base object type is reachable from no field, so the
// schema does not show it.
@ObjectType('DocumentDraftFields')
@InputType('DocumentDraftInput', { description: 'A reviewed draft, as previewImport answered it and the reviewer corrected it' })
export class DocumentDraftType {
  @Field(() => DocumentKind, { nullable: true })
  kind!: DocumentKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  symbol!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  issuedOn!: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  place!: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  title!: string | null;

  @Field(() => DraftIssuerType, { nullable: true })
  @IsOptional()
  @ValidateNested()
  issuer!: DraftIssuerType | null;

  @Field(() => DraftSignerType, { nullable: true })
  @IsOptional()
  @ValidateNested()
  signer!: DraftSignerType | null;

  @Field(() => [DraftReferenceType])
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  references!: DraftReferenceType[];

  @Field(() => [DraftClauseType])
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  clauses!: DraftClauseType[];

  @Field(() => [DraftTaskType])
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  tasks!: DraftTaskType[];

  @Field(() => [DraftRecipientType])
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  recipients!: DraftRecipientType[];

  @Field(() => [String], { description: 'Text the importer could not place, word for word' })
  @ArrayMaxSize(5000)
  @MaxLength(MAX_CLAUSE_TEXT, { each: true })
  unplaced!: string[];

  @Field(() => [String])
  @ArrayMaxSize(5000)
  @MaxLength(2000, { each: true })
  warnings!: string[];

  @Field(() => String, { nullable: true, description: 'The text the draft was read from, stored whole with the document' })
  @IsOptional()
  @MaxLength(MAX_ORIGINAL_TEXT)
  originalText!: string | null;
}

@InputType({ description: 'Links a name of the draft to an existing agency, overriding the automatic choice' })
export class AgencyChoiceInput {
  @Field(() => String)
  @Length(1, 500)
  name!: string;

  @Field(() => ID)
  agencyId!: string;
}

@ObjectType('DocumentDraft', { description: 'What the importer read from a text, for review before commitImport' })
export class DocumentDraftPreview extends DocumentDraftType {}
