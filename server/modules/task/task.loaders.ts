import type { EntityManager } from '@mikro-orm/postgresql';

import type { Loaders } from '../../graphql/context';
import { loaderByRelation, loaderByUuid } from '../../graphql/dataloader';
import { type DeadlineSettings, DeadlineStatusLoader } from './deadline';
import { Assignment, Task } from './task.entity';

/** A task's assignments, leads first; primeWrittenAssignments sorts by it too. */
const ASSIGNMENT_ORDER = { role: 'desc', createdAt: 'asc' } as const;

export function createTaskLoaders(em: EntityManager, calendar: DeadlineSettings) {
  return {
    byUuid: loaderByUuid(em, Task),
    assignmentByUuid: loaderByUuid(em, Assignment),
    ofClause: loaderByRelation(em, Task, 'sourceClause', { createdAt: 'asc' }),
    childTasks: loaderByRelation(em, Task, 'parentTask', { createdAt: 'asc' }),
    assignmentsOfTask: loaderByRelation(em, Assignment, 'task', ASSIGNMENT_ORDER),
    deadlineStatus: new DeadlineStatusLoader(em, calendar),
  };
}

/**
 * What a task just written holds, given to the request's loaders so that the answer to its mutation shows it without
 * reading it back: its assignments, in the order `assignmentsOfTask` reads them (ASSIGNMENT_ORDER, then the key), and
 * their agencies. Only after the transaction committed, and only rows this request wrote in full.
 */
export function primeWrittenAssignments(loaders: Pick<Loaders, 'task' | 'agency'>, task: Task, assignments: Assignment[]): void {
  const ordered = [...assignments].sort((a, b) => {
    for (const [property, direction] of Object.entries(ASSIGNMENT_ORDER) as [keyof typeof ASSIGNMENT_ORDER, 'asc' | 'desc'][]) {
      const order = compare(a[property], b[property]);
      if (order) return direction === 'asc' ? order : -order;
    }
    return compare(a.uuid, b.uuid);
  });
  loaders.task.assignmentsOfTask.prime(task.uuid, ordered);
  for (const assignment of assignments) loaders.agency.byUuid.prime(assignment.agency.uuid, assignment.agency);
}

/** Dates by time; strings by code unit, as PostgreSQL orders the ASCII codes and UUIDs compared here in any collation. */
function compare(a: string | Date, b: string | Date): number {
  const [x, y] = a instanceof Date && b instanceof Date ? [a.getTime(), b.getTime()] : [a, b];
  return x < y ? -1 : x > y ? 1 : 0;
}
