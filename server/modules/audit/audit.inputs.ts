import { ArrayMaxSize, IsOptional, Matches, MaxLength } from 'class-validator';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';

import { AuditAction } from './audit.enums';

@InputType({ description: 'Which audit events: every given condition holds' })
export class AuditEventFilter {
  @Field(() => String, {
    nullable: true,
    description: 'The record type: Document, Clause, Task, Assignment, Agency, Report, User, ApiToken …',
  })
  @IsOptional()
  @MaxLength(100)
  entityType?: string;

  @Field(() => ID, { nullable: true, description: "The record's global ID; a deleted record's ID still finds its history" })
  entityId?: string;

  @Field(() => String, { nullable: true, description: 'Username, token name, "system" or "anonymous", exactly' })
  @IsOptional()
  @MaxLength(200)
  actorName?: string;

  @Field(() => [AuditAction], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(3)
  action?: AuditAction[];

  @Field(() => DateTimeResolver, { nullable: true, description: 'Changes made at or after this moment' })
  from?: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Changes made at or before this moment' })
  to?: Date;

  @Field(() => String, { nullable: true, description: 'The events of one mutation (AuditEvent.transactionId)' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'transactionId is a number, as AuditEvent.transactionId gives it' })
  transactionId?: string;
}
