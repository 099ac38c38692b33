// Relay connections: one argument type, one result shape and one paginate() for every list in the API.
import { type EntityMetadata, type EntityProperty, RawQueryFragment, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { Max, Min } from 'class-validator';
import { ArgsType, type ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

import { preparedQuery } from '../database/prepared-query';
import type { RecordEntity } from '../database/record.entity';
import { BadInputError } from '../errors';
import { directReader } from './dataloader';
import { filterSql, orderSql, SQL_EXPRESSION, SqlExpression, type SqlFragment, sqlOrder } from './filter-sql';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `At most ${MAX_PAGE_SIZE}` })
  @Min(0)
  @Max(MAX_PAGE_SIZE, { message: `first can be at most ${MAX_PAGE_SIZE}; page through with after` })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => Int, { nullable: true, description: `At most ${MAX_PAGE_SIZE}` })
  @Min(0)
  @Max(MAX_PAGE_SIZE, { message: `last can be at most ${MAX_PAGE_SIZE}; page through with before` })
  last?: number;

  @Field(() => String, { nullable: true })
  before?: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionResult<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The GraphQL types `<Name>Connection` and `<Name>Edge` for one node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: 'The nodes of edges, for clients that need no cursors' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Rows matching the filter, all pages together' })
    totalCount!: number;
  }
  return Connection;
}

// Cursors are offsets into the filtered, ordered list: opaque to clients, stable for a given filter and order.
function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, argument: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new BadInputError(`${argument} is not a cursor this API gave out`, { argument });
  return Number(match[1]);
}

/** Offset and limit of the page that first/after/last/before ask for, given the total row count. */
export function pageWindow(args: ConnectionArgs, totalCount: number): { offset: number; limit: number } {
  if (args.first != null && args.last != null) throw new BadInputError('Give first or last, not both');
  const start = args.after ? decodeCursor(args.after, 'after') + 1 : 0;
  const end = Math.min(args.before ? decodeCursor(args.before, 'before') : totalCount, totalCount);
  if (args.last != null) {
    const offset = Math.max(start, end - args.last);
    return { offset, limit: Math.max(0, end - offset) };
  }
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  return { offset: start, limit: Math.max(0, Math.min(first, end - start)) };
}

