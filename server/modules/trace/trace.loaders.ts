// Lineage walks in PostgreSQL: one recursive query per batch of documents, whatever the depth of the chain; a task's
// trace in one statement with its task.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import { preparedQuery } from '../../database/prepared-query';
import {
  joinedEntity,
  leftJoinByKey,
  loaderByRelation,
  loaderByUuid,
  oneOfKeys,
  pgArray,
  type SettledLoader,
} from '../../graphql/dataloader';
import { Clause } from '../clause/clause.entity';
import { clauseChainWalk } from '../clause/clause.loaders';
import { Document, DocumentRelation } from '../document/document.entity';
import { LINEAGE_RELATIONS } from '../document/document.enums';
import { Task } from '../task/task.entity';

export interface LineageRow {
  relationUuid: string;
  depth: number;
}

/**
 * Up: follow from → to. Down: follow to → from. Cycles and very long chains stop the walk. The walk brings each
 * relation's row, the row of the document it leads to and of the clause that cites it, for the loaders by key to answer
 * them without three more statements (a trace shows all three, and its roots are among those documents).
 */
function lineageLoader(
  em: EntityManager,
  direction: 'up' | 'down',
  relationByUuid: SettledLoader<string, DocumentRelation | null>,
  along: WalkedRecords,
) {
  return new DataLoader<string, LineageRow[]>(async (documentUuids) => {
    const relation = joinedEntity(em, DocumentRelation, 'relation');
    const document = relation && joinedEntity(em, Document, 'document');
    const citing = relation && joinedEntity(em, Clause, 'citing');
    const starts = oneOfKeys(`r.${direction === 'up' ? 'from_document_id' : 'to_document_id'}`, documentUuids);
    const rows = await preparedQuery<{ start: string; id: string; depth: number }>(
      em,
      `with recursive ${lineageWalk(direction, starts.condition)}
       select step.start, step.id, step.depth${[relation, document, citing].map((joined) => (joined ? `, ${joined.columns}` : '')).join('')}
         from step
         ${relation ? `join ${relation.table} on ${relation.primaryKey} = step.id` : ''}
         ${document ? `left join ${document.table} on ${document.primaryKey} = step.next` : ''}
         ${citing ? `left join ${citing.table} on ${citing.primaryKey} = relation.citing_clause_id` : ''}`,
      [starts.param, ...LINEAGE_PARAMETERS],
    );
    relation?.prime(rows, relationByUuid);
    document?.prime(rows, along.documentByUuid);
    citing?.prime(rows, along.clauseByUuid);
    return documentUuids.map((uuid) => lineageRowsOf(rows, uuid));
  });
}

/**
 * The recursive CTE `walk` and, from it, `step(start, id, next, depth)`: each IMPLEMENTS / BASED_ON relation reached
 * from a start document, once, at its least depth, with the document it leads to (`next`). `startCondition` selects the
 * first relations (`r`) by their near end; the walk's two `?` follow it, for LINEAGE_PARAMETERS. Each step looks the
 * next relations up by key, as the clause chain's walk does (clauseChainWalk).
 */
function lineageWalk(direction: 'up' | 'down', startCondition: string): string {
  const [near, far] = direction === 'up' ? ['from_document_id', 'to_document_id'] : ['to_document_id', 'from_document_id'];
  return `walk(start, id, next, depth, seen) as (
         select r.${near}, r.id, r.${far}, 1, array[r.${near}, r.${far}]
           from document_relation r
          where ${startCondition} and r.type = any(?::text[])
         union all
         select walk.start, r.id, r.${far}, walk.depth + 1, walk.seen || r.${far}
           from walk cross join lateral (
             select r.id, r.${far} from document_relation r
              where r.${near} = walk.next and r.type = any(?::text[]) and not r.${far} = any(walk.seen) offset 0) r
          where walk.depth < 32
       ),
       step as (select distinct on (start, id) start, id, next, depth from walk order by start, id, depth)`;
}

const LINEAGE_PARAMETERS = [pgArray(LINEAGE_RELATIONS), pgArray(LINEAGE_RELATIONS)];

/** The steps of `rows` that start at `documentUuid`, nearest first (rows of one depth keep their order). */
function lineageRowsOf(rows: readonly { start: string; id: string; depth: number }[], documentUuid: string): LineageRow[] {
  return rows
    .filter((row) => row.start === documentUuid)
    .map((row) => ({ relationUuid: row.id, depth: row.depth }))
    .sort((a, b) => a.depth - b.depth);
}

/** The request's loaders of the records a lineage walk passes, which it fills as it goes. */
interface WalkedRecords {
  documentByUuid: SettledLoader<string, Document | null>;
  clauseByUuid: SettledLoader<string, Clause | null>;
}

