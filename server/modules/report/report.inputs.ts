import { ArrayMaxSize, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

import { ExpectedReportStatus, ReportKind, ReportStatus } from './report.enums';

@InputType({ description: "A value against one of the task's targets" })
export class ReportTargetValueInput {
  @Field(() => Int, { description: 'Position of the target in task.targets, from 0' })
  @Min(0)
  targetIndex!: number;

  @Field(() => Float)
  value!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  text?: string | null;
}

@InputType({ description: 'A draft report on a task, or on a whole document; submit it with submitReport' })
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

  @Field(() => [ReportTargetValueInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  targetValues?: ReportTargetValueInput[];
}

@InputType({ description: 'Changes to a DRAFT report; a submitted one is never edited in place' })
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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200_000)
  text?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100)
  progress?: number | null;

  @Field(() => [ReportTargetValueInput], { nullable: true, description: 'Replaces the reported values' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  targetValues?: ReportTargetValueInput[];
}

@InputType({ description: 'A step of the workflow on the report at the version the caller read' })
export class ReportStepInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;
}

@InputType({ description: 'Submitting a draft; an editor recording a report that came on paper gives the day it arrived' })
export class SubmitReportInput extends ReportStepInput {
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Editors only: the day a paper report arrived (not in the future); unset, now',
  })
  receivedOn?: string | null;
}

@InputType({ description: 'Returning a submitted report to its agency, saying what to correct' })
export class ReturnReportInput extends ReportStepInput {
  @Field(() => String)
  @Length(1, 5000)
  comment!: string;
}

@InputType({ description: 'A file for a DRAFT report, as base64' })
export class AddReportAttachmentInput {
  @Field(() => ID)
  reportId!: string;

  @Field(() => String)
  @Length(1, 255)
  @Matches(/^[^/\\\0]+$/, { message: 'fileName is a name, without folders' })
  fileName!: string;

  @Field(() => String, { description: 'e.g. application/pdf' })
  @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'mediaType must look like type/subtype, e.g. application/pdf' })
  mediaType!: string;

  @Field(() => String)
  @MaxLength(8 * 1024 * 1024)
  contentBase64!: string;
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

  @Field(() => Boolean, {
    nullable: true,
    description: "Only the latest revision of each agency's report for a period (true), or only the earlier ones (false)",
  })
  latestRevision?: boolean;

  @Field(() => [ExpectedReportStatus], {
    nullable: true,
    description: 'Reports on a reporting duty that arrived on time (RECEIVED) or after their due date (LATE)',
  })
  deliveryStatus?: ExpectedReportStatus[];
}

@InputType({ description: 'Which expected reports to list: those falling due between from and to' })
export class ExpectedReportFilter {
  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver)
  to!: string;

  @Field(() => ID, { nullable: true })
  taskId?: string;

  @Field(() => ID, { nullable: true, description: 'The reporting agency' })
  agencyId?: string;

  @Field(() => ID, { nullable: true, description: 'Tasks whose source clause is in this document' })
  documentId?: string;

  @Field(() => [ExpectedReportStatus], { nullable: true })
  status?: ExpectedReportStatus[];
}
