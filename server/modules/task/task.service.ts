// The rules for tasks and their assignments: a legal basis always, dates that agree, agencies that exist.
import { raw } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';

import { findForChange, findOrFail, recordMissing, referenceOrFail } from '../../database/record-access';
import { BadInputError, ConflictError, NotFoundError } from '../../errors';
import { type ConnectionArgs, orderByOf, OrderDirection, paginate } from '../../graphql/connection';
import { pgArray } from '../../graphql/dataloader';
import { searchFilter } from '../../graphql/search';
import { Agency } from '../agency/agency.entity';
import { auditedNativeDelete } from '../audit/audited-writes';
import { Clause } from '../clause/clause.entity';
import { type DeadlineSettings, deadlineStatusFilter } from './deadline';
import type { ReportingDutyInput } from './reporting-duty';
import { Assignment, Task } from './task.entity';
import { ProgressStatus, Recurrence, TaskKind } from './task.enums';
import {
  type AddAssignmentInput,
  type AssignmentInput,
  type CreateTaskInput,
  type TaskFilter,
  type TaskOrder,
  TaskOrderField,
  type TaskTargetInput,
  type UpdateAssignmentInput,
  type UpdateTaskInput,
} from './task.inputs';
import type { TaskTarget } from './task-target';

export class TaskService {
  constructor(private readonly em: EntityManager) {}

  list(filter: TaskFilter | undefined, order: TaskOrder[] | undefined, page: ConnectionArgs, deadlines: DeadlineSettings) {
    const where: Record<string, unknown>[] = [];
    if (filter?.agencyId) {
      const role = filter.role ? ' and a.role = ?' : '';
      // The agency's tasks are gathered first, by its assignments, and only then sorted: as a semi-join ("exists")
      // PostgreSQL may instead walk every task in the requested order until the page is full, guessing the agency's
      // tasks spread evenly over that order; when they cluster late it reads tens of thousands of tasks (docs/performance.md,
      // change 24). An agency's tasks are few against all tasks, and counting them (totalCount) reads them all anyway.
      where.push({
        [raw(
          (t: string) => `${t}.id = any(array(select a.task_id from assignment a where a.agency_id = ?${role}))`,
          [filter.agencyId, ...(filter.role ? [filter.role] : [])],
        )]: true,
      });
    } else if (filter?.role) {
      throw new BadInputError('role filters the assignments of one agency: give agencyId too', { argument: 'filter.role' });
    }
    if (filter?.documentId) where.push({ sourceClause: { document: filter.documentId } });
    if (filter?.sourceClauseId) where.push({ sourceClause: filter.sourceClauseId });
    if (filter?.progressStatus?.length) where.push({ progressStatus: { $in: filter.progressStatus } });
    if (filter?.kind?.length) where.push({ kind: { $in: filter.kind } });
    if (filter?.dueFrom) where.push({ dueDate: { $gte: filter.dueFrom } });
    if (filter?.dueTo) where.push({ dueDate: { $lte: filter.dueTo } });
    if (filter?.deadlineStatus?.length) where.push(deadlineStatusFilter(filter.deadlineStatus, deadlines));
    if (filter?.search) where.push(searchFilter('$.title, $.description, $.due_phrase', filter.search));
    const orderBy = orderByOf(
      order,
      { DUE_DATE: 'dueDate', TITLE: { vietnameseText: { property: 'title', column: 'title' } }, CREATED_AT: 'createdAt' },
      [{ field: TaskOrderField.CREATED_AT, direction: OrderDirection.ASC }],
    );
    return paginate(this.em, Task, { $and: where } as FilterQuery<Task>, orderBy, page);
  }

  /** The new task, with the assignments it was given. */
  async create(input: CreateTaskInput): Promise<{ task: Task; assignments: Assignment[] }> {
    return this.em.transactional(async (em) => {
      // Checked with the status the task will have: completedOn on a task that defaults to NOT_STARTED is refused too.
      assertDates({ progressStatus: input.progressStatus ?? ProgressStatus.NOT_STARTED, completedOn: input.completedOn });
      const checked = await sourceClauseAndAgencies(em, input.sourceClauseId, input.assignments ?? []);
      const task = em.create(Task, {
        sourceClause: checked.sourceClause,
        title: input.title.trim(),
        description: input.description ?? null,
        dueDate: input.dueDate ?? null,
        duePhrase: input.duePhrase ?? null,
        recurrence: input.recurrence ?? Recurrence.NONE,
        kind: input.kind ?? TaskKind.ACTION,
        progressStatus: input.progressStatus ?? ProgressStatus.NOT_STARTED,
        completedOn: input.completedOn ?? null,
        targets: targetsOf(input.targets),
        parentTask: input.parentTaskId ? await findOrFail(em, Task, input.parentTaskId, 'Parent task') : null,
      });
      if (input.reportingDuty) await setReportingDuty(em, task, input.reportingDuty);
      const assignments = input.assignments ? addAssignments(em, task, input.assignments, checked.agencies) : [];
      return { task, assignments };
    });
  }