/** The request's loaders a task's trace reads (TraceService.traceTask), which `taskWithTrace` fills. */
interface TracedRecords extends WalkedRecords {
  taskByUuid: SettledLoader<string, Task | null>;
  /** By clause: the clause and its ancestors, outermost first. */
  chainUuids: DataLoader<string, string[]>;
}

/** A row of the trace's statement: what it is, and the joined entity's columns beside. */
type TraceRow = {
  kind: 'task' | 'clause' | 'step';
  start: string;
  id: string;
  next: string | null;
  depth: number;
};

/**
 * Tasks by UUID, each with all its trace shows, in one statement: the task, its source clause and the clauses around
 * it, their document, and that document's lineage up with the documents and citing clauses it passes. It fills the
 * loaders the trace reads, which then answer without a statement of their own: asked one after the other, as the trace
 * asks them, they were three statements and three round trips for one task (W1 of the benchmark). Where a filter
 * applies to one of these entities it loads the tasks alone and leaves the trace to those loaders.
 */
function taskWithTraceLoader(
  em: EntityManager,
  lineageUp: DataLoader<string, LineageRow[]>,
  relationByUuid: SettledLoader<string, DocumentRelation | null>,
  records: TracedRecords,
) {
  return new DataLoader<string, Task | null>(async (taskUuids) => {
    const task = joinedEntity(em, Task, 'task');
    const clause = joinedEntity(em, Clause, 'clause');
    const document = joinedEntity(em, Document, 'document');
    const relation = joinedEntity(em, DocumentRelation, 'relation');
    const citing = joinedEntity(em, Clause, 'citing');
    if (!task || !clause || !document || !relation || !citing) return records.taskByUuid.loadMany(taskUuids);
    const chosen = oneOfKeys('t.id', taskUuids);
    const rows = await preparedQuery<TraceRow>(
      em,
      `with recursive chosen as (select t.id, t.source_clause_id from task t where ${chosen.condition}),
       ${clauseChainWalk('select c.id, c.id, c.parent_id, c.document_id, 0 from clause c where c.id in (select source_clause_id from chosen)')},
       ${lineageWalk('up', 'r.from_document_id in (select document_id from chain where depth = 0)')},
       item(kind, start, id, next, depth) as (
         select 'task', id, id, null::uuid, 0 from chosen
         union all
         -- The document once per chain, with its source clause.
         select 'clause', start, id, case when depth = 0 then document_id end, depth from chain
         union all
         select 'step', start, id, next, depth from step
       )
       select item.*, ${[task, clause, document, relation, citing].map((joined) => joined.columns).join(', ')}
         from item
         ${leftJoinByKey(task, `item.kind = 'task' and ${task.primaryKey} = item.id`)}
         ${leftJoinByKey(clause, `item.kind = 'clause' and ${clause.primaryKey} = item.id`)}
         ${leftJoinByKey(document, `${document.primaryKey} = item.next`)}
         ${leftJoinByKey(relation, `item.kind = 'step' and ${relation.primaryKey} = item.id`)}
         ${leftJoinByKey(citing, `${citing.primaryKey} = relation.citing_clause_id`)}`,
      [chosen.param, ...LINEAGE_PARAMETERS],
    );
    task.prime(rows, records.taskByUuid);
    clause.prime(rows, records.clauseByUuid);
    citing.prime(rows, records.clauseByUuid);
    document.prime(rows, records.documentByUuid);
    relation.prime(rows, relationByUuid);
    const steps = rows.filter((row) => row.kind === 'step');
    const chains = new Map<string, TraceRow[]>();
    for (const row of rows) {
      if (row.kind !== 'clause') continue;
      chains.set(row.start, [...(chains.get(row.start) ?? []), row]);
      if (row.depth === 0) lineageUp.prime(row.next!, lineageRowsOf(steps, row.next!));
    }
    // Each clause's chain is the start of its source clause's: a citation of any of them reads it (clauseWithAncestors).
    for (const chain of chains.values()) {
      const outermostFirst = chain.sort((a, b) => b.depth - a.depth).map((row) => row.id);
      outermostFirst.forEach((uuid, index) => records.chainUuids.prime(uuid, outermostFirst.slice(0, index + 1)));
    }
    return taskUuids.map((uuid) => {
      if (!records.taskByUuid.isSettled(uuid)) records.taskByUuid.prime(uuid, null);
      return records.taskByUuid.get(uuid) as Task | null;
    });
  });
}

export function createTraceLoaders(em: EntityManager, along: TracedRecords) {
  const relationByUuid = loaderByUuid(em, DocumentRelation);
  const lineageUp = lineageLoader(em, 'up', relationByUuid, along);
  return {
    lineageUp,
    lineageDown: lineageLoader(em, 'down', relationByUuid, along),
    relationByUuid,
    relationsTargetingClause: loaderByRelation(em, DocumentRelation, 'targetClause', { createdAt: 'asc' }),
    taskWithTrace: taskWithTraceLoader(em, lineageUp, relationByUuid, along),
  };
}
