// What a REPORTER may see and do among reports: its own agency's drafts and everyone's filed reports; writes only for
// its own agency, on tasks assigned to it (directly or through a group it belongs to), before the report is filed.
import type { EntityManager } from '@mikro-orm/postgresql';

import { recordMissing } from '../../database/record-access';
import { ForbiddenError } from '../../errors';
import { uuidOf } from '../../graphql/global-id';
import { Agency } from '../agency/agency.entity';
import { Report, ReportAttachment } from '../report/report.entity';
import { ReportStatus } from '../report/report.enums';
import { Assignment, Task } from '../task/task.entity';
import { type Actor, Role } from './actor';

const FILTER = 'reporter_sees_own_drafts';

/**
 * Hides other agencies' draft reports from a REPORTER's entity manager, for every read of the request: report
 * connections, report(id), node(id), and any field that reaches reports through a relation.
 */
export function scopeEntityManager(em: EntityManager, actor: Actor | null): void {
  if (actor?.role !== Role.REPORTER) return;
  const visible = actor.agencyId
    ? { $or: [{ status: { $ne: ReportStatus.DRAFT } }, { agency: actor.agencyId }] }
    : { status: { $ne: ReportStatus.DRAFT } };
  em.addFilter(FILTER, visible, Report);
}

/** Refuses a REPORTER's write that leaves its scope; `args` are the mutation's GraphQL arguments. */
export type ReporterGuard = (args: Record<string, unknown>, em: EntityManager, actor: Actor) => Promise<void>;

interface ReportInput {
  id?: string;
  reportId?: string;
  taskId?: string | null;
  documentId?: string | null;
  agencyId?: string;
}

/** Statuses a reporter may not touch a report in: it is with the editors. */
const FILED = [ReportStatus.SUBMITTED, ReportStatus.ACCEPTED];

async function agencyName(em: EntityManager, actor: Actor): Promise<string> {
  const agency = actor.agencyId ? await em.findOne(Agency, { uuid: actor.agencyId }) : null;
  return agency?.name ?? 'its agency';
}

async function assertAssigned(em: EntityManager, taskUuid: string, actor: Actor): Promise<void> {
  const agency = actor.agencyId;
  const assigned = agency ? await em.count(Assignment, { task: taskUuid, $or: [{ agency }, { agency: { members: agency } }] }) : 0;
  if (assigned > 0) return;
  const task = await em.findOne(Task, { uuid: taskUuid });
  if (!task) throw recordMissing('Task', taskUuid);
  throw new ForbiddenError(
    `The task "${task.title}" is not assigned to ${await agencyName(em, actor)}: a reporter files reports only on its agency's tasks`,
  );
}

/** A report the reporter may change: its own agency's, on an assigned task, not yet filed. */
async function assertMayChange(em: EntityManager, reportId: string, actor: Actor): Promise<void> {
  // Through the scoped entity manager: another agency's draft is not there, and the resolver answers NOT_FOUND.
  const report = await em.findOne(Report, { uuid: uuidOf(reportId, 'Report', 'id') });
  if (!report) return;
  if (report.agency.uuid !== actor.agencyId) {
    throw new ForbiddenError(`This report was filed by another agency; a reporter changes only reports of ${await agencyName(em, actor)}`);
  }
  if (!report.task) throw new ForbiddenError('This report answers a whole document; only editors change those');
  await assertAssigned(em, report.task.uuid, actor);
  if (FILED.includes(report.status)) {
    throw new ForbiddenError(`This report is already ${report.status}; only editors change it now (they can return it to you)`);
  }
}

/** A mutation on the report `input.id`: the reporter's own agency's, on an assigned task, not yet filed. */
const changesOwnReport: ReporterGuard = async (args, em, actor) => {
  await assertMayChange(em, (args.input as ReportInput).id ?? '', actor);
};

/** Every mutation a REPORTER may call besides login and logout; one missing here is refused to reporters. */
export const REPORTER_GUARDS: Readonly<Record<string, ReporterGuard>> = {
  async createReport(args, em, actor) {
    const input = args.input as ReportInput;
    if (uuidOf(input.agencyId ?? '', 'Agency', 'agencyId') !== actor.agencyId) {
      throw new ForbiddenError(`A reporter files reports only for ${await agencyName(em, actor)}: give its ID as agencyId`);
    }
    if (!input.taskId) throw new ForbiddenError('A reporter files reports on tasks assigned to its agency: give taskId');
    await assertAssigned(em, uuidOf(input.taskId, 'Task', 'taskId'), actor);
  },

  updateReport: changesOwnReport,
  deleteReport: changesOwnReport,

  async submitReport(args, em, actor) {
    const input = args.input as ReportInput & { receivedOn?: string | null };
    if (input.receivedOn) throw new ForbiddenError('receivedOn records a paper report after the fact; only editors give it');
    await assertMayChange(em, input.id ?? '', actor);
  },

  // A RETURNED report is back with its agency: the reporter corrects it in a new revision.
  reviseReport: changesOwnReport,

  async addReportAttachment(args, em, actor) {
    await assertMayChange(em, (args.input as ReportInput).reportId ?? '', actor);
  },

  async removeReportAttachment(args, em, actor) {
    const attachment = await em.findOne(ReportAttachment, { uuid: uuidOf(String(args.id ?? ''), 'ReportAttachment', 'id') });
    if (attachment) await assertMayChange(em, attachment.report.id, actor);
  },
};
