import type { EntityManager } from '@mikro-orm/postgresql';

import { loaderByRelation, loaderByUuid } from '../../graphql/dataloader';
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
