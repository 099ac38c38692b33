import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import { DeletedRecord, DeleteInput } from '../../graphql/common.types';
import { ConnectionArgs, ConnectionType } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { refUuid } from '../../graphql/dataloader';
import { uuidOf, withUuids } from '../../graphql/global-id';
import { Agency } from '../agency/agency.entity';
import { Clause } from '../clause/clause.entity';
import { Document } from '../document/document.entity';
import { deadlineStatusOf } from './deadline';
import { Assignment, Task } from './task.entity';
import { DeadlineStatus } from './task.enums';
import {
  AddAssignmentInput,
  type AssignmentInput,
  CreateTaskInput,
  TaskFilter,
  TaskOrder,
  UpdateAssignmentInput,
  UpdateTaskInput,
} from './task.inputs';
import { TaskService } from './task.service';

export const TaskConnection = ConnectionType(Task, 'Task');

function assignmentsWithUuids(assignments: AssignmentInput[] | undefined): AssignmentInput[] | undefined {
  return assignments?.map((assignment) => withUuids(assignment, { agencyId: 'Agency' }));
}

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => TaskConnection)
  tasks(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | undefined,
    @Arg('orderBy', () => [TaskOrder], { nullable: true }) orderBy: TaskOrder[] | undefined,
    @Ctx() { em, today, config }: Context,
  ) {
    const decoded = filter && withUuids(filter, { agencyId: 'Agency', documentId: 'Document', sourceClauseId: 'Clause' });
    return new TaskService(em).list(decoded, orderBy, page, { today, dueSoonDays: config.dueSoonDays });
  }

  @Query(() => Task, { nullable: true })
  task(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.task.byUuid.load(uuidOf(id, 'Task', 'id'));
  }

  @FieldResolver(() => Clause, { description: 'The clause that gives the task its legal basis' })
  sourceClause(@Root() task: Task, @Ctx() { loaders }: Context) {
    return loaders.clause.byUuid.load(task.sourceClause.uuid);
  }

  @FieldResolver(() => Document, { description: 'The document of the source clause' })
  async document(@Root() task: Task, @Ctx() { loaders }: Context) {
    const clause = await loaders.clause.byUuid.load(task.sourceClause.uuid);
    return loaders.document.byUuid.load(clause!.document.uuid);
  }

  @FieldResolver(() => [Assignment], { description: 'Leads first, then coordinators' })
  assignments(@Root() task: Task, @Ctx() { loaders }: Context) {
    return loaders.task.assignmentsOfTask.load(task.uuid);
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

  @FieldResolver(() => DeadlineStatus, { description: 'Derived from due date, completion and today' })
  deadlineStatus(@Root() task: Task, @Ctx() { today, config }: Context) {
    return deadlineStatusOf(task, today, config.dueSoonDays);
  }

  @Mutation(() => Task, { description: 'A task on its source clause, with its assignments' })
  createTask(@Arg('input', () => CreateTaskInput) input: CreateTaskInput, @Ctx() { em }: Context) {
    const decoded = withUuids(input, { sourceClauseId: 'Clause', parentTaskId: 'Task' });
    return new TaskService(em).create({ ...decoded, assignments: assignmentsWithUuids(input.assignments) });
  }

  @Mutation(() => Task)
  updateTask(@Arg('input', () => UpdateTaskInput) input: UpdateTaskInput, @Ctx() { em }: Context) {
    const decoded = withUuids(input, { id: 'Task', sourceClauseId: 'Clause', parentTaskId: 'Task' });
    return new TaskService(em).update({ ...decoded, assignments: assignmentsWithUuids(input.assignments) });
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

@Resolver(() => Assignment)
export class AssignmentResolver {
  @FieldResolver(() => Task)
  task(@Root() assignment: Assignment, @Ctx() { loaders }: Context) {
    return loaders.task.byUuid.load(assignment.task.uuid);
  }

  @FieldResolver(() => Agency)
  agency(@Root() assignment: Assignment, @Ctx() { loaders }: Context) {
    return loaders.agency.byUuid.load(assignment.agency.uuid);
  }
}
