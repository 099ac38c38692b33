// Loader factories every module uses: one batched SELECT per relation per request, whatever the page size.
import type { EntityManager, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import type { RecordEntity } from '../database/record.entity';

/** Rows by primary key; a missing row loads as null. */
export function loaderByUuid<T extends RecordEntity>(em: EntityManager, entity: EntityName<T>): DataLoader<string, T | null> {
  return new DataLoader(async (uuids) => {
    const rows = await em.find(entity, { uuid: { $in: [...uuids] } } as unknown as FilterQuery<T>);
    const byUuid = new Map(rows.map((row) => [row.uuid, row]));
    return uuids.map((uuid) => byUuid.get(uuid) ?? null);
  });
}

/** Rows grouped by the UUID of the record they point at through `relation`, in `orderBy` order. */
export function loaderByRelation<T extends RecordEntity>(
  em: EntityManager,
  entity: EntityName<T>,
  relation: keyof T & string,
  orderBy: QueryOrderMap<T>,
): DataLoader<string, T[]> {
  return new DataLoader(async (uuids) => {
    const rows = await em.find(entity, { [relation]: { $in: [...uuids] } } as FilterQuery<T>, { orderBy });
    const groups = new Map<string, T[]>(uuids.map((uuid) => [uuid, []]));
    for (const row of rows) {
      const target = row[relation] as unknown as { uuid: string } | null;
      if (target) groups.get(target.uuid)?.push(row);
    }
    return uuids.map((uuid) => groups.get(uuid) ?? []);
  });
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
