import { randomUUID } from 'node:crypto';

import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

import { Node, RecordEntity } from '../../database/record.entity';
import { encodeGlobalId } from '../../graphql/global-id';
import { Agency } from '../agency/agency.entity';
import { excludeFromAudit } from '../audit/audit-trail';
import { Document } from '../document/document.entity';
import { Task } from '../task/task.entity';
import { ReportKind, ReportStatus } from './report.enums';

@ObjectType({ implements: Node, description: 'What an agency reported on a task (or a whole document) for a period' })
@Entity({ tableName: 'report' })
@Check({ name: 'report_task_or_document', expression: 'task_id is not null or document_id is not null' })
@Check({ name: 'report_progress_range', expression: 'progress is null or (progress >= 0 and progress <= 100)' })
@Check({ name: 'report_period_order', expression: 'period_end >= period_start' })
@Index({ properties: ['task', 'agency', 'periodEnd'] })
@Check({ name: 'report_revision_positive', expression: 'revision >= 1' })
// One revision number per answer (task or document), agency and period: two concurrent resubmissions cannot both
// become revision n + 1.
@Index({
  name: 'report_revision_unique',
  expression: `create unique index "report_revision_unique" on "report" (coalesce(task_id, document_id), agency_id, period_start, period_end, revision)`,
})
export class Report extends RecordEntity {
  @ManyToOne(() => Task, { nullable: true, deleteRule: 'cascade' })
  @Index()
  task?: Task | null;

  @ManyToOne(() => Document, { nullable: true, deleteRule: 'cascade' })
  @Index()
  document?: Document | null;

  @ManyToOne(() => Agency, { deleteRule: 'restrict' })
  @Index()
  agency!: Agency;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  periodStart!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  periodEnd!: string;

  @Field(() => ReportKind)
  @Enum({ items: () => ReportKind, type: 'text' })
  kind!: ReportKind;

  @Field(() => ReportStatus)
  @Enum({ items: () => ReportStatus, type: 'text', default: ReportStatus.DRAFT })
  status: ReportStatus = ReportStatus.DRAFT;

  @Field(() => String)
  @Property({ type: 'text', default: '' })
  text: string = '';

  @Field(() => Int, { nullable: true, description: 'Progress the agency claims, 0–100' })
  @Property({ type: 'smallint', nullable: true })
  progress?: number | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When this revision was submitted' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  @Field(() => Int, { description: "Revisions of one agency's report for one period count from 1; a resubmission is the next" })
  @Property({ type: 'integer', default: 1 })
  revision: number = 1;

  /** The returned revision this one corrects. */
  @ManyToOne(() => Report, { nullable: true, deleteRule: 'set null' })
  previousRevision?: Report | null;

  @Field(() => String, { nullable: true, description: 'Why the reviewer returned it' })
  @Property({ type: 'text', nullable: true })
  reviewComment?: string | null;

  @Field(() => [ReportTargetValue], { description: "Values reported against the task's targets" })
  @Property({ type: 'json', default: '[]' })
  targetValues: ReportTargetValue[] = [];
}

@ObjectType({ description: 'A value reported against one of the task\'s targets ("tỷ lệ tái phạm 2.7%")' })
export class ReportTargetValue {
  @Field(() => Int, { description: 'Position of the target in task.targets, from 0' })
  targetIndex!: number;

  @Field(() => Float)
  value!: number;

  @Field(() => String, { nullable: true, description: 'As the agency wrote it' })
  text?: string | null;
}

@ObjectType({ description: 'One step of a report through its workflow: who moved it, when, and why' })
@Entity({ tableName: 'report_transition' })
@Index({ properties: ['report', 'at'] })
export class ReportTransition {
  [OptionalProps]?: 'uuid' | 'at';

  @PrimaryKey({ type: 'uuid', fieldName: 'id' })
  uuid: string = randomUUID();

  @ManyToOne(() => Report, { deleteRule: 'cascade' })
  report!: Report;

  @Field(() => ReportStatus, { nullable: true, description: 'Null for the creation of the draft' })
  @Enum({ items: () => ReportStatus, type: 'text', nullable: true })
  fromStatus?: ReportStatus | null;

  @Field(() => ReportStatus)
  @Enum({ items: () => ReportStatus, type: 'text' })
  toStatus!: ReportStatus;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  @Field(() => String, { description: 'Username, token name, or "system"' })
  @Property({ type: 'text' })
  actorName!: string;

  /** The user's or token's UUID, copied so that the step stays readable after the account is gone. */
  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;
}

@ObjectType({ description: 'A file attached to a report, kept in PostgreSQL with its SHA-256' })
@Entity({ tableName: 'report_attachment' })
export class ReportAttachment {
  [OptionalProps]?: 'uuid' | 'createdAt';

  @PrimaryKey({ type: 'uuid', fieldName: 'id' })
  uuid: string = randomUUID();

  @Field(() => ID)
  get id(): string {
    return encodeGlobalId('ReportAttachment', this.uuid);
  }

  @ManyToOne(() => Report, { deleteRule: 'cascade' })
  @Index()
  report!: Report;

  @Field(() => String)
  @Property({ type: 'text' })
  fileName!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  mediaType!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  byteSize!: number;

  @Field(() => String, { description: 'Hex SHA-256 of the content: the same file attached twice has the same hash' })
  @Property({ type: 'text' })
  sha256!: string;

  /** Read on demand (ReportAttachment.contentBase64): a list of attachments never drags their bytes along. */
  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

// The trail records the attachment's name, size and hash; the bytes themselves would only bloat it.
excludeFromAudit(ReportAttachment, ['content']);
// Transitions are a log of their own, written once beside the report's audited change of status.
excludeFromAudit(ReportTransition);