  async update(input: UpdateTaskInput): Promise<Task> {
    return this.em.transactional(async (em) => {
      const task = await findForChange(em, Task, input.id, input.version, 'Task');
      if (input.sourceClauseId) task.sourceClause = await referenceOrFail(em, Clause, input.sourceClauseId, 'Source clause');
      if (input.title != null) task.title = input.title.trim();
      if (input.description !== undefined) task.description = input.description;
      if (input.dueDate !== undefined) task.dueDate = input.dueDate;
      if (input.duePhrase !== undefined) task.duePhrase = input.duePhrase;
      if (input.recurrence) task.recurrence = input.recurrence;
      if (input.kind) task.kind = input.kind;
      if (input.progressStatus) task.progressStatus = input.progressStatus;
      if (input.completedOn !== undefined) task.completedOn = input.completedOn;
      if (input.targets) task.targets = targetsOf(input.targets);
      if (input.parentTaskId !== undefined) {
        task.parentTask = input.parentTaskId ? await findOrFail(em, Task, input.parentTaskId, 'Parent task') : null;
        await assertNoParentCycle(em, task);
      }
      assertDates(task);
      if (input.reportingDuty !== undefined) await setReportingDuty(em, task, input.reportingDuty);
      else if (task.kind !== TaskKind.REPORTING) await setReportingDuty(em, task, null); // no longer reports: no duty left behind
      if (input.assignments) await replaceAssignments(em, task, input.assignments);
      // An assignment change alone must still move the task's version, so concurrent editors see each other.
      if (input.assignments) task.updatedAt = new Date();
      return task;
    });
  }

  async delete(uuid: string, version: number): Promise<void> {
    await this.em.transactional(async (em) => {
      em.remove(await findForChange(em, Task, uuid, version, 'Task'));
    });
  }

  async addAssignment(input: AddAssignmentInput): Promise<Assignment> {
    return this.em.transactional(async (em) => {
      const task = await findOrFail(em, Task, input.taskId, 'Task');
      const agency = await findOrFail(em, Agency, input.agencyId, 'Agency');
      const existing = await em.findOne(Assignment, { task, agency });
      if (existing) throw new ConflictError(`${agency.name} is already assigned to this task as ${existing.role}`);
      return em.create(Assignment, {
        task,
        agency,
        role: input.role,
        requested: input.requested ?? false,
        inherited: input.inherited ?? false,
      });
    });
  }

  async updateAssignment(input: UpdateAssignmentInput): Promise<Assignment> {
    return this.em.transactional(async (em) => {
      const assignment = await findForChange(em, Assignment, input.id, input.version, 'Assignment');
      if (input.role) assignment.role = input.role;
      if (input.requested != null) assignment.requested = input.requested;
      return assignment;
    });
  }

  async removeAssignment(uuid: string, version: number): Promise<void> {
    await this.em.transactional(async (em) => {
      em.remove(await findForChange(em, Assignment, uuid, version, 'Assignment'));
    });
  }
}

function assertDates(task: { progressStatus?: ProgressStatus; completedOn?: string | null }): void {
  if (task.progressStatus === ProgressStatus.DONE && !task.completedOn) {
    throw new BadInputError('completedOn is required when progressStatus is DONE', { argument: 'completedOn' });
  }
  if (task.completedOn && task.progressStatus && task.progressStatus !== ProgressStatus.DONE) {
    throw new BadInputError('completedOn is only for a task whose progressStatus is DONE', { argument: 'completedOn' });
  }
}

function targetsOf(targets: TaskTargetInput[] | undefined): TaskTarget[] {
  return (targets ?? []).map((target) => ({
    text: target.text.trim(),
    comparator: target.comparator ?? null,
    value: target.value ?? null,
    unit: target.unit ?? null,
  }));
}

