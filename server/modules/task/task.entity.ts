import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

import { Node, RecordEntity } from '../../database/record.entity';
import { Agency } from '../agency/agency.entity';
import { Clause } from '../clause/clause.entity';
import { AssignmentRole, ProgressStatus, Recurrence, TaskKind } from './task.enums';
import { TaskTarget } from './task-target';

@ObjectType({ implements: Node, description: 'Work a clause hands to agencies; never without its source clause' })
@Entity({ tableName: 'task' })
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
