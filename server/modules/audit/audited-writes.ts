// Writes that bypass the unit of work (em.nativeDelete, inserts in one statement), with their audit events written in
// the same transaction.
import { type EntityMetadata, type EntityProperty, JsonType, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';

import { AuditEvent } from './audit-event.entity';
import { actorColumns, auditEventOf, creationEventOf, eventsOfNativeDelete, isAudited, jsonValue } from './audit-trail';

/**
 * em.nativeDelete, audited: the rows are read first (with those PostgreSQL deletes or nulls on cascade), their events
 * inserted, then the rows deleted, all in one transaction. Returns the number of rows deleted.
 */
export async function auditedNativeDelete<T extends object>(
  em: EntityManager,
  entityName: EntityName<T>,
  where: FilterQuery<T>,
): Promise<number> {
  if (!em.isInTransaction()) return em.transactional((tx) => auditedNativeDelete(tx, entityName, where));
  const meta = em.getMetadata().get<T>(typeof entityName === 'string' ? entityName : (entityName as { name: string }).name);
  const key = meta.primaryKeys[0];
  const rows = (await em
    .getDriver()
    .find(meta.className, where as never, { ctx: em.getTransactionContext(), fields: [key] } as never)) as Record<string, unknown>[];
  const uuids = rows.map((row) => String(row[key]));
  if (!uuids.length) return 0;
  const events = await eventsOfNativeDelete(em, meta as never, uuids);
  const actor = actorColumns();
  if (events.length) await em.insertMany(AuditEvent, events.map((event) => ({ ...event, ...actor })) as never);
  return em.nativeDelete(entityName, { [key]: { $in: uuids } } as FilterQuery<T>);
}

/** What `auditedInsertion` adds to a statement: its CTEs, their parameters in order, and the CTE of each table's rows. */
export interface AuditedInsertion {
  /** `name as (insert …)`, comma-separated, for the caller's WITH. */
  ctes: string;
  params: unknown[];
  /** The CTE returning the inserted rows of `entity`, all their columns (with no record of it, no rows of its table). */
  insertedRows(entity: EntityName<object>): string;
}

/**
 * New records inserted without the unit of work, with their CREATE events, as CTEs of one statement the caller writes
 * around them, so that it can check what the records refer to in that same statement: one statement is atomic without
 * BEGIN and COMMIT. Every insert (events included) happens only where `guard`, SQL the caller's CTEs make true, holds.
 *
 * `records`: new, unmanaged instances of entity classes (built with `new`, so their field defaults apply), every record of
 * a class giving the same properties; a property left undefined is the database's default, as a flush leaves it. The
 * events are the ones a flush writes (`creationEventOf`); the test of this function compares the two.
 */
export function auditedInsertion(em: EntityManager, records: readonly object[], guard: string): AuditedInsertion {
  const rowsByTable = new Map<string, { columns: string[]; rows: Record<string, unknown>[] }>();
  const add = (meta: EntityMetadata<object>, record: object) => {
    const values = definedValues(meta, record);
    const row = columnValues(em, meta, values);
    const columns = Object.keys(row);
    const table = rowsByTable.get(meta.tableName) ?? { columns, rows: [] };
    if (table.columns.join() !== columns.join())
      throw new Error(`${meta.className} records of one insertion must give the same properties: ${table.columns} against ${columns}`);
    rowsByTable.set(meta.tableName, table);
    table.rows.push(row);
    return values;
  };
  const actor = actorColumns();
  const eventMeta = em.getMetadata().get<object>(AuditEvent.name);
  const eventRecords: AuditEvent[] = [];
  for (const record of records) {
    const meta = em.getMetadata().get<object>(record.constructor.name);
    const values = add(meta, record);
    const uuid = String(jsonValue(values[meta.primaryKeys[0]]));
    if (isAudited(meta)) eventRecords.push(auditEventOf(creationEventOf(meta, uuid, values), actor));
  }
  for (const event of eventRecords) add(eventMeta, event);

  const ctes: string[] = [];
  const params: unknown[] = [];
  for (const [table, { columns, rows }] of rowsByTable) {
    const list = columns.map((column) => `"${column}"`).join(', ');
    const returning = table === eventMeta.tableName ? '' : ' returning *';
    ctes.push(
      `"inserted_${table}" as (insert into "${table}" (${list}) select ${list} from json_populate_recordset(null::"${table}", ?::json) where ${guard}${returning})`,
    );
    params.push(JSON.stringify(rows));
  }
  return {
    ctes: ctes.join(',\n'),
    params,
    insertedRows(entity) {
      const table = em.getMetadata().find(entity)!.tableName;
      return rowsByTable.has(table) ? `"inserted_${table}"` : `(select * from "${table}" where false)`;
    },
  };
}

/**
 * The properties `record` gives a value, as the unit of work's payload holds them: undefined ones left out. Its own
 * columns only: a many-to-many membership lives in a pivot table this insertion does not write, so such a record is refused.
 */
function definedValues(meta: EntityMetadata<object>, record: object): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const prop of meta.props) {
    if (prop.kind === ReferenceKind.MANY_TO_MANY && prop.owner) {
      throw new Error(`${meta.className}.${prop.name} is a many-to-many membership, which auditedInsertion does not write`);
    }
    if (prop.kind === ReferenceKind.ONE_TO_MANY || prop.kind === ReferenceKind.MANY_TO_MANY) continue;
    if (prop.persist === false || prop.formula || !prop.fieldNames?.length) continue;
    const value = (record as Record<string, unknown>)[prop.name];
    if (value !== undefined) values[prop.name] = value;
  }
  return values;
}

/**
 * The values as JSON for json_populate_recordset, by column: relations as the key they point at, JSON columns as
 * JSON (not the text a query would bind), other types converted as MikroORM converts them for the database.
 */
function columnValues(em: EntityManager, meta: EntityMetadata<object>, values: Record<string, unknown>): Record<string, unknown> {
  const platform = em.getPlatform();
  const row: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const prop = meta.properties[name as keyof object] as EntityProperty<object>;
    const column = prop.fieldNames[0];
    if (value === null || prop.kind !== ReferenceKind.SCALAR) row[column] = jsonValue(value);
    else if (prop.customType && !(prop.customType instanceof JsonType))
      row[column] = prop.customType.convertToDatabaseValue(value, platform);
    else row[column] = value;
  }
  return row;
}