async function setReportingDuty(em: EntityManager, task: Task, duty: ReportingDutyInput | null): Promise<void> {
  if (duty && task.kind !== TaskKind.REPORTING) {
    throw new BadInputError(`A reporting duty belongs to a REPORTING task; this one is ${task.kind} (set kind: REPORTING with it)`, {
      argument: 'reportingDuty',
    });
  }
  const agency = async (uuid: string | null | undefined, what: string) => (uuid ? findOrFail(em, Agency, uuid, what) : null);
  task.reportTo = await agency(duty?.reportToId, 'reportingDuty.reportToId: agency');
  task.reportVia = await agency(duty?.reportViaId, 'reportingDuty.reportViaId: agency');
  const group = await agency(duty?.reporterGroupId, 'reportingDuty.reporterGroupId: agency');
  if (group && !group.isGroup) {
    throw new BadInputError(`${group.name} is not a group of agencies; name a group as reporterGroupId, or leave it out`, {
      argument: 'reportingDuty.reporterGroupId',
    });
  }
  task.reporterGroup = group;
  task.reportDueDay = duty?.dueDay ?? null;
  task.reportDueMonthOffset = duty?.dueMonthOffset ?? 0;
  task.reportingStartsOn = duty?.startsOn ?? null;
  task.reportingEndsOn = duty?.endsOn ?? null;
  if (task.reportingStartsOn && task.reportingEndsOn && task.reportingEndsOn < task.reportingStartsOn) {
    throw new BadInputError(`reportingDuty.endsOn (${task.reportingEndsOn}) is before its startsOn (${task.reportingStartsOn})`, {
      argument: 'reportingDuty.endsOn',
    });
  }
}

/** The task's assignments, all of them replaced by `assignments` (checked before anything is deleted). */
async function replaceAssignments(em: EntityManager, task: Task, assignments: AssignmentInput[]): Promise<void> {
  const agencies = await assignedAgencies(em, assignments);
  // Deleted directly, not through a flush: a flush here would also write the task, and the task's version would
  // then move twice in one mutation.
  await auditedNativeDelete(em, Assignment, { task: task.uuid });
  addAssignments(em, task, assignments, agencies);
}

/** The agencies `assignments` name, by UUID: each named once, each existing. */
async function assignedAgencies(em: EntityManager, assignments: AssignmentInput[]): Promise<Map<string, Agency>> {
  return agenciesOrFail(assignments, await em.find(Agency, { uuid: { $in: assignedUuids(assignments) } }));
}

/** The agencies the assignments name, each once. */
function assignedUuids(assignments: AssignmentInput[]): string[] {
  const agencyUuids = assignments.map((assignment) => assignment.agencyId);
  const duplicate = agencyUuids.find((uuid, index) => agencyUuids.indexOf(uuid) !== index);
  if (duplicate)
    throw new BadInputError(`assignments name agency ${duplicate} twice; give each agency one role`, { argument: 'assignments' });
  return agencyUuids;
}

/** The agencies found by their UUIDs, or NOT_FOUND naming those the assignments name and none was found for. */
function agenciesOrFail(assignments: AssignmentInput[], found: Agency[]): Map<string, Agency> {
  const agencies = new Map(found.map((agency) => [agency.uuid, agency]));
  const missing = assignments.map((assignment) => assignment.agencyId).filter((uuid) => !agencies.has(uuid));
  if (missing.length)
    throw new NotFoundError(`assignments name agencies that do not exist: ${missing.join(', ')}`, { argument: 'assignments' });
  return agencies;
}

/**
 * A new task's source clause, checked to exist, and the agencies its assignments name, in one statement: asked apart,
 * they were two of the seven statements (and round trips) a new task took, one after the other.
 */
async function sourceClauseAndAgencies(
  em: EntityManager,
  clauseUuid: string,
  assignments: AssignmentInput[],
): Promise<{ sourceClause: Clause; agencies: Map<string, Agency> }> {
  const rows = await em.execute<({ source_clause_found: boolean } & Record<string, unknown>)[]>(
    `select exists (select 1 from clause where id = ?) as source_clause_found, a.*
       from (values (1)) one left join agency a on a.id = any(?::uuid[])`,
    [clauseUuid, pgArray(assignedUuids(assignments))],
  );
  if (!rows[0].source_clause_found) throw recordMissing('Source clause', clauseUuid);
  const found = rows.filter((row) => row.id != null).map(({ source_clause_found: _, ...row }) => em.map(Agency, row));
  return { sourceClause: em.getReference(Clause, clauseUuid), agencies: agenciesOrFail(assignments, found) };
}

/** Assigns the agencies to the task: a new one, or one whose assignments were just removed. */
function addAssignments(em: EntityManager, task: Task, assignments: AssignmentInput[], agencies: Map<string, Agency>): Assignment[] {
  return assignments.map((assignment) =>
    em.create(Assignment, {
      task,
      agency: agencies.get(assignment.agencyId)!,
      role: assignment.role,
      requested: assignment.requested ?? false,
      inherited: assignment.inherited ?? false,
    }),
  );
}

async function assertNoParentCycle(em: EntityManager, task: Task): Promise<void> {
  const seen = new Set([task.uuid]);
  for (let parent = task.parentTask; parent;) {
    if (seen.has(parent.uuid))
      throw new BadInputError('A task cannot carry out itself or one of the tasks that carry it out', { argument: 'parentTaskId' });
    seen.add(parent.uuid);
    parent = (await em.findOne(Task, { uuid: parent.uuid }))?.parentTask ?? null;
  }
}
