// What a write changes, as audit events: every field before → after, secrets masked, and the rows PostgreSQL itself
// deletes or nulls on cascade (a removed task takes its assignments and reports with it), so nothing leaves no trace.
import {
  ChangeSetType,
  type EntityManager,
  type EntityMetadata,
  type EntityProperty,
  helper,
  ReferenceKind,
  type UnitOfWork,
  Utils,
} from '@mikro-orm/core';

import { type Actor, currentActor } from '../account/actor';
import { AuditAction, AuditActorKind } from './audit.enums';
import { AuditEvent, type FieldChange } from './audit-event.entity';

export interface PendingAuditEvent {
  entityType: string;
  entityId: string;
  action: AuditAction;
  changes: Record<string, FieldChange>;
}

type Metadata = EntityMetadata<object>;
type Property = EntityProperty<object>;
type Row = Record<string, unknown>;

/** Properties whose values never enter the trail: that they changed is recorded, what they hold is not. */
const SECRET = /hash|password|secret/i;
export const MASKED = '[masked]';

/**
 * Bookkeeping every record carries: in a whole-record snapshot (a create's `after`, a delete's `before`), never in an
 * update's changes, where the event itself says when and the version moves every time.
 */
const BOOKKEEPING = new Set(['createdAt', 'updatedAt']);

const excluded = new Map<string, 'all' | Set<string>>();

/**
 * Leaves an entity (or some of its properties) out of the trail: for bookkeeping that changes on every read, such as
 * a token's last use. Everything else flushed through the ORM is audited.
 */
export function excludeFromAudit(entity: string | (abstract new (...args: never[]) => object), properties?: string[]): void {
  const name = typeof entity === 'string' ? entity : entity.name;
  excluded.set(name, properties ? new Set(properties) : 'all');
}

/** Whether writes to records of this type are audited: every entity with a single key, except the trail itself. */
export function isAudited(meta: Metadata): boolean {
  return (
    meta.className !== AuditEvent.name &&
    !meta.pivotTable &&
    !meta.embeddable &&
    !meta.virtual &&
    meta.primaryKeys.length === 1 &&
    excluded.get(meta.className) !== 'all'
  );
}

function isManyToManyOwner(prop: Property): boolean {
  return prop.kind === ReferenceKind.MANY_TO_MANY && Boolean(prop.owner) && Boolean(prop.pivotTable);
}

function isToOneOwner(prop: Property): boolean {
  return prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && Boolean(prop.owner));
}

/** Whether the trail keeps this property: in every event (`change`), or only in whole-record snapshots (`snapshot`). */
export function isAuditedProperty(meta: Metadata, prop: Property, scope: 'change' | 'snapshot' = 'change'): boolean {
  const skipped = excluded.get(meta.className);
  if (skipped instanceof Set && skipped.has(prop.name)) return false;
  if (prop.primary || prop.persist === false || prop.formula || prop.embedded) return false;
  if ((prop.version || BOOKKEEPING.has(prop.name)) && scope === 'change') return false;
  return prop.kind === ReferenceKind.SCALAR || isToOneOwner(prop) || isManyToManyOwner(prop);
}

/** A value as JSON: dates as ISO strings, records as the UUID they point at. */
export function jsonValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (Array.isArray(value)) return value.map(jsonValue);
  if (Utils.isEntity<object>(value, true)) return helper(value).getSerializedPrimaryKey();
  if (typeof value === 'object' && typeof (value as { getValue?: unknown }).getValue === 'function') {
    return jsonValue((value as { getValue(): unknown }).getValue()); // an EntityIdentifier of a record not inserted yet
  }
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonValue(item)]));
  return value;
}

export function masked(prop: Property, value: unknown): unknown {
  return SECRET.test(prop.name) && value != null ? MASKED : value;
}

/** A value from a unit-of-work snapshot, where JSON and arrays are kept as their database text. */
function snapshotValue(em: EntityManager, meta: Metadata, prop: Property, value: unknown): unknown {
  if (value != null && prop.customType?.ensureComparable(meta, prop)) {
    // force: the JSON type hands PostgreSQL's text back unparsed otherwise (the driver usually parses it).
    return jsonValue(prop.customType.convertToJSValue(value, em.getPlatform(), { force: true } as never));
  }
  return jsonValue(value);
}

function primaryKeyOf(meta: Metadata, row: Row): string {
  return String(jsonValue(row[meta.primaryKeys[0]]));
}

