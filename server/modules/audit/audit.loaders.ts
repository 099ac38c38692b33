// The trail read per request in batches: one statement for the history of a whole page of records, one for the
// changes made after a moment to every record a point-in-time answer needs.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import { pgArray } from '../../graphql/dataloader';
import { AuditEvent } from './audit-event.entity';

export interface HistoryKey {
  entityType: string;
  uuid: string;
  /** The newest `first` events. */
  first: number;
}

export interface SinceKey {
  entityType: string;
  uuid: string;
  /** Events strictly after this moment. */
  at: Date;
}

export interface DocumentSinceKey {
  documentUuid: string;
  at: Date;
}

function groupBy<K, G>(keys: readonly K[], groupOf: (key: K) => G, name: (group: G) => string): Map<string, { group: G; keys: K[] }> {
  const groups = new Map<string, { group: G; keys: K[] }>();
  for (const key of keys) {
    const group = groupOf(key);
    const entry = groups.get(name(group)) ?? { group, keys: [] };
    entry.keys.push(key);
    groups.set(name(group), entry);
  }
  return groups;
}

/**
 * Events from raw rows, kept out of the identity map: a managed copy would be compared at every later flush of the
 * request, and PostgreSQL refuses any UPDATE of the trail.
 */
export function eventOf(em: EntityManager, row: Record<string, unknown>): AuditEvent {
  return Object.assign(new AuditEvent(), em.getDriver().mapResult(row, em.getMetadata().get(AuditEvent.name)));
}

function toEvents(em: EntityManager, rows: Record<string, unknown>[]): AuditEvent[] {
  return rows.map(({ ranked: _ranked, ...row }) => eventOf(em, row));
}

function byRecord(events: AuditEvent[]): Map<string, AuditEvent[]> {
  const records = new Map<string, AuditEvent[]>();
  for (const event of events) {
    const key = `${event.entityType}:${event.entityId}`;
    records.set(key, [...(records.get(key) ?? []), event]);
  }
  return records;
}

export function createAuditLoaders(em: EntityManager) {
  return {
    /** A record's newest events, newest first. */
    history: new DataLoader<HistoryKey, AuditEvent[], string>(
      async (keys) => {
        const limit = Math.max(...keys.map((key) => key.first));
        const rows: Record<string, unknown>[] = await em.getConnection().execute(
          `select * from (
             select e.*, row_number() over (partition by e.entity_type, e.entity_id order by e.id desc) as ranked
               from audit_event e
              where e.entity_id = any(?::uuid[]) and e.entity_type = any(?::text[])
           ) newest
           where ranked <= ? order by id desc`,
          [pgArray([...new Set(keys.map((key) => key.uuid))]), pgArray([...new Set(keys.map((key) => key.entityType))]), limit],
        );
        const records = byRecord(toEvents(em, rows));
        return keys.map((key) => (records.get(`${key.entityType}:${key.uuid}`) ?? []).slice(0, key.first));
      },
      { cacheKeyFn: (key) => `${key.entityType}:${key.uuid}:${key.first}` },
    ),

    /** What happened to a record after a moment, newest first: the changes to undo to see it as it stood then. */
    since: new DataLoader<SinceKey, AuditEvent[], string>(
      async (keys) => {
        const groups = groupBy(
          keys,
          (key) => ({ entityType: key.entityType, at: key.at }),
          (group) => `${group.entityType}@${group.at.toISOString()}`,
        );
        const found = await Promise.all(
          [...groups.values()].map(({ group, keys: members }) =>
            em.find(
              AuditEvent,
              { entityType: group.entityType, entityId: { $in: members.map((key) => key.uuid) }, at: { $gt: group.at } },
              { orderBy: { id: 'desc' }, disableIdentityMap: true },
            ),
          ),
        );
        const records = byRecord(found.flat());
        return keys.map((key) => records.get(`${key.entityType}:${key.uuid}`) ?? []);
      },
      { cacheKeyFn: (key) => `${key.entityType}:${key.uuid}@${key.at.toISOString()}` },
    ),

    /**
     * What happened after a moment to the clauses of a document, those deleted since included (found by their DELETE
     * event, which keeps the document they were in), newest first.
     */
    clausesSince: new DataLoader<DocumentSinceKey, AuditEvent[], string>(
      async (keys) => {
        const groups = groupBy(
          keys,
          (key) => key.at,
          (at) => at.toISOString(),
        );
        const found = await Promise.all(
          [...groups.values()].map(async ({ group: at, keys: members }) => {
            const documents = pgArray([...new Set(members.map((key) => key.documentUuid))]);
            const rows: (Record<string, unknown> & { of_document: string })[] = await em.getConnection().execute(
              `with deleted as (
                 select entity_id as id, (changes -> 'document' ->> 'before')::uuid as document_id from audit_event
                  where entity_type = 'Clause' and action = 'DELETE' and at > ? and changes -> 'document' ->> 'before' = any(?::text[])
               ), clauses as (
                 select id, document_id from clause where document_id = any(?::uuid[])
                 union
                 select id, document_id from deleted
               )
               select e.*, clauses.document_id as of_document
                 from audit_event e join clauses on clauses.id = e.entity_id
                where e.entity_type = 'Clause' and e.at > ?
                order by e.id desc`,
              [at, documents, documents, at],
            );
            return rows.map(({ of_document, ...row }) => ({ at, documentUuid: of_document, event: eventOf(em, row) }));
          }),
        );
        return keys.map((key) =>
          found
            .flat()
            .filter((row) => row.documentUuid === key.documentUuid && row.at.getTime() === key.at.getTime())
            .map((row) => row.event),
        );
      },
      { cacheKeyFn: (key) => `${key.documentUuid}@${key.at.toISOString()}` },
    ),
  };
}

export type AuditLoaders = ReturnType<typeof createAuditLoaders>;
