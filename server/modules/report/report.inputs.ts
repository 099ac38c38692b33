import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';

import { ReportKind, ReportStatus } from './report.enums';

@InputType({ description: 'A report on a task, or on a whole document' })
export class CreateReportInput {
  @Field(() => ID, { nullable: true })
  taskId?: string | null;

  @Field(() => ID, { nullable: true })
  documentId?: string | null;

  @Field(() => ID, { description: 'The submitting agency' })
  agencyId!: string;

  @Field(() => LocalDateResolver)
  periodStart!: string;

  @Field(() => LocalDateResolver)
  periodEnd!: string;

  @Field(() => ReportKind)
  kind!: ReportKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200_000)
  text?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100)
  progress?: number | null;
}

@InputType()
export class UpdateReportInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => LocalDateResolver, { nullable: true })
  periodStart?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  periodEnd?: string;

  @Field(() => ReportKind, { nullable: true })
  kind?: ReportKind;

  @Field(() => ReportStatus, { nullable: true })
  status?: ReportStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200_000)
  text?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100)
  progress?: number | null;
}

@InputType()
export class ReportFilter {
  @Field(() => ID, { nullable: true })
  taskId?: string;

  @Field(() => ID, { nullable: true, description: 'Reports filed on the document as a whole (not those on its tasks)' })
  documentId?: string;

  @Field(() => ID, { nullable: true, description: 'The submitting agency' })
  agencyId?: string;

  @Field(() => [ReportStatus], { nullable: true })
  status?: ReportStatus[];

  @Field(() => [ReportKind], { nullable: true })
  kind?: ReportKind[];

  @Field(() => LocalDateResolver, { nullable: true, description: 'Periods ending on or after this day' })
  periodFrom?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Periods starting on or before this day' })
  periodTo?: string;
}
