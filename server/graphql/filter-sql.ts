// The lists' filters and orders as SQL, written straight from MikroORM's filter objects for the forms the services use.
//
// Every list asked MikroORM's query builder for its count and its page: for a search of agencies that was some 40 % of
// the request's Node CPU (criteria nodes, alias resolution, knex compilation, twice). The services keep writing their
// filters as MikroORM filters; `paginate` hands them to MikroORM only when they use a form not written here.
import {
  BooleanType,
  DateType,
  type EntityMetadata,
  type EntityProperty,
  EnumType,
  IntegerType,
  raw,
  ReferenceKind,
  SmallIntType,
  StringType,
  TextType,
  UuidType,
} from '@mikro-orm/core';

/** The key under which a list's filter, or an item of its order, holds an SqlExpression. */
export const SQL_EXPRESSION = '$sql';

/**
 * SQL on the row `alias` (`sql(alias)`), with the values of its `?` placeholders: in a list's filter as
 * `{ $sql: expression }` (the rows for which it is true; see sqlCondition), in its order as
 * `{ $sql: expression, direction }` (see sqlOrder). filterSql and orderSql write it as it is; only a query MikroORM
 * builds (paginate's fallback) needs it as a MikroORM raw fragment (toRaw), which costs a unique key, an entry in a
 * global registry and an async context for its lifetime on each request (docs/performance.md, change 47).
 */
export class SqlExpression {
  constructor(
    readonly sql: (alias: string) => string,
    readonly params: readonly unknown[] = [],
  ) {}

  /** The key of a MikroORM raw fragment for it; MikroORM forgets the fragment once a query has read it. */
  toRaw(): string {
    return String(raw(this.sql, [...this.params]));
  }
}

/** A filter of the rows for which `sql(alias)` is true. */
export function sqlCondition(sql: (alias: string) => string, params: readonly unknown[] = []): Record<string, unknown> {
  return { [SQL_EXPRESSION]: new SqlExpression(sql, params) };
}

/** An item of a list's order: by `sql(alias)` in `direction` ("asc", "desc nulls last" …). */
export function sqlOrder(sql: (alias: string) => string, direction: string): Record<string, unknown> {
  return { [SQL_EXPRESSION]: new SqlExpression(sql), direction };
}

export interface SqlFragment {
  sql: string;
  /** Values of the `?` placeholders, in order. */
  params: unknown[];
}

const COMPARISONS: Readonly<Record<string, string>> = { $eq: '=', $ne: '<>', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };
const DIRECTION = /^(asc|desc)( nulls (first|last))?$/i;

// Column types whose values a filter compares as written (MikroORM converts JSON, arrays and timestamps; those are left
// to it).
const AS_WRITTEN = [TextType, StringType, EnumType, DateType, BooleanType, IntegerType, SmallIntType, UuidType];

