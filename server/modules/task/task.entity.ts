import { Check, Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

import { Node, RecordEntity } from '../../database/record.entity';
import { Agency } from '../agency/agency.entity';
import { Clause } from '../clause/clause.entity';
import { AssignmentRole, ProgressStatus, Recurrence, TaskKind } from './task.enums';
import { TaskTarget } from './task-target';

@ObjectType({ implements: Node, description: 'Work a clause hands to agencies; never without its source clause' })
@Entity({ tableName: 'task' })
@Check({ name: 'task_report_due_day_range', expression: 'report_due_day is null or (report_due_day >= 1 and report_due_day <= 31)' })
@Check({ name: 'task_report_due_month_offset_range', expression: 'report_due_month_offset >= 0 and report_due_month_offset <= 12' })
@Check({
  name: 'task_reporting_window_order',
  expression: 'reporting_ends_on is null or reporting_starts_on is null or reporting_ends_on >= reporting_starts_on',
})
// search_text() is defined by the initial migration; the index backs the diacritic-blind `search` filter.
@Index({
  name: 'task_search_index',
  expression: `create index "task_search_index" on "task" using gin (search_text(title, description, due_phrase) gin_trgm_ops)`,
})
export class Task extends RecordEntity {
  @ManyToOne(() => Clause, { deleteRule: 'restrict' })
  @Index()
  sourceClause!: Clause;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  @Index()
  dueDate?: string | null;

  @Field(() => String, { nullable: true, description: 'The deadline as written ("trước ngày 28/02/2024", "định kỳ")' })
  @Property({ type: 'text', nullable: true })
  duePhrase?: string | null;

  @Field(() => Recurrence)
  @Enum({ items: () => Recurrence, type: 'text', default: Recurrence.NONE })
  recurrence: Recurrence = Recurrence.NONE;

  @Field(() => TaskKind)
  @Enum({ items: () => TaskKind, type: 'text', default: TaskKind.ACTION })
  kind: TaskKind = TaskKind.ACTION;

  @Field(() => ProgressStatus)
  @Enum({ items: () => ProgressStatus, type: 'text', default: ProgressStatus.NOT_STARTED })
  progressStatus: ProgressStatus = ProgressStatus.NOT_STARTED;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  completedOn?: string | null;

  @Field(() => [TaskTarget], { description: 'Chỉ tiêu: "kéo giảm ít nhất 5%"' })
  @Property({ type: 'json', default: '[]' })
  targets: TaskTarget[] = [];

  @ManyToOne(() => Task, { nullable: true, deleteRule: 'set null' })
  @Index()
  parentTask?: Task | null;

  // The reporting duty of a REPORTING task (GraphQL: Task.reportingDuty); the schedule's frequency is `recurrence`.

  /** "báo cáo … về UBND tỉnh": whom the reports are for. */
  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'restrict' })
  @Index()
  reportTo?: Agency | null;

  /** "(qua Công an tỉnh)": who collects them on the way. */
  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'restrict' })
  @Index()
  reportVia?: Agency | null;

  /** Every member of this group reports; without it, the assigned agencies do (groups among them by their members). */
  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'restrict' })
  @Index()
  reporterGroup?: Agency | null;

  /** Day of the due month a periodic report falls due; null for the month's last day (clamped in short months). */
  @Property({ type: 'smallint', nullable: true })
  reportDueDay?: number | null;

  /** Months after the period's last month that its report falls due: 0 = within the last month, 1 = the month after. */
  @Property({ type: 'smallint', default: 0 })
  reportDueMonthOffset: Opt<number> = 0;

  /** First day the duty covers; unset, the document's issue date. */
  @Property({ type: 'date', nullable: true })
  reportingStartsOn?: string | null;

  /** Last day the duty covers; unset, it runs on. */
  @Property({ type: 'date', nullable: true })
  reportingEndsOn?: string | null;
}

@ObjectType({ implements: Node, description: 'An agency on a task: LEAD (chủ trì) or COORDINATOR (phối hợp)' })
@Entity({ tableName: 'assignment' })
@Unique({ properties: ['task', 'agency'] })
export class Assignment extends RecordEntity {
  @ManyToOne(() => Task, { deleteRule: 'cascade' })
  task!: Task;

  @ManyToOne(() => Agency, { deleteRule: 'restrict' })
  @Index()
  agency!: Agency;

  @Field(() => AssignmentRole)
  @Enum({ items: () => AssignmentRole, type: 'text' })
  role!: AssignmentRole;

  @Field(() => Boolean, { description: '"Đề nghị …": asked of a body outside the issuer\'s command' })
  @Property({ type: 'boolean', default: false })
  requested: boolean = false;

  @Field(() => Boolean, { description: 'Handed down from a section heading that names the agencies' })
  @Property({ type: 'boolean', default: false })
  inherited: boolean = false;
}
