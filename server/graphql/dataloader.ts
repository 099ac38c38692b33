// Loader factories every module uses: one batched SELECT per relation per request, whatever the page size.
import { type EntityMetadata, type EntityProperty, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import { preparedQuery } from '../database/prepared-query';
import type { RecordEntity } from '../database/record.entity';
import { plannedColumns } from './column-plan';
import { orderSql } from './filter-sql';

interface ColumnReader {
  property: string;
  column: string;
  read(value: unknown): unknown;
}

export interface RowReader<T> {
  table: string;
  /**
   * The selected columns, quoted and comma-separated, of the row `alias` if given (lazy properties left out, as em.find
   * does); with `prefix`, each named `prefix` + its column, so that two tables' columns can share a row.
   */
  columnList(alias?: string, prefix?: string): string;
  /** The properties those columns hold, for a MikroORM query builder's select. */
  properties: string[];
  primaryKeyColumn: string;
  /** The entity of `row`'s columns, or of those named `prefix` + column (columnList's `prefix`). */
  entity(row: Record<string, unknown>, prefix?: string): T;
}

/** `meta`'s own map in `caches`, made when first asked for: what is derived once per entity and key. */
function cacheOf<V>(caches: WeakMap<EntityMetadata, Map<string, V>>, meta: EntityMetadata): Map<string, V> {
  let cache = caches.get(meta);
  if (!cache) caches.set(meta, (cache = new Map()));
  return cache;
}

const rowReaders = new WeakMap<EntityMetadata, Map<string, RowReader<unknown>>>();

/**
 * Loaders only read, and a page of fifty tasks with their clauses, documents, assignments and agencies is hundreds of
 * entities: going through MikroORM's unit of work (identity map, change-set snapshots, per-instance property
 * propagation) cost more than the SQL did. Rows become instances of the entity class straight from their columns,
 * converted the way MikroORM's hydrator converts them; relations are references that carry their primary key, as an
 * uninitialised MikroORM reference does. The instances are not managed: services that write load their own.
 *
 * `only`: the properties the request's column plan reads (server/graphql/column-plan.ts); the others are neither
 * selected nor readable (reading one throws, so a plan that forgot a column fails a test instead of answering null).
 */
function rowReaderOf<T>(em: EntityManager, meta: EntityMetadata<T>, only?: ReadonlySet<string>): RowReader<T> {
  const key = only ? [...only].sort().join(',') : '*';
  const readers = cacheOf(rowReaders, meta as EntityMetadata);
  const known = readers.get(key);
  if (known) return known as RowReader<T>;
  const platform = em.getPlatform();
  const columns: ColumnReader[] = [];
  const unread: string[] = [];
  for (const prop of meta.props as EntityProperty<T>[]) {
    if (prop.lazy || prop.persist === false || prop.formula || !prop.fieldNames?.length) continue;
    const column = prop.fieldNames[0];
    let read: ColumnReader['read'] | undefined;
    if (prop.kind === ReferenceKind.SCALAR) {
      read = scalarReader(prop, platform);
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      const target = prop.targetMeta!;
      const targetKey = target.primaryKeys[0];
      const referencePrototype = referencePrototypeOf(target);
      read = (value) => {
        const reference = Object.create(referencePrototype) as Record<string, unknown>;
        reference[targetKey] = value;
        return reference;
      };
    }
    if (!read) continue;
    if (only && !only.has(prop.name) && !meta.primaryKeys.includes(prop.name as never)) unread.push(prop.name);
    else columns.push({ property: prop.name, column, read });
  }
  const primaryKey = meta.properties[meta.primaryKeys[0]];
  const prototype = plainPrototypeOf(
    meta as EntityMetadata,
    columns.map((column) => column.property),
    unread,
  );
  const columnLists = new Map<string, string>();
  const reader: RowReader<T> = {
    table: meta.tableName,
    columnList: (alias = '', prefix = '') => {
      // A request's statements are built again for every request, from these same lists.
      const key = `${alias}\0${prefix}`;
      let list = columnLists.get(key);
      if (list === undefined) {
        list = columns
          .map((column) => {
            const qualified = alias ? `${alias}."${column.column}"` : `"${column.column}"`;
            return prefix ? `${qualified} as "${prefix}${column.column}"` : qualified;
          })
          .join(', ');
        columnLists.set(key, list);
      }
      return list;
    },
    properties: columns.map((column) => column.property),
    primaryKeyColumn: primaryKey.fieldNames[0],
    entity(row, prefix = '') {
      const entity = Object.create(prototype) as Record<string, unknown>;
      for (const column of columns) {
        const value = row[prefix + column.column];
        entity[column.property] = value == null ? null : column.read(value);
      }
      return entity as T;
    },
  };
  readers.set(key, reader as RowReader<unknown>);
  return reader;
}

const plainPrototypes = new WeakMap<EntityMetadata, Map<string, object>>();

/**
 * MikroORM puts a setter for each tracked property on the entity's prototype, which on first use builds the
 * instance's change-tracking state. A prototype between the instance and the entity's own shadows those setters with
 * plain writable properties, so assigning a column is a plain assignment; methods, getters (`id`) and
 * `instanceof` still come from the entity's class. Properties the request did not read throw when read.
 */
function plainPrototypeOf(meta: EntityMetadata, properties: string[], unread: string[]): object {
  const key = unread.join(',');
  const prototypes = cacheOf(plainPrototypes, meta);
  let prototype = prototypes.get(key);
  if (!prototype) {
    const shadows: PropertyDescriptorMap = {};
    for (const name of properties) shadows[name] = { value: undefined, writable: true, enumerable: true, configurable: true };
    for (const name of unread) {
      shadows[name] = {
        get() {
          throw new Error(`${meta.className}.${name} was not read for this request: add it to the column plan of the field that uses it`);
        },
        set(this: object, value: unknown) {
          Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
        },
        enumerable: false,
        configurable: true,
      };
    }
    prototype = Object.create(meta.prototype as object, shadows) as object;
    prototypes.set(key, prototype);
  }
  return prototype;
}

const referencePrototypes = new WeakMap<EntityMetadata, object>();

/** References carry only their primary key, which MikroORM never wraps in a setter. */
function referencePrototypeOf(meta: EntityMetadata): object {
  let prototype = referencePrototypes.get(meta);
  if (!prototype) {
    prototype = Object.create(meta.prototype as object) as object;
    referencePrototypes.set(meta, prototype);
  }
  return prototype;
}

/**
 * A reference to `entity`'s record `uuid` that carries only its key, as the loaders' relations do: not managed, for a
 * write that bypasses the unit of work (em.getReference builds, and registers, a managed entity for each).
 */
export function keyReference<T>(em: EntityManager, entity: EntityName<T>, uuid: string): T {
  const meta = em.getMetadata().find<T>(entity)!;
  const reference = Object.create(referencePrototypeOf(meta as EntityMetadata)) as Record<string, unknown>;
  reference[meta.primaryKeys[0]] = uuid;
  return reference as T;
}

function scalarReader<T>(prop: EntityProperty<T>, platform: ReturnType<EntityManager['getPlatform']>): (value: unknown) => unknown {
  const customType = prop.customType;
  if (customType) return (value) => customType.convertToJSValue(value, platform);
  if (prop.runtimeType === 'boolean') return (value) => !!value;
  if (prop.runtimeType === 'Date') return (value) => (value instanceof Date ? value : new Date(value as string));
  return (value) => value;
}

/** Entities a filter applies to (a REPORTER's view of reports) are read through MikroORM, which applies it. */
function readsDirectly(em: EntityManager, meta: EntityMetadata): boolean {
  const local = (em as unknown as { filters?: Record<string, { entity?: string[] }> }).filters ?? {};
  const filters = [...Object.values(local), ...Object.values(em.config.get('filters')), ...Object.values(meta.filters ?? {})];
  return !filters.some((filter) => !filter.entity || filter.entity.includes(meta.className));
}

/** How to build `entity` straight from its rows, or undefined when a filter applies to it and MikroORM must read it. */
export function directReader<T>(em: EntityManager, entity: EntityName<T>, alsoRead?: string): RowReader<T> | undefined {
  const meta = em.getMetadata().find<T>(entity)!;
  if (!readsDirectly(em, meta as EntityMetadata)) return undefined;
  const planned = plannedColumns(em, meta.className);
  return rowReaderOf(em, meta, planned && alsoRead && !planned.has(alsoRead) ? new Set([...planned, alsoRead]) : planned);
}

/**
 * How to build `entity` from every column of its rows, whatever the request's column plan: for the rows a write
 * returns, which any field of its answer may read. Not for reading others' rows (a filter on the entity is not applied).
 */
export function fullRowReader<T>(em: EntityManager, entity: EntityName<T>): RowReader<T> {
  return rowReaderOf(em, em.getMetadata().find<T>(entity)!);
}

/**
 * The one row of `entity` whose `property` holds `value`, read as the loaders read theirs (not managed: for reading only),
 * or through MikroORM when a filter applies to the entity.
 */
export async function readOneBy<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  property: keyof T & string,
  value: unknown,
): Promise<T | null> {
  const reader = directReader(em, entity);
  if (!reader) return em.findOne(entity, { [property]: value } as FilterQuery<T>);
  const [row] = await selectEntities(em, reader, `"${columnOf(em, entity, property)}" = ? limit 1`, [value]);
  return row ?? null;
}

