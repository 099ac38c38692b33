// Reading the audit trail: filtered pages of events, newest first.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';

import { type ConnectionArgs, type ConnectionResult, pageWindow, toConnection } from '../../graphql/connection';
import type { AuditAction } from './audit.enums';
import { AuditEvent } from './audit-event.entity';

export interface AuditEventQuery {
  entityType?: string;
  entityUuid?: string;
  actorName?: string;
  action?: AuditAction[];
  from?: Date;
  to?: Date;
  transactionId?: string;
}

export class AuditService {
  constructor(private readonly em: EntityManager) {}

  async list(query: AuditEventQuery, page: ConnectionArgs): Promise<ConnectionResult<AuditEvent>> {
    const where: FilterQuery<AuditEvent>[] = [];
    if (query.entityType) where.push({ entityType: query.entityType });
    if (query.entityUuid) where.push({ entityId: query.entityUuid });
    if (query.actorName) where.push({ actorName: query.actorName });
    if (query.action?.length) where.push({ action: { $in: query.action } });
    if (query.from) where.push({ at: { $gte: query.from } });
    if (query.to) where.push({ at: { $lte: query.to } });
    if (query.transactionId) where.push({ transactionId: query.transactionId });
    const filter: FilterQuery<AuditEvent> = where.length ? { $and: where } : {};
    const totalCount = await this.em.count(AuditEvent, filter);
    const { offset, limit } = pageWindow(page, totalCount);
    // Newest first; ids follow the order events were written, so they also order events of the same instant. Kept out
    // of the identity map, so that no later flush of the request ever compares them (the trail refuses UPDATEs).
    const rows =
      limit === 0 ? [] : await this.em.find(AuditEvent, filter, { orderBy: { id: 'desc' }, offset, limit, disableIdentityMap: true });
    return toConnection(rows, offset, totalCount);
  }
}
