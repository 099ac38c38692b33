// What an overseer reads: reports expected and arrived, tasks by deadline status, targets against their goals.
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';

import { ConnectionType } from '../../graphql/connection';
import { ExpectedReportStatus, ReportStatus } from '../report/report.enums';
import { DeadlineStatus } from '../task/task.enums';
import { TaskTarget } from '../task/task-target';

@ObjectType({ description: 'One report a reporting duty expects from one agency for one period, and what became of it' })
export class ExpectedReport {
  taskUuid!: string;
  agencyUuid!: string;
  reportUuid!: string | null;

  @Field(() => LocalDateResolver)
  periodStart!: string;

  @Field(() => LocalDateResolver)
  periodEnd!: string;

  @Field(() => LocalDateResolver)
  dueOn!: string;

  @Field(() => ExpectedReportStatus)
  status!: ExpectedReportStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When its first revision was submitted, once it counts as received' })
  receivedOn!: string | null;
}

export const ExpectedReportConnection = ConnectionType(ExpectedReport, 'ExpectedReport');

@ObjectType()
export class DeadlineStatusCount {
  @Field(() => DeadlineStatus)
  status!: DeadlineStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class ReportStatusCount {
  @Field(() => ReportStatus)
  status!: ReportStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class ExpectedReportStatusCount {
  @Field(() => ExpectedReportStatus)
  status!: ExpectedReportStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'A target of a task the agency leads, with the latest value it reported' })
export class TargetProgress {
  taskUuid!: string;
  reportUuid!: string | null;

  @Field(() => Int, { description: 'Position of the target in task.targets, from 0' })
  targetIndex!: number;

  @Field(() => TaskTarget)
  target!: TaskTarget;

  @Field(() => Float, { nullable: true, description: 'The latest submitted or accepted value up to the end of the range' })
  latestValue!: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The last day of the period that value was reported for' })
  reportedForPeriodEnding!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the latest value meets the goal; null without a value or a numeric goal' })
  met!: boolean | null;
}

@ObjectType({ description: 'The figures of one agency, or of everyone (totals, tasks counted once)' })
export class OversightFigures {
  @Field(() => Int, { description: 'Tasks assigned (lead or coordinator), counted once each' })
  taskCount!: number;

  @Field(() => [DeadlineStatusCount], { description: 'Tasks by deadline status; statuses without tasks left out' })
  tasksByDeadlineStatus!: DeadlineStatusCount[];

  @Field(() => [ReportStatusCount], { description: 'Reports (latest revisions) for periods in the range, by workflow status' })
  reportsByStatus!: ReportStatusCount[];

  @Field(() => [ExpectedReportStatusCount], { description: 'Reports the duties expected in the range, by what became of them' })
  expectedReportsByStatus!: ExpectedReportStatusCount[];
}

@ObjectType()
export class AgencyOversight extends OversightFigures {
  agencyUuid!: string;

  @Field(() => [ExpectedReport], { description: 'Reports past due and not received, oldest first' })
  missingReports!: ExpectedReport[];

  @Field(() => [TargetProgress], { description: 'Targets of the tasks this agency leads' })
  targets!: TargetProgress[];
}

@ObjectType({ description: 'Who is late, at a glance: per agency, and in total' })
export class Oversight {
  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver)
  to!: string;

  @Field(() => LocalDateResolver, { description: 'The day the statuses are reckoned on' })
  today!: string;

  @Field(() => OversightFigures)
  totals!: OversightFigures;

  @Field(() => [AgencyOversight], { description: 'Agencies with tasks, reports or duties in the range; most missing reports first' })
  agencies!: AgencyOversight[];
}

@ObjectType({ description: "How far a document's tasks have come" })
export class DocumentProgress {
  @Field(() => Int)
  taskCount!: number;

  @Field(() => Int, { description: 'Tasks DONE' })
  doneCount!: number;

  @Field(() => Float, { description: 'doneCount / taskCount × 100; 0 without tasks' })
  percentDone!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean progress over the tasks: 100 when DONE, else the latest progress reported (0 without one); null without tasks',
  })
  averageProgress!: number | null;

  @Field(() => [DeadlineStatusCount])
  tasksByDeadlineStatus!: DeadlineStatusCount[];
}
