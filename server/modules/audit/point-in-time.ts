// Records as they stood at a past moment, rebuilt from the trail: start from the record as it is now (or as its DELETE
// event kept it) and undo, newest first, every event written after that moment.
import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import { BadInputError } from '../../errors';
import type { Loaders } from '../../graphql/context';
import { Clause } from '../clause/clause.entity';
import { chainOf, inDocumentOrder } from '../clause/clause.loaders';
import { Task } from '../task/task.entity';
import { TraceService } from '../trace/trace.service';
import type { TaskTrace } from '../trace/trace.types';
import { AuditAction } from './audit.enums';
import type { AuditEvent } from './audit-event.entity';
import { isAuditedProperty, jsonValue } from './audit-trail';

export type RecordState = Record<string, unknown>;

type Metadata = EntityMetadata<object>;
type Property = EntityProperty<object>;

/** Marks the objects that show a record as it stood at a moment, not as it is. */
const AS_OF = Symbol('asOf');

/** The record's audited fields now, as the trail writes them (relations as UUIDs). */
export function stateOf(em: EntityManager, entity: object): RecordState {
  const meta = em.getMetadata().get(entity.constructor.name) as Metadata;
  const state: RecordState = {};
  for (const prop of meta.props) {
    if (!isAuditedProperty(meta, prop) || prop.kind === ReferenceKind.MANY_TO_MANY) continue;
    const value = (entity as Record<string, unknown>)[prop.name];
    if (value !== undefined) state[prop.name] = jsonValue(value);
  }
  return state;
}

/**
 * The record as it stood before `events` (newest first, all after the moment asked for): null when it did not exist
 * yet. `current` is the record now, or null when it has been deleted (its DELETE event is then among the events).
 */
export function stateBefore(current: RecordState | null, events: readonly AuditEvent[]): RecordState | null {
  let state = current ? { ...current } : null;
  for (const event of events) {
    if (event.action === AuditAction.CREATE) {
      state = null;
    } else if (event.action === AuditAction.DELETE) {
      state = Object.fromEntries(Object.entries(event.changes).map(([field, change]) => [field, change.before]));
    } else if (state) {
      for (const [field, change] of Object.entries(event.changes)) state[field] = change.before;
    }
  }
  return state;
}

/**
 * An object the GraphQL type of `type` can answer from, showing `state`: it reads through to `current` (the live
 * record, when there is one) for what the trail does not keep, with relations as references the field resolvers follow.
 */
function recordView<T extends object>(em: EntityManager, type: new () => T, uuid: string, state: RecordState, current: T | null): T {
  const meta = em.getMetadata().get(type.name) as Metadata;
  const view = Object.create(current ?? type.prototype) as Record<string | symbol, unknown>;
  view.uuid = uuid;
  view[AS_OF] = true;
  for (const [field, value] of Object.entries(state)) {
    const prop = meta.properties[field as keyof object] as Property | undefined;
    if (!prop || prop.kind === ReferenceKind.MANY_TO_MANY) continue;
    if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) view[field] = value ? { uuid: value } : null;
    else if (prop.runtimeType === 'Date' && typeof value === 'string') view[field] = new Date(value);
    else view[field] = value;
  }
  return view as T;
}

function isView(record: object): boolean {
  return (record as Record<symbol, unknown>)[AS_OF] === true;
}

export class PointInTimeService {
  constructor(
    private readonly em: EntityManager,
    private readonly loaders: Loaders,
  ) {}

  /** A record's fields as they stood at `at`; null when it did not exist then. */
  async stateAt(type: new () => object, uuid: string, current: object | null, at: Date): Promise<RecordState | null> {
    const events = await this.loaders.audit.since.load({ entityType: type.name, uuid, at });
    return stateBefore(current && stateOf(this.em, current), events);
  }

  async clauseTextAt(clause: Clause, at: Date): Promise<string | null> {
    const current = isView(clause) ? await this.loaders.clause.byUuid.load(clause.uuid) : clause;
    const state = await this.stateAt(Clause, clause.uuid, current, at);
    return state ? (state.text as string) : null;
  }

  /** Every clause the document had at `at`, as it stood then, in printed order. */
  async clausesOfDocumentAt(documentUuid: string, at: Date): Promise<Clause[]> {
    const [current, events] = await Promise.all([
      this.loaders.clause.ofDocument.load(documentUuid),
      this.loaders.audit.clausesSince.load({ documentUuid, at }),
    ]);
    const eventsOf = new Map<string, AuditEvent[]>();
    for (const event of events) eventsOf.set(event.entityId, [...(eventsOf.get(event.entityId) ?? []), event]);
    const live = new Map(current.map((clause) => [clause.uuid, clause]));
    const clauses: Clause[] = [];
    for (const uuid of new Set([...live.keys(), ...eventsOf.keys()])) {
      const clause = live.get(uuid) ?? null;
      const state = stateBefore(clause && stateOf(this.em, clause), eventsOf.get(uuid) ?? []);
      if (state) clauses.push(eventsOf.has(uuid) ? recordView(this.em, Clause, uuid, state, clause) : clause!);
    }
    return inDocumentOrder(clauses);
  }

  /**
   * The trace of the task as it stood at `at`: its source clause then, that clause's enclosing clauses then, each
   * with its text then. The document and the lineage above it are the current ones.
   */
  async traceTaskAt(task: Task, at: Date): Promise<TaskTrace> {
    const taskThen = await this.stateAt(Task, task.uuid, isView(task) ? await this.loaders.task.byUuid.load(task.uuid) : task, at);
    if (!taskThen) {
      throw new BadInputError(
        `Task "${task.title}" did not exist yet at ${at.toISOString()}; it was created on ${task.createdAt.toISOString()}`,
        {
          argument: 'at',
        },
      );
    }
    const sourceUuid = taskThen.sourceClause as string;
    const sourceNow = await this.loaders.clause.byUuid.load(sourceUuid);
    const sourceThen = await this.stateAt(Clause, sourceUuid, sourceNow, at);
    const documentUuid = (sourceThen?.document ?? sourceNow?.document.uuid) as string;
    const clauses = await this.clausesOfDocumentAt(documentUuid, at);
    const sourceClause = clauses.find((clause) => clause.uuid === sourceUuid);
    if (!sourceClause)
      throw new BadInputError(`The source clause of task "${task.title}" did not exist yet at ${at.toISOString()}`, { argument: 'at' });
    const trace = new TraceService(this.loaders);
    const [document, lineage] = await Promise.all([this.loaders.document.byUuid.load(documentUuid), trace.lineage(documentUuid, 'up')]);
    return {
      task: recordView(this.em, Task, task.uuid, taskThen, task),
      sourceClause,
      clauses: chainOf(sourceClause, clauses),
      document: document!,
      lineage,
      roots: await trace.roots(
        document!,
        lineage.map((step) => step.relation),
      ),
    };
  }
}
