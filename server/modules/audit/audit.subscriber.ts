// Writes the audit events of every flush in the flush itself: same transaction, so a change never outlives its event.
import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';

import { AuditEvent } from './audit-event.entity';
import { actorColumns, auditEventOf, eventsOfFlush } from './audit-trail';

export class AuditSubscriber implements EventSubscriber {
  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    if (!uow.getChangeSets().length && !uow.getCollectionUpdates().length) return;
    const events = await eventsOfFlush(em, uow);
    const actor = actorColumns();
    // computeChangeSet adds the rows to this flush's inserts (MikroORM's documented way to write from onFlush).
    for (const event of events) uow.computeChangeSet(auditEventOf(event, actor));
  }

  afterFlush({ uow }: FlushEventArgs): void {
    // Written once and never read back through this entity manager: keep later flushes from comparing them again.
    for (const changeSet of uow.getChangeSets()) {
      if (changeSet.entity instanceof AuditEvent) uow.unsetIdentity(changeSet.entity);
    }
  }
}
