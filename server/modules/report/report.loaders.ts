import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import { loaderByRelation, loaderByUuid, pgArray } from '../../graphql/dataloader';
import { Report, ReportAttachment, ReportTransition } from './report.entity';
import type { ExpectedReportStatus } from './report.enums';

export interface ReportDelivery {
  dueOn: string | null;
  deliveryStatus: ExpectedReportStatus | null;
}

/** Rows of an entity without a version (transitions, attachments), grouped by their report, in `orderBy` order. */
function byReport<T extends ReportTransition | ReportAttachment>(em: EntityManager, entity: new () => T, orderBy: Record<string, 'asc'>) {
  return new DataLoader<string, T[]>(async (uuids) => {
    const rows = (await em.find(entity, { report: { $in: [...uuids] } } as never, { orderBy: orderBy as never })) as T[];
    const groups = new Map<string, T[]>(uuids.map((uuid) => [uuid, []]));
    for (const row of rows) groups.get(row.report.uuid)?.push(row);
    return uuids.map((uuid) => groups.get(uuid)!);
  });
}

export function createReportLoaders(em: EntityManager, timeZone: string) {
  return {
    byUuid: loaderByUuid(em, Report),
    ofTask: loaderByRelation(em, Report, 'task', { periodStart: 'desc' }),
    transitions: byReport(em, ReportTransition, { at: 'asc' }),
    attachments: byReport(em, ReportAttachment, { createdAt: 'asc' }),
    delivery: new DataLoader<string, ReportDelivery>(async (uuids) => {
      const rows: { id: string; due_on: string | null; delivery_status: ExpectedReportStatus | null }[] = await em.execute(
        `select r.id, report_due_on(r.task_id, r.period_end, ?)::text as due_on, report_delivery_status(r, ?) as delivery_status
         from report r where r.id = any(?::uuid[])`,
        [timeZone, timeZone, pgArray([...uuids])],
      );
      const byUuid = new Map(rows.map((row) => [row.id, { dueOn: row.due_on, deliveryStatus: row.delivery_status }]));
      return uuids.map((uuid) => byUuid.get(uuid) ?? { dueOn: null, deliveryStatus: null });
    }),
  };
}
