// The relations of tasks and assignments, as their field resolvers and prefetch (server/graphql/prefetch.ts) load them.
import type { Loaders } from '../../graphql/context';
import { type Relations, whenLoaded } from '../../graphql/relation';
import type { Assignment, Task } from './task.entity';

export const TASK_RELATIONS = {
  sourceClause: {
    type: 'Clause',
    load: (task, loaders) => loaders.clause.byUuid.get(task.sourceClause.uuid),
    preload: (tasks, below, loaders) => (below.document ? clausesWithDocuments(tasks, loaders) : undefined),
  },
  document: {
    type: 'Document',
    load: (task, loaders) =>
      whenLoaded(loaders.clause.byUuid.get(task.sourceClause.uuid), (clause) => loaders.document.byUuid.get(clause!.document.uuid)),
    preload: (tasks, _below, loaders) => clausesWithDocuments(tasks, loaders),
  },
  assignments: {
    type: 'Assignment',
    load: (task, loaders) => loaders.task.assignmentsOfTask.get(task.uuid),
    preload: (tasks, below, loaders) =>
      below.agency
        ? loaders.task.assignmentsOfTask.loadAlong(
            tasks.map((task) => task.uuid),
            'agency',
            loaders.agency.byUuid,
          )
        : undefined,
  },
  deadlineStatus: { load: (task, loaders) => loaders.task.deadlineStatus.get(task.uuid) },
} satisfies Relations<Task>;

export const ASSIGNMENT_RELATIONS = {
  agency: { type: 'Agency', load: (assignment, loaders) => loaders.agency.byUuid.get(assignment.agency.uuid) },
  task: { type: 'Task', load: (assignment, loaders) => loaders.task.byUuid.get(assignment.task.uuid) },
} satisfies Relations<Assignment>;

function clausesWithDocuments(tasks: readonly Task[], loaders: Loaders): Promise<void> {
  return loaders.clause.byUuid.loadAlong(
    tasks.map((task) => task.sourceClause.uuid),
    'document',
    loaders.document.byUuid,
  );
}
