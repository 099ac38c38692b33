// Loading a record a mutation is about to change: NOT_FOUND when it is gone, CONFLICT when the caller's copy is stale.
import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';

import { ConflictError, NotFoundError } from '../errors';
import type { RecordEntity } from './record.entity';

/** NOT_FOUND for the record `what` (a task's "Source clause") with this UUID. */
export function recordMissing(what: string, uuid: string): NotFoundError {
  return new NotFoundError(`${what} ${uuid} does not exist (it may have been deleted)`);
}

export async function findOrFail<T extends RecordEntity>(em: EntityManager, entity: EntityName<T>, uuid: string, what: string): Promise<T> {
  const row = await em.findOne(entity, { uuid } as FilterQuery<T>);
  if (!row) throw recordMissing(what, uuid);
  return row;
}

/**
 * A reference to a record the mutation points at without reading it (a task's source clause): its existence checked
 * by key, not its whole row loaded (a clause's text can run to pages).
 */
export async function referenceOrFail<T extends RecordEntity>(
  em: EntityManager,
  entity: EntityName<T>,
  uuid: string,
  what: string,
): Promise<T> {
  if (!(await em.count(entity, { uuid } as FilterQuery<T>))) throw recordMissing(what, uuid);
  return em.getReference(entity, uuid as never);
}

/** The record at the version the caller read; the versioned UPDATE that follows catches a race between two callers. */
export async function findForChange<T extends RecordEntity>(
  em: EntityManager,
  entity: EntityName<T>,
  uuid: string,
  version: number,
  what: string,
): Promise<T> {
  const row = await findOrFail(em, entity, uuid, what);
  if (row.version !== version) {
    throw new ConflictError(
      `${what} was changed by someone else (you sent version ${version}, it is now at version ${row.version}); reload it and apply your change again`,
      { currentVersion: row.version },
    );
  }
  return row;
}