function isPlainValue(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** A column compared with `value`: a plain value, null, or an object of operators. */
function comparison(column: string, value: unknown): SqlFragment | undefined {
  if (value === null) return { sql: `${column} is null`, params: [] };
  if (isPlainValue(value)) return { sql: `${column} = ?`, params: [value] };
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return undefined;
  const parts: SqlFragment[] = [];
  for (const [operator, operand] of Object.entries(value)) {
    if (operator === '$in') {
      if (!Array.isArray(operand) || !operand.every(isPlainValue)) return undefined;
      parts.push(
        operand.length ? { sql: `${column} in (${operand.map(() => '?').join(', ')})`, params: operand } : { sql: 'false', params: [] },
      );
    } else if (COMPARISONS[operator] && isPlainValue(operand)) {
      parts.push({ sql: `${column} ${COMPARISONS[operator]} ?`, params: [operand] });
    } else {
      return undefined;
    }
  }
  return conjunction(parts);
}

function conjunction(parts: SqlFragment[]): SqlFragment {
  if (parts.length === 0) return { sql: 'true', params: [] };
  if (parts.length === 1) return parts[0];
  return { sql: parts.map((part) => `(${part.sql})`).join(' and '), params: parts.flatMap((part) => part.params) };
}

/**
 * `where` (a MikroORM filter on `meta`'s entity) as a condition on the row `alias`, or undefined when it uses a form
 * not written here (the caller then asks MikroORM, see forMikroOrm). MikroORM's raw fragments are among those forms.
 */
export function filterSql(meta: EntityMetadata, where: unknown, alias: string, depth = 0): SqlFragment | undefined {
  if (where === null || typeof where !== 'object' || Array.isArray(where)) return undefined;
  const parts: SqlFragment[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (key === '$and') {
      if (!Array.isArray(value)) return undefined;
      for (const item of value) {
        const part = filterSql(meta, item, alias, depth);
        if (!part) return undefined;
        parts.push(part);
      }
      continue;
    }
    if (key === SQL_EXPRESSION) {
      if (!(value instanceof SqlExpression)) return undefined;
      parts.push({ sql: `(${value.sql(alias)})`, params: [...value.params] });
      continue;
    }
    const prop = (meta.properties as Record<string, EntityProperty | undefined>)[key];
    if (!prop?.fieldNames?.length || prop.fieldNames.length > 1 || prop.persist === false || prop.formula) return undefined;
    const column = `${alias}."${prop.fieldNames[0]}"`;
    if (prop.kind === ReferenceKind.SCALAR) {
      if (prop.customType && !AS_WRITTEN.some((type) => prop.customType instanceof type)) return undefined;
      const part = comparison(column, value);
      if (!part) return undefined;
      parts.push(part);
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      if (value === null || typeof value === 'string') {
        parts.push(comparison(column, value)!);
        continue;
      }
      // A condition on the referenced row: a sub-select of its keys (the row must exist, as MikroORM's inner join asks).
      const target = prop.targetMeta!;
      const targetAlias = `${alias}_${depth + 1}`;
      const inner = filterSql(target, value, targetAlias, depth + 1);
      if (!inner) return undefined;
      const targetKey = target.properties[target.primaryKeys[0]].fieldNames[0];
      parts.push({
        sql: `${column} in (select ${targetAlias}."${targetKey}" from "${target.tableName}" ${targetAlias} where ${inner.sql})`,
        params: inner.params,
      });
    } else {
      return undefined;
    }
  }
  return conjunction(parts);
}

/** `orderBy` (MikroORM order maps of own columns or of a reference's key, and sqlOrder items) as SQL, or undefined. */
export function orderSql(meta: EntityMetadata, orderBy: readonly Record<string, unknown>[], alias: string): SqlFragment | undefined {
  const terms: SqlFragment[] = [];
  for (const item of orderBy) {
    const expression = item[SQL_EXPRESSION];
    if (expression) {
      const { direction } = item;
      if (!(expression instanceof SqlExpression) || typeof direction !== 'string' || !DIRECTION.test(direction)) return undefined;
      terms.push({ sql: `${expression.sql(alias)} ${direction}`, params: [...expression.params] });
      continue;
    }
    for (const [key, direction] of Object.entries(item)) {
      const prop = (meta.properties as Record<string, EntityProperty | undefined>)[key];
      if (!prop?.fieldNames?.length || prop.fieldNames.length > 1) return undefined;
      let order = direction;
      if (prop.kind !== ReferenceKind.SCALAR) {
        // A reference ordered by its key is ordered by the column that holds the key.
        const target = prop.targetMeta!;
        const entries = typeof direction === 'object' && direction !== null ? Object.entries(direction) : [];
        if (prop.kind !== ReferenceKind.MANY_TO_ONE || entries.length !== 1 || entries[0][0] !== target.primaryKeys[0]) return undefined;
        order = entries[0][1];
      }
      if (typeof order !== 'string' || !DIRECTION.test(order)) return undefined;
      terms.push({ sql: `${alias}."${prop.fieldNames[0]}" ${order}`, params: [] });
    }
  }
  return { sql: terms.map((term) => term.sql).join(', '), params: terms.flatMap((term) => term.params) };
}
