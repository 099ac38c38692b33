// Writes that bypass the unit of work (em.nativeDelete), with their audit events written in the same transaction.
import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';

import { AuditEvent } from './audit-event.entity';
import { actorColumns, eventsOfNativeDelete } from './audit-trail';

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
