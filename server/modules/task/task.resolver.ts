import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';

import { DeletedRecord, DeleteInput } from '../../graphql/common.types';
import { ConnectionArgs, ConnectionType } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { refUuid } from '../../graphql/dataloader';
import { uuidOf, withUuids } from '../../graphql/global-id';
import { nodeSelectionOf, selectionOf } from '../../graphql/lookahead';
import { prefetchConnection } from '../../graphql/prefetch';
import { Agency } from '../agency/agency.entity';
import { Clause } from '../clause/clause.entity';
import { Document } from '../document/document.entity';
import { ReportingDuty, type ReportingDutyInput } from './reporting-duty';
import { Assignment, Task } from './task.entity';
import { DeadlineStatus, TaskKind } from './task.enums';
import {
  AddAssignmentInput,
  type AssignmentInput,
  CreateTaskInput,
  TaskFilter,
  TaskOrder,
  UpdateAssignmentInput,
  UpdateTaskInput,
} from './task.inputs';
import { primeWrittenAssignments } from './task.loaders';
import { taskPageCompanions } from './task.page';
import { ASSIGNMENT_RELATIONS, TASK_RELATIONS } from './task.relations';
import { TaskService } from './task.service';

export const TaskConnection = ConnectionType(Task, 'Task');

function assignmentsWithUuids(assignments: AssignmentInput[] | undefined): AssignmentInput[] | undefined {
  return assignments?.map((assignment) => withUuids(assignment, { agencyId: 'Agency' }));
}

function dutyWithUuids(duty: ReportingDutyInput | null | undefined): ReportingDutyInput | null | undefined {
  return duty && withUuids(duty, { reportToId: 'Agency', reportViaId: 'Agency', reporterGroupId: 'Agency' });
}

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => TaskConnection)
  tasks(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | undefined,
    @Arg('orderBy', () => [TaskOrder], { nullable: true }) orderBy: TaskOrder[] | undefined,
    @Ctx() { em, loaders, today, config }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const decoded = filter && withUuids(filter, { agencyId: 'Agency', documentId: 'Document', sourceClauseId: 'Clause' });
    const deadlines = { today, dueSoonDays: config.dueSoonDays, timeZone: config.timeZone };
    const companions = () => taskPageCompanions(em, nodeSelectionOf(info), loaders);
    return prefetchConnection('Task', new TaskService(em).list(decoded, orderBy, page, deadlines, companions), info, loaders);
  }

  @Query(() => Task, { nullable: true })
  task(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const uuid = uuidOf(id, 'Task', 'id');
    // A task asked with its trace comes with all the trace shows, in one statement (trace.loaders.ts).
    return 'trace' in selectionOf(info) ? loaders.trace.taskWithTrace.load(uuid) : loaders.task.byUuid.load(uuid);
  }

  @FieldResolver(() => Clause, { description: 'The clause that gives the task its legal basis' })
  sourceClause(@Root() task: Task, @Ctx() { loaders }: Context) {
    return TASK_RELATIONS.sourceClause.load(task, loaders);
  }

  @FieldResolver(() => Document, { description: 'The document of the source clause' })
  document(@Root() task: Task, @Ctx() { loaders }: Context) {
    return TASK_RELATIONS.document.load(task, loaders);
  }

  @FieldResolver(() => [Assignment], { description: 'Leads first, then coordinators' })
  assignments(@Root() task: Task, @Ctx() { loaders }: Context) {
    return TASK_RELATIONS.assignments.load(task, loaders);
  }

  @FieldResolver(() => Task, { nullable: true, description: 'The task of a higher document that this one carries out' })
  parentTask(@Root() task: Task, @Ctx() { loaders }: Context) {
    const uuid = refUuid(task.parentTask);
    return uuid ? loaders.task.byUuid.load(uuid) : null;
  }

  @FieldResolver(() => [Task], { description: 'Tasks of lower documents that carry this one out' })
  childTasks(@Root() task: Task, @Ctx() { loaders }: Context) {
    return loaders.task.childTasks.load(task.uuid);
  }

  @FieldResolver(() => DeadlineStatus, {
    description: 'Derived from due date, completion and today; for a reporting duty, from the reports that came in',
  })
  deadlineStatus(@Root() task: Task, @Ctx() { loaders }: Context) {
    return TASK_RELATIONS.deadlineStatus.load(task, loaders);
  }

  @FieldResolver(() => ReportingDuty, { nullable: true, description: 'Who reports, to whom, when: for a REPORTING task' })
  reportingDuty(@Root() task: Task): ReportingDuty | null {
    if (task.kind !== TaskKind.REPORTING) return null;
    return Object.assign(new ReportingDuty(), {
      taskUuid: task.uuid,
      reportToUuid: refUuid(task.reportTo),
      reportViaUuid: refUuid(task.reportVia),
      reporterGroupUuid: refUuid(task.reporterGroup),
      recurrence: task.recurrence,
      dueDay: task.reportDueDay ?? null,
      dueMonthOffset: task.reportDueMonthOffset,
      startsOn: task.reportingStartsOn ?? null,
      endsOn: task.reportingEndsOn ?? null,
    });
  }

  @Mutation(() => Task, { description: 'A task on its source clause, with its assignments' })
  async createTask(@Arg('input', () => CreateTaskInput) input: CreateTaskInput, @Ctx() { em, loaders }: Context) {
    const decoded = withUuids(input, { sourceClauseId: 'Clause', parentTaskId: 'Task' });
    const { task, assignments } = await new TaskService(em).create({
      ...decoded,
      assignments: assignmentsWithUuids(input.assignments),
      reportingDuty: dutyWithUuids(input.reportingDuty),
    });
    primeWrittenAssignments(loaders, task, assignments);
    return task;
  }

  @Mutation(() => Task)
  updateTask(@Arg('input', () => UpdateTaskInput) input: UpdateTaskInput, @Ctx() { em }: Context) {
    const decoded = withUuids(input, { id: 'Task', sourceClauseId: 'Clause', parentTaskId: 'Task' });
    return new TaskService(em).update({
      ...decoded,
      assignments: assignmentsWithUuids(input.assignments),
      reportingDuty: dutyWithUuids(input.reportingDuty),
    });
  }

  @Mutation(() => DeletedRecord, { description: 'Deletes the task with its assignments and reports' })
  async deleteTask(@Arg('input', () => DeleteInput) input: DeleteInput, @Ctx() { em }: Context) {
    await new TaskService(em).delete(uuidOf(input.id, 'Task', 'id'), input.version);
    return { id: input.id };
  }

  @Mutation(() => Assignment)
  addAssignment(@Arg('input', () => AddAssignmentInput) input: AddAssignmentInput, @Ctx() { em }: Context) {
    return new TaskService(em).addAssignment(withUuids(input, { taskId: 'Task', agencyId: 'Agency' }));
  }

  @Mutation(() => Assignment)
  updateAssignment(@Arg('input', () => UpdateAssignmentInput) input: UpdateAssignmentInput, @Ctx() { em }: Context) {
    return new TaskService(em).updateAssignment(withUuids(input, { id: 'Assignment' }));
  }

  @Mutation(() => DeletedRecord)
  async removeAssignment(@Arg('input', () => DeleteInput) input: DeleteInput, @Ctx() { em }: Context) {
    await new TaskService(em).removeAssignment(uuidOf(input.id, 'Assignment', 'id'), input.version);
    return { id: input.id };
  }
}