/**
 * The rows of `reader`'s table that `condition` (SQL with `?` parameters) selects, as entities. The conditions are
 * look-ups by key, planned alike for any key: prepared.
 */
async function selectEntities<T>(em: EntityManager, reader: RowReader<T>, condition: string, params: unknown[]): Promise<T[]> {
  const rows = await preparedQuery<Record<string, unknown>>(
    em,
    `select ${reader.columnList()} from "${reader.table}" where ${condition}`,
    params,
  );
  return rows.map((row) => reader.entity(row));
}

/**
 * A DataLoader that also remembers what its batches brought, so that `get` answers a key already loaded at once, without
 * a promise. A page that loads its nodes' relations ahead (server/graphql/prefetch.ts) lets GraphQL complete the nodes
 * synchronously: a promise for every relation of every node, and the work GraphQL does to wait for each, was a large
 * part of a page's CPU.
 */
export class SettledLoader<K, V> extends DataLoader<K, V> {
  private readonly settled: Map<K, V>;

  constructor(batch: DataLoader.BatchLoadFn<K, V>) {
    const settled = new Map<K, V>();
    super(async (keys) => {
      const values = await batch(keys);
      keys.forEach((key, index) => {
        const value = values[index];
        if (!(value instanceof Error)) settled.set(key, value);
      });
      return values;
    });
    this.settled = settled;
  }

