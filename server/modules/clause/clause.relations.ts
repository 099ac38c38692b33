// The relations of clauses, as their field resolvers and prefetch (server/graphql/prefetch.ts) load them.
import type { Relations } from '../../graphql/relation';
import type { DeadlineStatus } from '../task/task.enums';
import type { Clause } from './clause.entity';

export const CLAUSE_RELATIONS = {
  document: { type: 'Document', load: (clause, loaders) => loaders.document.byUuid.get(clause.document.uuid) },
  tasks: {
    type: 'Task',
    load: (clause, loaders) => loaders.task.ofClause.get(clause.uuid),
    // A document's tasks shown with their deadline statuses (W3) bring them in the statement that reads the tasks.
    preload: (clauses, below, loaders) =>
      below.deadlineStatus
        ? loaders.task.ofClause.loadComputing(
            clauses.map((clause) => clause.uuid),
            (table) => loaders.task.deadlineStatus.column(table),
            (task, status) => loaders.task.deadlineStatus.prime(task.uuid, status as DeadlineStatus),
          )
        : undefined,
  },
} satisfies Relations<Clause>;