/** A stored or created record, field by field, as a create's `after` or a delete's `before`. */
function fieldsOf(meta: Metadata, row: Row, side: 'before' | 'after'): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const prop of meta.props) {
    if (!isAuditedProperty(meta, prop, 'snapshot') || !(prop.name in row)) continue;
    changes[prop.name] = { [side]: masked(prop, jsonValue(row[prop.name])) };
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sortedUuids(items: readonly object[]): string[] {
  return items.map((item) => String(jsonValue(item))).sort();
}

const ctxOf = (em: EntityManager) => em.getTransactionContext();

/** Whole rows as the driver maps them (property names, JSON parsed), lazy properties included. */
async function loadRows(em: EntityManager, meta: Metadata, where: Record<string, unknown>): Promise<Row[]> {
  const populate = meta.props.filter((prop) => prop.lazy && prop.kind === ReferenceKind.SCALAR).map((prop) => ({ field: prop.name }));
  return (await em.getDriver().find(meta.className, where, { ctx: ctxOf(em), populate } as never)) as Row[];
}

/** Pivot rows of a many-to-many property: owner UUID → the UUIDs it holds. */
async function pivotRows(em: EntityManager, prop: Property, side: 'owner' | 'target', uuids: string[]): Promise<Map<string, string[]>> {
  const [ownerColumn, targetColumn] = [prop.joinColumns[0], prop.inverseJoinColumns[0]];
  const column = side === 'owner' ? ownerColumn : targetColumn;
  const rows: { owner: string; target: string }[] = await em
    .getConnection()
    .execute(
      `select "${ownerColumn}" as owner, "${targetColumn}" as target from "${prop.pivotTable}" where "${column}" = any(?::uuid[])`,
      [`{${uuids.join(',')}}`],
      'all',
      ctxOf(em),
    );
  const groups = new Map<string, string[]>();
  for (const row of rows) groups.set(row.owner, [...(groups.get(row.owner) ?? []), row.target]);
  return groups;
}

/** The foreign keys PostgreSQL acts on when a row of `meta` goes: the same rules the schema was generated with. */
function dependentsOf(em: EntityManager, meta: Metadata) {
  const toOne: { meta: Metadata; prop: Property; rule: 'cascade' | 'set null' }[] = [];
  const manyToMany: { meta: Metadata; prop: Property }[] = [];
  for (const candidate of Object.values(em.getMetadata().getAll()) as Metadata[]) {
    if (!isAudited(candidate)) continue;
    for (const prop of candidate.props) {
      if (prop.targetMeta?.root.className !== meta.root.className) continue;
      if (isToOneOwner(prop) && prop.persist !== false) {
        const cascades = prop.cascade?.some((cascade) => cascade === 'remove' || cascade === 'all');
        const rule = String(prop.deleteRule || (cascades ? 'cascade' : prop.nullable ? 'set null' : 'no action')).toLowerCase();
        if (rule === 'cascade' || rule === 'set null') toOne.push({ meta: candidate, prop, rule });
      } else if (isManyToManyOwner(prop) && isAuditedProperty(candidate, prop)) {
        manyToMany.push({ meta: candidate, prop });
      }
    }
  }
  return { toOne, manyToMany };
}

/** Collects events, one per record: a later change to a record already in the list merges into its event. */
class EventList {
  readonly events: PendingAuditEvent[] = [];
  private readonly byKey = new Map<string, PendingAuditEvent>();

  get(entityType: string, entityId: string): PendingAuditEvent | undefined {
    return this.byKey.get(`${entityType}:${entityId}`);
  }

  add(event: PendingAuditEvent): void {
    const existing = this.get(event.entityType, event.entityId);
    if (!existing || (event.action === AuditAction.DELETE && existing.action === AuditAction.CREATE)) {
      this.byKey.set(`${event.entityType}:${event.entityId}`, event);
      this.events.push(event);
    } else if (event.action === AuditAction.DELETE) {
      // A null a cascade would have set, on a row another cascade deletes: the delete says it all.
      Object.assign(existing, event);
    } else {
      Object.assign(existing.changes, event.changes);
    }
  }
}

/**
 * DELETE events for the rows about to go, with every field they held, and the events of what PostgreSQL does on
 * cascade: rows deleted with them, foreign keys set to null, many-to-many memberships dropped. Runs before the delete,
 * inside its transaction when there is one.
 */
async function addDeletions(em: EntityManager, list: EventList, deletes: Map<Metadata, Set<string>>): Promise<void> {
  const queue = [...deletes.entries()].map(([meta, uuids]) => ({ meta, uuids: [...uuids] }));
  const deleted = new Set<string>();
  for (const { meta, uuids } of queue) for (const uuid of uuids) deleted.add(`${meta.className}:${uuid}`);

  for (let next = queue.shift(); next; next = queue.shift()) {
    const { meta, uuids } = next;
    if (!uuids.length) continue;
    const rows = await loadRows(em, meta, { [meta.primaryKeys[0]]: { $in: uuids } });
    const ownManyToMany = meta.props.filter((prop) => isManyToManyOwner(prop) && isAuditedProperty(meta, prop));
    const memberships = await Promise.all(ownManyToMany.map((prop) => pivotRows(em, prop, 'owner', uuids)));
    for (const row of rows) {
      const uuid = primaryKeyOf(meta, row);
      const before = fieldsOf(meta, row, 'before');
      ownManyToMany.forEach((prop, index) => (before[prop.name] = { before: (memberships[index].get(uuid) ?? []).sort() }));
      list.add({ entityType: meta.className, entityId: uuid, action: AuditAction.DELETE, changes: before });
    }

    const { toOne, manyToMany } = dependentsOf(em, meta);
    for (const { meta: dependent, prop, rule } of toOne) {
      const found = await loadRows(em, dependent, { [prop.name]: { $in: uuids } });
      // Records the same flush creates pointing at the ones it deletes: PostgreSQL acts on them too.
      const created = list.events
        .filter((event) => event.entityType === dependent.className && event.action === AuditAction.CREATE)
        .filter((event) => uuids.includes(event.changes[prop.name]?.after as string));
      if (rule === 'cascade') {
        const newly: string[] = [];
        for (const row of found) {
          const uuid = primaryKeyOf(dependent, row);
          if (deleted.has(`${dependent.className}:${uuid}`)) continue;
          deleted.add(`${dependent.className}:${uuid}`);
          newly.push(uuid);
        }
        for (const event of created) {
          const before = Object.fromEntries(Object.entries(event.changes).map(([field, change]) => [field, { before: change.after }]));
          list.add({ ...event, action: AuditAction.DELETE, changes: before });
        }
        if (newly.length) queue.push({ meta: dependent, uuids: newly });
      } else {
        for (const row of found) {
          const uuid = primaryKeyOf(dependent, row);
          if (deleted.has(`${dependent.className}:${uuid}`)) continue;
          // A row the same flush repoints elsewhere is not nulled: its own update already moved it.
          if (list.get(dependent.className, uuid)?.changes[prop.name]) continue;
          const change = { [prop.name]: { before: jsonValue(row[prop.name]), after: null } };
          list.add({ entityType: dependent.className, entityId: uuid, action: AuditAction.UPDATE, changes: change });
        }
        for (const event of created) event.changes[prop.name] = { after: null };
      }
    }

    for (const { meta: owner, prop } of manyToMany) {
      const holding = await pivotRows(em, prop, 'target', uuids);
      const owners = [...holding.keys()].filter((uuid) => !deleted.has(`${owner.className}:${uuid}`));
      if (!owners.length) continue;
      const members = await pivotRows(em, prop, 'owner', owners);
      for (const uuid of owners) {
        const before = (members.get(uuid) ?? []).sort();
        const after = before.filter((member) => !uuids.includes(member));
        const event = list.get(owner.className, uuid);
        if (event?.changes[prop.name]) event.changes[prop.name].after = after;
        else
          list.add({
            entityType: owner.className,
            entityId: uuid,
            action: AuditAction.UPDATE,
            changes: { [prop.name]: { before, after } },
          });
      }
    }
  }
}

/** The events of one flush, from its change sets and collection updates. */
export async function eventsOfFlush(em: EntityManager, uow: UnitOfWork): Promise<PendingAuditEvent[]> {
  const list = new EventList();
  const deletes = new Map<Metadata, Set<string>>();
  const unknownBefore = new Map<Metadata, Map<string, string[]>>();

  for (const changeSet of uow.getChangeSets()) {
    const meta = changeSet.meta as Metadata;
    if (!isAudited(meta)) continue;
    const entityId = String(jsonValue(helper(changeSet.entity).getPrimaryKey()));
    if (changeSet.type === ChangeSetType.DELETE || changeSet.type === ChangeSetType.DELETE_EARLY) {
      deletes.set(meta, (deletes.get(meta) ?? new Set()).add(entityId));
      continue;
    }
    const payload = changeSet.payload as Row;
    if (changeSet.type === ChangeSetType.CREATE) {
      const values = Object.fromEntries(
        Object.entries(payload).map(([name, value]) => {
          const prop = meta.properties[name as keyof object] as Property | undefined;
          return [name, prop ? snapshotValue(em, meta, prop, value) : value];
        }),
      );
      list.add(creationEventOf(meta, entityId, values));
      continue;
    }
    const original = (changeSet.originalEntity ?? {}) as Row;
    const changes: Record<string, FieldChange> = {};
    for (const prop of meta.props) {
      if (!isAuditedProperty(meta, prop, 'change') || !(prop.name in payload)) continue;
      const after = masked(prop, snapshotValue(em, meta, prop, payload[prop.name]));
      if (!(prop.name in original)) {
        // A lazy property nobody loaded: its old value is read from the database before the update runs.
        const missing = unknownBefore.get(meta) ?? new Map<string, string[]>();
        missing.set(entityId, [...(missing.get(entityId) ?? []), prop.name]);
        unknownBefore.set(meta, missing);
      }
      const before = masked(prop, snapshotValue(em, meta, prop, original[prop.name]));
      if (!sameValue(before, after) || !(prop.name in original)) changes[prop.name] = { before, after };
    }
    if (Object.keys(changes).length) list.add({ entityType: meta.className, entityId, action: AuditAction.UPDATE, changes });
  }

  for (const [meta, missing] of unknownBefore) {
    const rows = await loadRows(em, meta, { [meta.primaryKeys[0]]: { $in: [...missing.keys()] } });
    for (const row of rows) {
      const event = list.get(meta.className, primaryKeyOf(meta, row));
      for (const name of missing.get(primaryKeyOf(meta, row)) ?? []) {
        const prop = meta.properties[name as keyof object] as Property;
        const change = event?.changes[name];
        if (!change) continue;
        change.before = masked(prop, jsonValue(row[name]));
        if (sameValue(change.before, change.after)) delete event.changes[name];
      }
    }
  }

  for (const collection of uow.getCollectionUpdates()) {
    const prop = collection.property as Property;
    const owner = collection.owner;
    const meta = em.getMetadata().get(owner.constructor.name) as Metadata;
    if (!isAudited(meta) || !isManyToManyOwner(prop) || !isAuditedProperty(meta, prop)) continue;
    const entityId = String(jsonValue(helper(owner).getPrimaryKey()));
    if (deletes.get(meta)?.has(entityId)) continue;
    const after = sortedUuids(collection.getItems(false));
    const event = list.get(meta.className, entityId);
    if (event?.action === AuditAction.CREATE) {
      event.changes[prop.name] = { after };
      continue;
    }
    const snapshot = collection.getSnapshot();
    const before = snapshot ? sortedUuids(snapshot) : ((await pivotRows(em, prop, 'owner', [entityId])).get(entityId) ?? []).sort();
    if (sameValue(before, after)) continue;
    list.add({ entityType: meta.className, entityId, action: AuditAction.UPDATE, changes: { [prop.name]: { before, after } } });
  }

  if (deletes.size) await addDeletions(em, list, deletes);
  // An update that only touched bookkeeping (or a property left out of the trail) says nothing.
  return list.events.filter((event) => event.action !== AuditAction.UPDATE || Object.keys(event.changes).length > 0);
}

/**
 * A new record's CREATE event: every audited field of `values` (property → value; a property it leaves out, the
 * database fills in, and the event does not name), whether the unit of work wrote the record or a statement of its own.
 */
export function creationEventOf(meta: Metadata, entityId: string, values: Row): PendingAuditEvent {
  return { entityType: meta.className, entityId, action: AuditAction.CREATE, changes: fieldsOf(meta, values, 'after') };
}

/** The events of a delete that bypasses the unit of work (em.nativeDelete), read before it runs. */
export async function eventsOfNativeDelete(em: EntityManager, meta: Metadata, uuids: string[]): Promise<PendingAuditEvent[]> {
  const list = new EventList();
  if (isAudited(meta) && uuids.length) await addDeletions(em, list, new Map([[meta, new Set(uuids)]]));
  return list.events;
}

/** Who the event is about: the request's actor, the registry itself outside requests, or nobody signed in. */
export function actorColumns(actor: Actor | null = currentActor()): Pick<AuditEvent, 'actorKind' | 'actorId' | 'actorName'> {
  if (!actor) return { actorKind: AuditActorKind.ANONYMOUS, actorId: null, actorName: 'anonymous' };
  return { actorKind: AuditActorKind[actor.kind], actorId: actor.id, actorName: actor.name };
}

export function auditEventOf(event: PendingAuditEvent, actor = actorColumns()): AuditEvent {
  return Object.assign(new AuditEvent(), event, actor);
}