  /** Whether a batch already brought `key` (or it was primed with a value): `get` answers it at once. */
  isSettled(key: K): boolean {
    return this.settled.has(key);
  }

  /** The value when a batch already brought it, else the promise of it. */
  get(key: K): V | Promise<V> {
    return this.settled.has(key) ? (this.settled.get(key) as V) : this.load(key);
  }

  /** As DataLoader's prime, and `get` answers it at once too. */
  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    if (!(value instanceof Error) && !isPromiseLike(value) && !this.settled.has(key)) this.settled.set(key, value);
    return super.prime(key, value);
  }
}

export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * A loader of entities by a key column, which can also bring, in the same statement, the rows that a many-to-one
 * property of its entities points at (`loadAlong`): clauses with their documents, assignments with their agencies.
 */
export class EntityLoader<T extends RecordEntity, V> extends SettledLoader<string, V> {
  /**
   * The joined loads in flight, by property and key: two relations that preload the same rows at once (a task's
   * `document` and its `sourceClause { document }`) share one statement, as two loads of one key share a batch.
   */
  private readonly loadingAlong = new Map<string, Promise<void>>();

  constructor(
    private readonly em: EntityManager,
    private readonly entity: EntityName<T>,
    private readonly select: EntitySelect<T>,
    private readonly group: (keys: readonly string[], rows: T[]) => V[],
  ) {
    super(async (keys) => {
      const reader = directReader(em, entity, select.alsoRead);
      const rows = reader ? await selectEntities(em, reader, ...keyCondition(select, keys)) : await select.throughOrm(keys);
      return group(keys, rows);
    });
  }

