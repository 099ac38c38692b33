import type { EntityManager } from '@mikro-orm/postgresql';

import { loaderByRelation, loaderByUuid, type SettledLoader } from '../../graphql/dataloader';
import type { Agency } from '../agency/agency.entity';
import { type DeadlineSettings, deadlineStatusLoader } from './deadline';
import { Assignment, Task } from './task.entity';

export function createTaskLoaders(em: EntityManager, calendar: DeadlineSettings) {
  return {
    byUuid: loaderByUuid(em, Task),
    assignmentByUuid: loaderByUuid(em, Assignment),
    ofClause: loaderByRelation(em, Task, 'sourceClause', { createdAt: 'asc' }),
    childTasks: loaderByRelation(em, Task, 'parentTask', { createdAt: 'asc' }),
    assignmentsOfTask: loaderByRelation(em, Assignment, 'task', { role: 'desc', createdAt: 'asc' }),
    deadlineStatus: deadlineStatusLoader(em, calendar),
  };
}

/**
 * What a task just written holds, given to the request's loaders so that the answer to its mutation shows it without
 * reading it back: its assignments, in the order `assignmentsOfTask` reads them (role descending, then creation, then
 * key), and their agencies. Only after the transaction committed, and only rows this request wrote in full.
 */
export function primeWrittenAssignments(
  loaders: { task: ReturnType<typeof createTaskLoaders>; agency: { byUuid: SettledLoader<string, Agency | null> } },
  task: Task,
  assignments: Assignment[],
): void {
  const ordered = [...assignments].sort(
    (a, b) => compare(b.role, a.role) || a.createdAt.getTime() - b.createdAt.getTime() || compare(a.uuid, b.uuid),
  );
  loaders.task.assignmentsOfTask.prime(task.uuid, ordered);
  for (const assignment of assignments) loaders.agency.byUuid.prime(assignment.agency.uuid, assignment.agency);
}

/** Codes and UUIDs are ASCII, which PostgreSQL orders as JavaScript does whatever the collation. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
