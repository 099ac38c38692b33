import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

import { Node, RecordEntity } from '../../database/record.entity';
import { Agency } from '../agency/agency.entity';
import { Document } from '../document/document.entity';
import { Task } from '../task/task.entity';
import { ReportKind, ReportStatus } from './report.enums';

@ObjectType({ implements: Node, description: 'What an agency reported on a task (or a whole document) for a period' })
@Entity({ tableName: 'report' })
@Check({ name: 'report_task_or_document', expression: 'task_id is not null or document_id is not null' })
@Check({ name: 'report_progress_range', expression: 'progress is null or (progress >= 0 and progress <= 100)' })
@Check({ name: 'report_period_order', expression: 'period_end >= period_start' })
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

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  submittedAt?: Date | null;
}