  /**
   * Loads the keys not loaded yet together with the rows their `property` points at, and gives those to `along`, the
   * loader of that entity by key: one statement where loading the first, then what they point at, takes two, one round
   * trip after the other. Does nothing when either entity must be read through MikroORM (a filter applies to it).
   * `property` must be a many-to-one relation: anything else is a mistake in the caller's code, and throws.
   */
  async loadAlong<R extends RecordEntity>(
    keys: readonly string[],
    property: keyof T & string,
    along: SettledLoader<string, R | null>,
  ): Promise<void> {
    const unsettled = [...new Set(keys)].filter((key) => !this.isSettled(key));
    const inFlight = (key: string) => this.loadingAlong.get(`${property}:${key}`);
    const missing = unsettled.filter((key) => !inFlight(key));
    if (missing.length > 0) {
      const loading = this.selectAlong(missing, property, along);
      for (const key of missing) this.loadingAlong.set(`${property}:${key}`, loading);
    }
    try {
      await Promise.all(unsettled.map(inFlight));
    } finally {
      for (const key of missing) this.loadingAlong.delete(`${property}:${key}`);
    }
  }

  /**
   * Loads the keys not loaded yet with `computed`, an expression of each row (SQL on the table's name, with its
   * parameters) that another loader would ask for in a statement of its own, and gives each entity's value to `give`:
   * a clause's tasks with their deadline statuses. Does nothing when the entity must be read through MikroORM.
   */
  async loadComputing(
    keys: readonly string[],
    computed: (table: string) => { sql: string; params: unknown[] },
    give: (entity: T, value: unknown) => void,
  ): Promise<void> {
    const missing = [...new Set(keys)].filter((key) => !this.isSettled(key));
    const reader = directReader(this.em, this.entity, this.select.alsoRead);
    if (missing.length === 0 || !reader) return;
    const table = `"${reader.table}"`;
    const expression = computed(table);
    const [condition, params] = keyCondition(this.select, missing);
    const rows = await preparedQuery<Record<string, unknown>>(
      this.em,
      `select ${reader.columnList(table)}, ${expression.sql} as "$computed" from ${table} where ${condition}`,
      [...expression.params, ...params],
    );
    this.settle(
      missing,
      rows.map((row) => {
        const entity = reader.entity(row);
        give(entity, row.$computed);
        return entity;
      }),
    );
  }

  private async selectAlong<R extends RecordEntity>(
    missing: string[],
    property: keyof T & string,
    along: SettledLoader<string, R | null>,
  ): Promise<void> {
    const meta = this.em.getMetadata().find<T>(this.entity)!;
    const prop = (meta.properties as Record<string, EntityProperty<T>>)[property];
    if (prop.kind !== ReferenceKind.MANY_TO_ONE) throw new Error(`${meta.className}.${property} is not a many-to-one relation`);
    const reader = directReader(this.em, this.entity, this.select.alsoRead);
    const referenced = joinedEntity<R>(this.em, prop.targetMeta!.class as EntityName<R>, 'referenced');
    if (!reader || !referenced) return;
    const table = `"${reader.table}"`;
    const [condition, params] = keyCondition(this.select, missing);
    const rows = await preparedQuery<Record<string, unknown>>(
      this.em,
      `select ${reader.columnList(table)}, ${referenced.columns} from ${table} ` +
        `left join ${referenced.table} on ${referenced.primaryKey} = ${table}."${prop.fieldNames[0]}" where ${condition}`,
      params,
    );
    referenced.prime(rows, along);
    this.settle(
      missing,
      rows.map((row) => reader.entity(row)),
    );
  }

