// The rules for tasks and their assignments: a legal basis always, dates that agree, agencies that exist.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';

import { preparedQuery } from '../../database/prepared-query';
import { findForChange, findOrFail, recordMissing, referenceOrFail } from '../../database/record-access';
import { BadInputError, ConflictError, NotFoundError } from '../../errors';
import { type ConnectionArgs, orderByOf, OrderDirection, type PageCompanion, paginate } from '../../graphql/connection';
import { fullRowReader, keyReference, leftJoinByKey, pgArray } from '../../graphql/dataloader';
import { sqlCondition } from '../../graphql/filter-sql';
import { searchFilter } from '../../graphql/search';
import { Agency } from '../agency/agency.entity';
import { auditedInsertion, auditedNativeDelete } from '../audit/audited-writes';
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

  /**
   * A page of tasks. `companions`: what the page's statement may bring for its nodes' fields (task.page.ts), built only
   * for an agency's page, the one that takes them, as only its statement is prepared: its plan (the agency's tasks
   * gathered, then sorted) is the same for every agency, where a search's or a date range's best plan depends on its
   * values.
   */
  list(
    filter: TaskFilter | undefined,
    order: TaskOrder[] | undefined,
    page: ConnectionArgs,
    deadlines: DeadlineSettings,
    companions: () => PageCompanion[] = () => [],
  ) {
    const where: Record<string, unknown>[] = [];
    if (filter?.agencyId) {
      const role = filter.role ? ' and a.role = ?' : '';
      // The agency's tasks are gathered first, by its assignments, and only then sorted: as a semi-join ("exists")
      // PostgreSQL may instead walk every task in the requested order until the page is full, guessing the agency's
      // tasks spread evenly over that order; when they cluster late it reads tens of thousands of tasks (docs/performance.md,
      // change 24). An agency's tasks are few against all tasks, and counting them (totalCount) reads them all anyway.
      where.push(
        sqlCondition(
          (t) => `${t}.id = any(array(select a.task_id from assignment a where a.agency_id = ?${role}))`,
          [filter.agencyId, ...(filter.role ? [filter.role] : [])],
        ),
      );
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
    const agencyPage =
      filter?.agencyId != null && Object.entries(filter).every(([key, value]) => value == null || key === 'agencyId' || key === 'role');
    return paginate(
      this.em,
      Task,
      { $and: where } as FilterQuery<Task>,
      orderBy,
      page,
      agencyPage ? { prepared: true, companions: companions() } : {},
    );
  }

  /**
   * The new task, with the assignments it was given, written in one statement with their audit events (see
   * `insertNewTask`): through the unit of work it took six, BEGIN and COMMIT among them, and most of the request's time.
   */
  async create(input: CreateTaskInput): Promise<{ task: Task; assignments: Assignment[] }> {
    const progressStatus = input.progressStatus ?? ProgressStatus.NOT_STARTED;
    const kind = input.kind ?? TaskKind.ACTION;
    // Checked with the status the task will have: completedOn on a task that defaults to NOT_STARTED is refused too.
    assertDates({ progressStatus, completedOn: input.completedOn });
    assertDutyFits(kind, input.reportingDuty ?? null);
    const em = this.em;
    const reference = <T extends object>(entity: new () => T, uuid: string | null | undefined) =>
      uuid ? keyReference(em, entity, uuid) : null;
    const task = Object.assign(new Task(), {
      sourceClause: reference(Clause, input.sourceClauseId)!,
      title: input.title.trim(),
      description: input.description ?? null,
      dueDate: input.dueDate ?? null,
      duePhrase: input.duePhrase ?? null,
      recurrence: input.recurrence ?? Recurrence.NONE,
      kind,
      progressStatus,
      completedOn: input.completedOn ?? null,
      targets: targetsOf(input.targets),
      parentTask: reference(Task, input.parentTaskId),
    });
    if (input.reportingDuty) {
      const duty = input.reportingDuty;
      Object.assign(task, {
        reportTo: reference(Agency, duty.reportToId),
        reportVia: reference(Agency, duty.reportViaId),
        reporterGroup: reference(Agency, duty.reporterGroupId),
        ...dutySchedule(duty),
      });
    }
    const assignments = (input.assignments ?? []).map((assignment) =>
      Object.assign(new Assignment(), {
        task,
        agency: reference(Agency, assignment.agencyId)!,
        role: assignment.role,
        requested: assignment.requested ?? false,
        inherited: assignment.inherited ?? false,
      }),
    );
    return insertNewTask(em, input, task, assignments);
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

/** A duty's own rules, checked before any agency is looked up: only a REPORTING task has one, and its window ends after it starts. */
function assertDutyFits(kind: TaskKind, duty: ReportingDutyInput | null): void {
  if (duty && kind !== TaskKind.REPORTING) {
    throw new BadInputError(`A reporting duty belongs to a REPORTING task; this one is ${kind} (set kind: REPORTING with it)`, {
      argument: 'reportingDuty',
    });
  }
  if (duty?.startsOn && duty.endsOn && duty.endsOn < duty.startsOn) {
    throw new BadInputError(`reportingDuty.endsOn (${duty.endsOn}) is before its startsOn (${duty.startsOn})`, {
      argument: 'reportingDuty.endsOn',
    });
  }
}

/** The duty's schedule, as the task holds it; without a duty, none. */
function dutySchedule(duty: ReportingDutyInput | null) {
  return {
    reportDueDay: duty?.dueDay ?? null,
    reportDueMonthOffset: duty?.dueMonthOffset ?? 0,
    reportingStartsOn: duty?.startsOn ?? null,
    reportingEndsOn: duty?.endsOn ?? null,
  };
}

/** The agencies a duty names, by the input field that names them, as NOT_FOUND names them when one is missing. */
const DUTY_AGENCIES = [
  ['reportToId', 'reportingDuty.reportToId: agency'],
  ['reportViaId', 'reportingDuty.reportViaId: agency'],
  ['reporterGroupId', 'reportingDuty.reporterGroupId: agency'],
] as const;

function notAGroup(name: string): BadInputError {
  return new BadInputError(`${name} is not a group of agencies; name a group as reporterGroupId, or leave it out`, {
    argument: 'reportingDuty.reporterGroupId',
  });
}

async function setReportingDuty(em: EntityManager, task: Task, duty: ReportingDutyInput | null): Promise<void> {
  assertDutyFits(task.kind, duty);
  const agency = async (uuid: string | null | undefined, what: string) => (uuid ? findOrFail(em, Agency, uuid, what) : null);
  const found: (Agency | null)[] = [];
  for (const [field, what] of DUTY_AGENCIES) found.push(await agency(duty?.[field], what));
  const [reportTo, reportVia, group] = found;
  if (group && !group.isGroup) throw notAGroup(group.name);
  Object.assign(task, { reportTo, reportVia, reporterGroup: group, ...dutySchedule(duty) });
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
  const missing = missingAgencies(assignments, new Set(agencies.keys()));
  if (missing) throw missing;
  return agencies;
}

/** NOT_FOUND naming the agencies the assignments name that are not among those `found`; undefined when none is missing. */
function missingAgencies(assignments: AssignmentInput[], found: ReadonlySet<string>): NotFoundError | undefined {
  const missing = assignments.map((assignment) => assignment.agencyId).filter((uuid) => !found.has(uuid));
  if (!missing.length) return undefined;
  return new NotFoundError(`assignments name agencies that do not exist: ${missing.join(', ')}`, { argument: 'assignments' });
}

/** Why a new task was refused, as the statement that would have written it found: nothing was written. */
interface NewTaskChecks {
  source_clause_found: boolean;
  parent_task_found: boolean;
  agencies_found: string[];
  reporter_group_is_group: boolean | null;
  reporter_group_name: string | null;
}

/**
 * Writes the task and its assignments, with their audit events, in one statement that first checks what they refer
 * to: the source clause, the parent task, the agencies; when one is missing nothing is written, and the error names it
 * as a check before the write would have (a record deleted in between fails the foreign key instead: CONFLICT).
 * Answers the rows as written, every column, with each assignment's agency read in the same statement, by key.
 */
async function insertNewTask(
  em: EntityManager,
  input: CreateTaskInput,
  task: Task,
  assignments: Assignment[],
): Promise<{ task: Task; assignments: Assignment[] }> {
  const duty = input.reportingDuty;
  const dutyAgencies = DUTY_AGENCIES.map(([field]) => duty?.[field]).filter((uuid): uuid is string => !!uuid);
  const agencyUuids = [...new Set([...assignedUuids(input.assignments ?? []), ...dutyAgencies])];
  const insertion = auditedInsertion(em, [task, ...assignments], '(select allowed from checks)');
  const [taskRows, assignmentRows, agencyRows] = [fullRowReader(em, Task), fullRowReader(em, Assignment), fullRowReader(em, Agency)];
  const rows = await preparedQuery<NewTaskChecks & Record<string, unknown>>(
    em,
    `with wanted as (select ?::uuid as clause_id, ?::uuid as parent_id, ?::uuid[] as agency_ids, ?::uuid as group_id),
  found as materialized (
    select exists (select 1 from clause c where c.id = w.clause_id) as source_clause_found,
           w.parent_id is null or exists (select 1 from task p where p.id = w.parent_id) as parent_task_found,
           array(select g.id::text from agency g where g.id = any(w.agency_ids)) as agencies_found,
           (select g.is_group from agency g where g.id = w.group_id) as reporter_group_is_group,
           (select g.name from agency g where g.id = w.group_id) as reporter_group_name,
           cardinality(w.agency_ids) as agencies_wanted, w.group_id
      from wanted w),
  checks as (
    select f.*, f.source_clause_found and f.parent_task_found and cardinality(f.agencies_found) = f.agencies_wanted
                and (f.group_id is null or f.reporter_group_is_group) as allowed
      from found f),
  ${insertion.ctes}
select checks.source_clause_found, checks.parent_task_found, checks.agencies_found, checks.reporter_group_is_group,
       checks.reporter_group_name, ${taskRows.columnList('t', 't.')}, ${assignmentRows.columnList('a', 'a.')},
       ${agencyRows.columnList('g', 'g.')}
  from checks
  left join ${insertion.insertedRows(Task)} t on true
  left join ${insertion.insertedRows(Assignment)} a on true
  ${leftJoinByKey({ table: '"agency"', alias: 'g' }, 'id = a.agency_id')}`,
    [input.sourceClauseId, input.parentTaskId ?? null, pgArray(agencyUuids), duty?.reporterGroupId ?? null, ...insertion.params],
  );
  const [first] = rows;
  if (first['t.id'] == null) throw refusal(input, first);
  const written = taskRows.entity(first, 't.');
  const writtenAssignments = rows
    .filter((row) => row['a.id'] != null)
    .map((row) => Object.assign(assignmentRows.entity(row, 'a.'), { agency: agencyRows.entity(row, 'g.') }));
  return { task: written, assignments: writtenAssignments };
}

/** The error for a new task the statement refused, the first of its checks that failed in the order they are listed. */
function refusal(input: CreateTaskInput, checks: NewTaskChecks): Error {
  if (!checks.source_clause_found) return recordMissing('Source clause', input.sourceClauseId);
  const found = new Set(checks.agencies_found);
  const missing = missingAgencies(input.assignments ?? [], found);
  if (missing) return missing;
  if (!checks.parent_task_found) return recordMissing('Parent task', input.parentTaskId!);
  for (const [field, what] of DUTY_AGENCIES) {
    const uuid = input.reportingDuty?.[field];
    if (uuid && !found.has(uuid)) return recordMissing(what, uuid);
  }
  if (checks.reporter_group_is_group === false) return notAGroup(checks.reporter_group_name!);
  return new Error('The new task was refused, yet every check the statement made passed');
}

/** Assigns the agencies to the task, whose assignments were just removed. */
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
