// What a page of tasks brings in its own statement for the fields its nodes show: each task's deadline status, its
// clause and the clause's document. Without them, the loaders ask for each in a statement of their own once the page
// is read (docs/performance.md, change 40: an agency's page, W2, took four statements and now takes two).
import type { EntityManager } from '@mikro-orm/postgresql';

import type { PageCompanion } from '../../graphql/connection';
import type { Loaders } from '../../graphql/context';
import { columnOf, joinedEntity, leftJoinByKey } from '../../graphql/dataloader';
import type { Selection } from '../../graphql/lookahead';
import { Clause } from '../clause/clause.entity';
import { Document } from '../document/document.entity';
import { Task } from './task.entity';
import type { DeadlineStatus } from './task.enums';

/** The companions of a page of tasks whose nodes `selection` asks for (see PageCompanion). */
export function taskPageCompanions(em: EntityManager, selection: Selection, loaders: Loaders): PageCompanion[] {
  const companions: PageCompanion[] = [];
  if (selection.deadlineStatus) {
    const taskKey = columnOf(em, Task, 'uuid');
    const status = loaders.task.deadlineStatus.column('t');
    companions.push({
      columns: { sql: `${status.sql} as "$deadline_status"`, params: status.params },
      prime(rows) {
        for (const row of rows) loaders.task.deadlineStatus.prime(row[taskKey] as string, row.$deadline_status as DeadlineStatus);
      },
    });
  }
  if (selection.sourceClause || selection.document) {
    const clause = joinedEntity(em, Clause, 'page_clause');
    const withDocument = selection.document || selection.sourceClause?.document;
    const document = withDocument ? joinedEntity(em, Document, 'page_document') : undefined;
    if (clause) {
      const clauseJoin = leftJoinByKey(clause, `${clause.primaryKey} = page."${columnOf(em, Task, 'sourceClause')}"`);
      const documentJoin =
        document && leftJoinByKey(document, `${document.primaryKey} = page_clause."${columnOf(em, Clause, 'document')}"`);
      companions.push({
        joins: {
          sql: [clauseJoin, documentJoin].filter(Boolean).join(' '),
          columns: [clause.columns, document?.columns].filter(Boolean).join(', '),
        },
        prime(rows) {
          clause.prime(rows, loaders.clause.byUuid);
          document?.prime(rows, loaders.document.byUuid);
        },
      });
    }
  }
  return companions;
}