  /** Gives each of `keys` what `entities`, read for them in one statement, hold for it, as a batch would have. */
  private settle(keys: readonly string[], entities: T[]): void {
    const values = this.group(keys, entities);
    keys.forEach((key, index) => this.prime(key, values[index]));
  }
}

/**
 * An entity's row joined into another statement (`left join ${table} on ${primaryKey} = …`, selecting `columns`), and
 * how to give the entities those rows hold to its loader by key: what a second statement would have brought.
 */
export interface JoinedEntity<T> {
  alias: string;
  table: string;
  primaryKey: string;
  columns: string;
  prime(rows: readonly Record<string, unknown>[], loader: SettledLoader<string, T | null>): void;
}

/**
 * `entity`'s row, as the request's column plan reads it, joined under `alias`; undefined when a filter applies to the
 * entity and MikroORM must read it. Its columns are named `alias.column` (no column of ours has a dot in its name).
 */
export function joinedEntity<T>(em: EntityManager, entity: EntityName<T>, alias: string): JoinedEntity<T> | undefined {
  const reader = directReader(em, entity);
  if (!reader) return undefined;
  const prefix = `${alias}.`;
  const key = prefix + reader.primaryKeyColumn;
  return {
    alias,
    table: `"${reader.table}" ${alias}`,
    primaryKey: `${alias}."${reader.primaryKeyColumn}"`,
    columns: reader.columnList(alias, prefix),
    prime(rows, loader) {
      for (const row of rows) {
        const uuid = row[key] as string | null;
        if (uuid != null && !loader.isSettled(uuid)) loader.prime(uuid, reader.entity(row, prefix));
      }
    },
  };
}

/**
 * `left join` of the one row of `joined.table` (written as `from` takes it, alias included) that `condition` finds by its
 * key, or nulls, named `joined.alias` (a JoinedEntity is one). A plain left join would do, but a prepared statement's generic plan, not knowing how few rows
 * it joins, hashed whole tables instead (a trace's documents and relations, 0.9 ms where the look-ups take 0.3; a new
 * task's agencies, all 5,000 at S=10); a lateral subquery with a limit is not flattened into a join, so each row is
 * looked up by its key.
 */
export function leftJoinByKey(joined: { table: string; alias: string }, condition: string): string {
  return `left join lateral (select * from ${joined.table} where ${condition} limit 1) ${joined.alias} on true`;
}

/** The column that holds `entity`'s `property` (a relation's: the key it points at). */
export function columnOf<T>(em: EntityManager, entity: EntityName<T>, property: keyof T & string): string {
  const meta = em.getMetadata().find<T>(entity)!;
  return (meta.properties as Record<string, EntityProperty<T>>)[property].fieldNames[0];
}

/** How an EntityLoader selects its rows for a batch of keys. */
interface EntitySelect<T> {
  /** The column holding the keys, qualified by the table's name. */
  keyColumn: string;
  /** The rows' order (SQL, columns qualified by the table's name), where they have one; asked when a batch runs. */
  order?(): string;
  /** A property read beside the request's column plan, to group the rows by. */
  alsoRead?: string;
  /** The same rows through MikroORM, when a filter applies to the entity. */
  throughOrm(keys: readonly string[]): Promise<T[]>;
}

/** The SQL that selects `select`'s rows for `keys`, in its order, and its parameters. */
function keyCondition(select: EntitySelect<unknown>, keys: readonly string[]): [string, unknown[]] {
  const { condition, param } = oneOfKeys(select.keyColumn, keys);
  return [select.order ? `${condition} order by ${select.order()}` : condition, [param]];
}

/** Rows by primary key; a missing row loads as null. */
export function loaderByUuid<T extends RecordEntity>(em: EntityManager, entity: EntityName<T>): EntityLoader<T, T | null> {
  const meta = em.getMetadata().find<T>(entity)!;
  const primaryKeyColumn = columnOf(em, entity, meta.primaryKeys[0] as keyof T & string);
  return new EntityLoader(
    em,
    entity,
    {
      keyColumn: `"${meta.tableName}"."${primaryKeyColumn}"`,
      throughOrm: (uuids) => em.find(entity, { uuid: { $in: [...uuids] } } as unknown as FilterQuery<T>),
    },
    (uuids, rows) => {
      const byUuid = new Map(rows.map((row) => [row.uuid, row]));
      return uuids.map((uuid) => byUuid.get(uuid) ?? null);
    },
  );
}