export function toConnection<T>(rows: T[], offset: number, totalCount: number): ConnectionResult<T> {
  const edges = rows.map((node, index) => ({ cursor: encodeCursor(offset + index), node }));
  return {
    edges,
    nodes: rows,
    totalCount,
    pageInfo: {
      hasPreviousPage: offset > 0,
      hasNextPage: offset + rows.length < totalCount,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export interface PageOptions {
  /**
   * Send the list's statements prepared, so that PostgreSQL plans them once for all values (server/database/
   * prepared-query.ts). Only for lists whose one good plan does not depend on the values of their filter.
   */
  prepared?: boolean;
  /**
   * Read the rows the filter matches once for both the count and the page, not once for each: a common table that holds
   * every match while the page is sorted out of it. Only for small tables.
   */
  readMatchesOnce?: boolean;
  /**
   * What the page's statement also brings for its nodes' fields, so that their loaders need not ask (a task's deadline
   * status, its clause and the clause's document). Only a prepared page takes them: unprepared, the statement would be
   * planned with them on every request, which costs more than the statements they save (docs/performance.md, change 40).
   * Only the page of first/after, counted in the same statement, brings them; other pages leave the loaders to ask.
   */
  companions?: PageCompanion[];
}

/** What a page's statement brings beside its rows, and which loaders it fills. */
export interface PageCompanion {
  /**
   * Expressions of the page's row (alias `t`) selected beside its columns. PostgreSQL evaluates costly ones after sorting
   * and limiting, for the page's rows only.
   */
  columns?: { sql: string; params: unknown[] };
  /** Left joins on the page's rows (alias `page`), without parameters, and the columns they select. */
  joins?: { sql: string; columns: string };
  /** Gives the loaders what the page's rows (their raw columns) brought. */
  prime(rows: readonly Record<string, unknown>[]): void;
}

/** One page of `entity` rows matching `where`, in `orderBy` order with the primary key as the tie-breaker. */
export async function paginate<T extends RecordEntity>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>[],
  args: ConnectionArgs,
  options: PageOptions = {},
): Promise<ConnectionResult<T>> {
  const order = [...orderBy, { uuid: 'asc' } as QueryOrderMap<T>];
  const rows = pageSource(em, entity, where, order, options);
  const read = async () => {
    if (rows.countAndPage && args.last == null && args.before == null) {
      // first/after: the page's window does not depend on the count, so both come in one statement.
      const { offset, limit } = pageWindow(args, Number.MAX_SAFE_INTEGER);
      const { totalCount, page } = await rows.countAndPage(offset, limit);
      return toConnection(page, offset, totalCount);
    }
    const totalCount = await rows.count();
    const { offset, limit } = pageWindow(args, totalCount);
    if (limit === 0) return toConnection([], offset, totalCount);
    return toConnection(await rows.page(offset, limit), offset, totalCount);
  };
  // MikroORM forgets a raw SQL fragment once a query has used it; run() keeps the fragments its queries are given alive
  // for both the count and the find, as MikroORM's own findAndCount does.
  return rows.byMikroOrm ? RawQueryFragment.run(read) : read();
}

interface PageSource<T> {
  count(): Promise<number>;
  page(offset: number, limit: number): Promise<T[]>;
  /** The count and the page in one round trip, where the source can. */
  countAndPage?(offset: number, limit: number): Promise<{ totalCount: number; page: T[] }>;
  /** Whether MikroORM builds the queries. */
  byMikroOrm?: boolean;
}

/**
 * Where a list's count and page come from. A page is read, never changed: its rows become entities without the unit of
 * work (see directReader), from SQL written here (see filter-sql.ts) when the filter and the order allow, else from
 * MikroORM's query builder; entities a filter applies to, and filters that follow a to-many relation, from em.find.
 */
function pageSource<T extends RecordEntity>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  order: QueryOrderMap<T>[],
  options: PageOptions,
): PageSource<T> {
  const reader = directReader(em, entity);
  const meta = em.getMetadata().find(entity)! as EntityMetadata;
  const condition = reader && filterSql(meta, where, 't');
  const ordering = condition && orderSql(meta, order as Record<string, unknown>[], 't');
  if (reader && condition && ordering) {
    const from = `from "${reader.table}" t where ${condition.sql}`;
    const pageSql = `select ${reader.columnList('t')} ${from} order by ${ordering.sql} limit ? offset ?`;
    const query = <R>(sql: string, params: unknown[]) =>
      options.prepared ? preparedQuery<R>(em, sql, params) : em.getConnection().execute<R[]>(sql, params);
    return {
      count: async () => {
        const [{ count }] = await query<{ count: number }>(`select count(*)::int as count ${from}`, condition.params);
        return count;
      },
      page: async (offset, limit) => {
        const found = await query<Record<string, unknown>>(pageSql, [...condition.params, ...ordering.params, limit, offset]);
        return found.map((row) => reader.entity(row));
      },
      countAndPage: async (offset, limit) => {
        // Read once, the matches are held in a common table for both the count and the page; otherwise the two are
        // subqueries, each planned as it would be alone (a count(*) over () would make PostgreSQL read every matching
        // row whole).
        const companions = options.prepared && !options.readMatchesOnce ? (options.companions ?? []) : [];
        const [sql, params] = options.readMatchesOnce
          ? [
              `with matches as materialized (select t.* ${from})
               select (select count(*)::int from matches) as "$total", page.* from (select 1) one left join (
                 select ${reader.columnList('t')} from matches t order by ${ordering.sql} limit ? offset ?) page on true`,
              [...condition.params, ...ordering.params, limit, offset],
            ]
          : countAndPageStatement({ from, columns: reader.columnList('t'), ordering, condition, limit, offset }, companions);
        const found = await query<Record<string, unknown>>(sql, params);
        const rows = found[0][reader.primaryKeyColumn] == null ? [] : found;
        for (const companion of companions) companion.prime(rows);
        return { totalCount: found[0].$total as number, page: rows.map((row) => reader.entity(row)) };
      },
    };
  }
  // Made when first read, within paginate's RawQueryFragment.run.
  let bare: FilterQuery<T> | undefined;
  const filter = () => (bare ??= forMikroOrm(where) as FilterQuery<T>);
  return {
    byMikroOrm: true,
    count: () => em.count(entity, filter()),
    page: async (offset, limit) => {
      const orderBy = orderForMikroOrm(order) as QueryOrderMap<T>[];
      if (!reader || reachesCollections(meta, filter())) return em.find(entity, filter(), { orderBy, offset, limit });
      const found: Record<string, unknown>[] = await em
        .createQueryBuilder(entity)
        .select(reader.properties as never[])
        .where(filter())
        .orderBy(orderBy)
        .offset(offset)
        .limit(limit)
        .execute('all', false);
      return found.map((row) => reader.entity(row));
    },
  };
}

/**
 * The count and the page of `from` in one statement, with what the companions bring. The join keeps one row, all nulls
 * but the count, when the page is empty.
 */
function countAndPageStatement(
  page: { from: string; columns: string; ordering: SqlFragment; condition: SqlFragment; limit: number; offset: number },
  companions: PageCompanion[],
): [string, unknown[]] {
  const computed = companions.flatMap((companion) => (companion.columns ? [companion.columns] : []));
  const joins = companions.flatMap((companion) => (companion.joins ? [companion.joins] : []));
  const columns = [page.columns, ...computed.map((column) => column.sql)].join(', ');
  const rows = `select ${columns} ${page.from} order by ${page.ordering.sql} limit ? offset ?`;
  const selected = ['(select count(*)::int ' + page.from + ') as "$total"', 'page.*', ...joins.map((join) => join.columns)].join(', ');
  return [
    `select ${selected} from (select 1) one left join (${rows}) page on true${joins.map((join) => ' ' + join.sql).join('')}`,
    [
      ...page.condition.params,
      ...computed.flatMap((column) => column.params),
      ...page.condition.params,
      ...page.ordering.params,
      page.limit,
      page.offset,
    ],
  ];
}

/**
 * Whether a filter follows a to-many relation (a join that can repeat rows; em.find pages those correctly). Raw
 * fragments and operators stay on the row; to-one relations are followed into their target's properties.
 */
function reachesCollections(meta: EntityMetadata, where: unknown): boolean {
  if (Array.isArray(where)) return where.some((item) => reachesCollections(meta, item));
  if (where === null || typeof where !== 'object' || where instanceof Date) return false;
  return Object.entries(where).some(([key, value]) => {
    if (key.startsWith('$')) return reachesCollections(meta, value);
    const prop = (meta.properties as Record<string, EntityProperty | undefined>)[key];
    if (!prop) return false;
    if (prop.kind === ReferenceKind.ONE_TO_MANY || prop.kind === ReferenceKind.MANY_TO_MANY) return true;
    if (prop.kind === ReferenceKind.SCALAR || value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    return reachesCollections(prop.targetMeta!, value);
  });
}

/**
 * A list's filter as MikroORM takes it: its SqlExpressions become raw fragments, called within RawQueryFragment.run.
 *
 * They are written bare, as `{ [raw('exists (…)')]: [] }`: `{ [raw('exists (…)')]: true }` would reach SQL as
 * `exists (…) = true`, which PostgreSQL does not turn into a semi-join: it scans the whole table and probes the
 * subquery for each row (a task list by agency, when written so, read all 50,000 tasks at S=1, 500,000 at S=10). The
 * same condition without `= true` is planned from the subquery's index. `x = true` and `x` select the same rows, nulls
 * included. Raw fragments a filter holds itself are written bare too.
 */
export function forMikroOrm(where: unknown): unknown {
  if (Array.isArray(where)) return where.map(forMikroOrm);
  if (where === null || typeof where !== 'object' || where instanceof Date || where instanceof RawQueryFragment) return where;
  const bare: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(where)) {
    if (key === SQL_EXPRESSION && value instanceof SqlExpression) bare[value.toRaw()] = [];
    else bare[key] = value === true && RawQueryFragment.isKnownFragment(key) ? [] : key.startsWith('$') ? forMikroOrm(value) : value;
  }
  return bare;
}

/** A list's order as MikroORM takes it (see forMikroOrm). */
export function orderForMikroOrm(order: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return order.map((item) => {
    const expression = item[SQL_EXPRESSION];
    return expression instanceof SqlExpression ? { [expression.toRaw()]: item.direction } : item;
  });
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection' });

/** A column to order by: a property path, or a text column that sorts the way Vietnamese readers expect. */
export type OrderColumn = string | { vietnameseText: { property: string; column: string } };

/**
 * MikroORM order maps for a list of `{ field, direction }` inputs; `columns` maps each GraphQL field to a column.
 * Vietnamese text sorts by search_text() first (accents and case folded, so "Đài" sits with the d's and "Ủy" with
 * the u's, which byte order would put last), then by the text itself.
 */
export function orderByOf<F extends string>(
  orders: { field: F; direction: OrderDirection }[] | undefined,
  columns: Record<F, OrderColumn>,
  defaults: { field: F; direction: OrderDirection }[],
): Record<string, unknown>[] {
  return (orders?.length ? orders : defaults).flatMap(({ field, direction }) => {
    const order = direction === OrderDirection.ASC ? 'asc nulls last' : 'desc nulls last';
    const column = columns[field];
    if (typeof column !== 'string') {
      const { property, column: sqlColumn } = column.vietnameseText;
      return [sqlOrder((alias) => `search_text(${alias}.${sqlColumn})`, order), { [property]: order }];
    }
    const path = column.split('.');
    return [path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), order) as Record<string, unknown>];
  });
}
