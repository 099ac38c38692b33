// The reporting duty of a REPORTING task: who reports, to whom and through whom, on what calendar. Stored on the task
// row; the periods and the reports they expect are derived in PostgreSQL (expected_reports), never stored ahead.
import { IsOptional, Max, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { Recurrence } from './task.enums';

@ObjectType({
  description:
    'Who reports on a REPORTING task, to whom ("về UBND tỉnh") and through whom ("qua Công an tỉnh"), and when: the task\'s ' +
    'recurrence gives the periods (NONE: one report by the due date), dueDay and dueMonthOffset the day each falls due',
})
export class ReportingDuty {
  /** The task's UUID, for the field resolvers. */
  taskUuid!: string;
  reportToUuid!: string | null;
  reportViaUuid!: string | null;
  reporterGroupUuid!: string | null;

  @Field(() => Recurrence, { description: "The task's recurrence: the length of one reporting period" })
  recurrence!: Recurrence;

  @Field(() => Int, { nullable: true, description: 'Day of the due month; null for its last day (clamped in short months)' })
  dueDay!: number | null;

  @Field(() => Int, { description: "Months after the period's last month that its report falls due (0: within it)" })
  dueMonthOffset!: number;

  @Field(() => LocalDateResolver, { nullable: true, description: "First day the duty covers; null: the document's issue date" })
  startsOn!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day the duty covers; null: it runs on' })
  endsOn!: string | null;
}

@InputType({ description: "The reporting duty of a REPORTING task; the periods come from the task's recurrence" })
export class ReportingDutyInput {
  @Field(() => ID, { nullable: true, description: 'Whom the reports are for' })
  reportToId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Who collects them on the way' })
  reportViaId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Every member of this group reports; unset, the assigned agencies do' })
  reporterGroupId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Day of the due month, 1–31; unset, its last day' })
  @IsOptional()
  @Min(1)
  @Max(31)
  dueDay?: number | null;

  @Field(() => Int, { nullable: true, description: "Months after the period's last month, 0–12; unset, 0" })
  @IsOptional()
  @Min(0)
  @Max(12)
  dueMonthOffset?: number | null;

  @Field(() => LocalDateResolver, { nullable: true })
  startsOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  endsOn?: string | null;
}
