// The relations of clauses, as their field resolvers and prefetch (server/graphql/prefetch.ts) load them.
import type { Relations } from '../../graphql/relation';
import type { Clause } from './clause.entity';

export const CLAUSE_RELATIONS = {
  document: { type: 'Document', load: (clause, loaders) => loaders.document.byUuid.get(clause.document.uuid) },
  tasks: { type: 'Task', load: (clause, loaders) => loaders.task.ofClause.get(clause.uuid) },
} satisfies Relations<Clause>;