const relationOrders = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * The SQL of `orderBy` on `meta`'s table, the primary key last (rows that tie come back in the same order on every
 * request). Written once per relation and order: a request makes its modules' loaders anew, and writing the order was
 * nearly half of what making a loader by relation allocated (docs/performance.md, change 52).
 */
function relationOrderSql(meta: EntityMetadata, relation: string, orderBy: QueryOrderMap<unknown>): string {
  const orders = cacheOf(relationOrders, meta);
  const key = `${relation}\0${JSON.stringify(orderBy)}`;
  let order = orders.get(key);
  if (order === undefined) {
    order = orderSql(meta, [orderBy, { [meta.primaryKeys[0]]: 'asc' }], `"${meta.tableName}"`)?.sql;
    if (!order) throw new Error(`${meta.className}'s loader by ${relation} orders by what is not a column: ${JSON.stringify(orderBy)}`);
    orders.set(key, order);
  }
  return order;
}

/** Rows grouped by the UUID of the record they point at through `relation`, in `orderBy` order. */
export function loaderByRelation<T extends RecordEntity>(
  em: EntityManager,
  entity: EntityName<T>,
  relation: keyof T & string,
  orderBy: QueryOrderMap<T>,
): EntityLoader<T, T[]> {
  const meta = em.getMetadata().find<T>(entity)!;
  const relationColumn = columnOf(em, entity, relation);
  const table = `"${meta.tableName}"`;
  return new EntityLoader(
    em,
    entity,
    {
      keyColumn: `${table}."${relationColumn}"`,
      // Most of a module's loaders are never used by a request: the order is looked up when a batch runs.
      order: () => relationOrderSql(meta as EntityMetadata, relation, orderBy as QueryOrderMap<unknown>),
      // Rows are grouped by the relation, whatever the request reads of them.
      alsoRead: relation,
      throughOrm: (uuids) => em.find(entity, { [relation]: { $in: [...uuids] } } as FilterQuery<T>, { orderBy }),
    },
    (uuids, rows) => {
      const groups = new Map<string, T[]>(uuids.map((uuid) => [uuid, []]));
      for (const row of rows) {
        const target = row[relation] as unknown as { uuid: string } | null;
        if (target) groups.get(target.uuid)?.push(row);
      }
      return uuids.map((uuid) => groups.get(uuid) ?? []);
    },
  );
}

/** For filtering what `loadMany` answers: the values found, without the misses (null) and the failures (Error). */
export function present<T>(value: T | null | undefined | Error): value is T {
  return value != null && !(value instanceof Error);
}

/** UUID of the record a many-to-one property points at, without loading it. */
export function refUuid(reference: { uuid: string } | null | undefined): string | null {
  return reference ? reference.uuid : null;
}

/**
 * A PostgreSQL array literal for a `?::uuid[]` or `?::text[]` parameter (knex would spread a JS array into a list).
 * Only for values without commas, quotes or braces: UUIDs and enum names.
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

/**
 * `column` is one of `keys` (UUIDs), as SQL with one `?` and its parameter. One key is compared as a scalar: with a
 * one-element array PostgreSQL judges a custom plan cheaper than the generic one every time and plans a prepared
 * statement afresh on each execution (0.4–0.5 ms for each of a trace's recursive walks, more than they take to run);
 * with a scalar it keeps the generic plan after five runs. The two forms are two prepared texts.
 */
export function oneOfKeys(column: string, keys: readonly string[]): { condition: string; param: string } {
  return keys.length === 1
    ? { condition: `${column} = ?::uuid`, param: keys[0] }
    : { condition: `${column} = any(?::uuid[])`, param: pgArray(keys) };
}
