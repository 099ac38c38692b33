import { ArrayMaxSize, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { registerEnumType } from 'type-graphql';

import { OrderDirection } from '../../graphql/connection';
import { AgencyKind, AgencyLevel } from './agency.enums';

@InputType()
export class CreateAgencyInput {
  @Field(() => String)
  @Length(1, 500)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  shortName?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(500, { each: true })
  aliases?: string[];

  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Field(() => AgencyLevel)
  level!: AgencyLevel;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => Boolean, { nullable: true })
  isGroup?: boolean;

  @Field(() => [ID], { nullable: true, description: 'Members of a group' })
  @IsOptional()
  @ArrayMaxSize(1000)
  memberIds?: string[];
}

@InputType()
export class UpdateAgencyInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 500)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  shortName?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(500, { each: true })
  aliases?: string[];

  @Field(() => AgencyKind, { nullable: true })
  kind?: AgencyKind;

  @Field(() => AgencyLevel, { nullable: true })
  level?: AgencyLevel;

  @Field(() => ID, { nullable: true, description: 'null to detach from the parent' })
  parentId?: string | null;

  @Field(() => Boolean, { nullable: true })
  isGroup?: boolean;

  @Field(() => [ID], { nullable: true, description: 'Replaces the members of a group' })
  @IsOptional()
  @ArrayMaxSize(1000)
  memberIds?: string[];
}

@InputType()
export class AgencyFilter {
  @Field(() => String, { nullable: true, description: 'Words of the name, short name or an alias; accents optional' })
  @IsOptional()
  @Length(1, 200)
  search?: string;

  @Field(() => [AgencyKind], { nullable: true })
  kind?: AgencyKind[];

  @Field(() => [AgencyLevel], { nullable: true })
  level?: AgencyLevel[];

  @Field(() => Boolean, { nullable: true })
  isGroup?: boolean;

  @Field(() => ID, { nullable: true })
  parentId?: string;
}

export enum AgencyOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(AgencyOrderField, { name: 'AgencyOrderField' });

@InputType()
export class AgencyOrder {
  @Field(() => AgencyOrderField)
  field!: AgencyOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}
