import { ArrayMaxSize, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';

import { OrderDirection } from '../../graphql/connection';
import { ReportingDutyInput } from './reporting-duty';
import { AssignmentRole, DeadlineStatus, ProgressStatus, Recurrence, TargetComparator, TaskKind } from './task.enums';

@InputType()
export class TaskTargetInput {
  @Field(() => String)
  @Length(1, 1000)
  text!: string;

  @Field(() => TargetComparator, { nullable: true })
  comparator?: TargetComparator | null;

  @Field(() => Float, { nullable: true })
  value?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  unit?: string | null;
}

@InputType({ description: 'An agency on a task' })
export class AssignmentInput {
  @Field(() => ID)
  agencyId!: string;

  @Field(() => AssignmentRole)
  role!: AssignmentRole;

  @Field(() => Boolean, { nullable: true })
  requested?: boolean;

  @Field(() => Boolean, { nullable: true })
  inherited?: boolean;
}

@InputType()
export class CreateTaskInput {
  @Field(() => ID, { description: 'The clause that gives the task its legal basis' })
  sourceClauseId!: string;

  @Field(() => String)
  @Length(1, 1000)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100_000)
  description?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  dueDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  duePhrase?: string | null;

  @Field(() => Recurrence, { nullable: true })
  recurrence?: Recurrence;

  @Field(() => TaskKind, { nullable: true })
  kind?: TaskKind;

  @Field(() => ProgressStatus, { nullable: true })
  progressStatus?: ProgressStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Required when progressStatus is DONE' })
  completedOn?: string | null;

  @Field(() => [TaskTargetInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  targets?: TaskTargetInput[];

  @Field(() => ID, { nullable: true, description: 'The task of a higher document that this one carries out' })
  parentTaskId?: string | null;

  @Field(() => [AssignmentInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  assignments?: AssignmentInput[];

  @Field(() => ReportingDutyInput, { nullable: true, description: 'For a REPORTING task: who reports, to whom, when' })
  @IsOptional()
  @ValidateNested()
  reportingDuty?: ReportingDutyInput | null;
}

@InputType()
export class UpdateTaskInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => ID, { nullable: true })
  sourceClauseId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100_000)
  description?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  dueDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  duePhrase?: string | null;

  @Field(() => Recurrence, { nullable: true })
  recurrence?: Recurrence;

  @Field(() => TaskKind, { nullable: true })
  kind?: TaskKind;

  @Field(() => ProgressStatus, { nullable: true })
  progressStatus?: ProgressStatus;

  @Field(() => LocalDateResolver, { nullable: true })
  completedOn?: string | null;

  @Field(() => [TaskTargetInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  targets?: TaskTargetInput[];

  @Field(() => ID, { nullable: true })
  parentTaskId?: string | null;

  @Field(() => [AssignmentInput], { nullable: true, description: 'Replaces all assignments of the task' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  assignments?: AssignmentInput[];

  @Field(() => ReportingDutyInput, {
    nullable: true,
    description: 'For a REPORTING task: who reports, to whom, when (replaces the whole duty; null clears it)',
  })
  @IsOptional()
  @ValidateNested()
  reportingDuty?: ReportingDutyInput | null;
}

@InputType()
export class AddAssignmentInput extends AssignmentInput {
  @Field(() => ID)
  taskId!: string;
}

@InputType()
export class UpdateAssignmentInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => AssignmentRole, { nullable: true })
  role?: AssignmentRole;

  @Field(() => Boolean, { nullable: true })
  requested?: boolean;
}

@InputType()
export class TaskFilter {
  @Field(() => ID, { nullable: true, description: 'Tasks this agency is assigned to' })
  agencyId?: string;

  @Field(() => AssignmentRole, { nullable: true, description: 'With agencyId: only as LEAD, or only as COORDINATOR' })
  role?: AssignmentRole;

  @Field(() => ID, { nullable: true, description: 'Tasks whose source clause is in this document' })
  documentId?: string;

  @Field(() => ID, { nullable: true })
  sourceClauseId?: string;

  @Field(() => [ProgressStatus], { nullable: true })
  progressStatus?: ProgressStatus[];

  @Field(() => [DeadlineStatus], { nullable: true })
  deadlineStatus?: DeadlineStatus[];

  @Field(() => [TaskKind], { nullable: true })
  kind?: TaskKind[];

  @Field(() => LocalDateResolver, { nullable: true, description: 'Due on or after this day' })
  dueFrom?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Due on or before this day' })
  dueTo?: string;

  @Field(() => String, { nullable: true, description: 'Words of the title, description or due phrase; accents optional' })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}

export enum TaskOrderField {
  DUE_DATE = 'DUE_DATE',
  TITLE = 'TITLE',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(TaskOrderField, { name: 'TaskOrderField' });

@InputType()
export class TaskOrder {
  @Field(() => TaskOrderField)
  field!: TaskOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}