@Resolver(() => ReportingDuty)
export class ReportingDutyResolver {
  @FieldResolver(() => Agency, { nullable: true, description: 'Whom the reports are for ("về UBND tỉnh")' })
  reportTo(@Root() duty: ReportingDuty, @Ctx() { loaders }: Context) {
    return duty.reportToUuid ? loaders.agency.byUuid.load(duty.reportToUuid) : null;
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'Who collects them on the way ("qua Công an tỉnh")' })
  reportVia(@Root() duty: ReportingDuty, @Ctx() { loaders }: Context) {
    return duty.reportViaUuid ? loaders.agency.byUuid.load(duty.reportViaUuid) : null;
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'Set when every member of a group reports' })
  reporterGroup(@Root() duty: ReportingDuty, @Ctx() { loaders }: Context) {
    return duty.reporterGroupUuid ? loaders.agency.byUuid.load(duty.reporterGroupUuid) : null;
  }

  @FieldResolver(() => [Agency], { description: "The agencies that owe reports: the group's members, else the assigned agencies" })
  reporters(@Root() duty: ReportingDuty, @Ctx() { loaders }: Context) {
    return loaders.oversight.reportersOfTask.load(duty.taskUuid);
  }
}

@Resolver(() => Assignment)
export class AssignmentResolver {
  @FieldResolver(() => Task)
  task(@Root() assignment: Assignment, @Ctx() { loaders }: Context) {
    return ASSIGNMENT_RELATIONS.task.load(assignment, loaders);
  }

  @FieldResolver(() => Agency)
  agency(@Root() assignment: Assignment, @Ctx() { loaders }: Context) {
    return ASSIGNMENT_RELATIONS.agency.load(assignment, loaders);
  }
}
