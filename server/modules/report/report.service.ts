// The rules for reports: they answer a task or a document, for a period, from an agency, and move through a workflow
// (DRAFT → SUBMITTED → ACCEPTED, or → RETURNED → a new revision) in which nothing submitted is ever edited in place.
import { createHash } from 'node:crypto';

import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';

import { findForChange, findOrFail } from '../../database/record-access';
import { BadInputError, ConflictError } from '../../errors';
import { type ConnectionArgs, paginate } from '../../graphql/connection';
import { sqlCondition } from '../../graphql/filter-sql';
import { currentActor } from '../account/actor';
import { Agency } from '../agency/agency.entity';
import { Document } from '../document/document.entity';
import { Task } from '../task/task.entity';
import { Report, ReportAttachment, type ReportTargetValue, ReportTransition } from './report.entity';
import { ReportStatus } from './report.enums';
import type {
  AddReportAttachmentInput,
  CreateReportInput,
  ReportFilter,
  ReportTargetValueInput,
  ReturnReportInput,
  UpdateReportInput,
} from './report.inputs';

/** Where each workflow step may start from; anything else answers BAD_USER_INPUT naming the way forward. */
const STEPS = {
  submit: { from: [ReportStatus.DRAFT], to: ReportStatus.SUBMITTED },
  accept: { from: [ReportStatus.SUBMITTED], to: ReportStatus.ACCEPTED },
  return: { from: [ReportStatus.SUBMITTED], to: ReportStatus.RETURNED },
} as const;

type Step = keyof typeof STEPS;

const NEXT_STEP_HINT: Record<ReportStatus, string> = {
  [ReportStatus.DRAFT]: 'a draft is edited, then submitted (submitReport)',
  [ReportStatus.SUBMITTED]: 'a submitted report is accepted (acceptReport) or returned with a comment (returnReport)',
  [ReportStatus.ACCEPTED]: 'an accepted report is final',
  [ReportStatus.RETURNED]: 'a returned report is corrected in a new revision (reviseReport), which is then submitted',
};

/** SQL: the agency has a later revision of the report row `alias` for the same task (or document) and period. */
export function laterRevisionExists(alias: string): string {
  return `exists (select 1 from report later
    where coalesce(later.task_id, later.document_id) = coalesce(${alias}.task_id, ${alias}.document_id)
      and later.agency_id = ${alias}.agency_id and later.period_start = ${alias}.period_start
      and later.period_end = ${alias}.period_end and later.revision > ${alias}.revision)`;
}

export interface ReportCalendar {
  timeZone: string;
}

export class ReportService {
  constructor(private readonly em: EntityManager) {}

  list(filter: ReportFilter | undefined, page: ConnectionArgs, calendar: ReportCalendar) {
    const where: Record<string, unknown>[] = [];
    if (filter?.taskId) where.push({ task: filter.taskId });
    if (filter?.documentId) where.push({ document: filter.documentId });
    if (filter?.agencyId) where.push({ agency: filter.agencyId });
    if (filter?.status?.length) where.push({ status: { $in: filter.status } });
    if (filter?.kind?.length) where.push({ kind: { $in: filter.kind } });
    if (filter?.periodFrom) where.push({ periodEnd: { $gte: filter.periodFrom } });
    if (filter?.periodTo) where.push({ periodStart: { $lte: filter.periodTo } });
    if (filter?.latestRevision != null) {
      where.push(sqlCondition((r) => (filter.latestRevision ? `not ${laterRevisionExists(r)}` : laterRevisionExists(r))));
    }
    if (filter?.deliveryStatus?.length) {
      where.push(
        sqlCondition(
          (r) => `report_delivery_status(${r}, ?) in (${filter.deliveryStatus!.map(() => '?').join(', ')})`,
          [calendar.timeZone, ...filter.deliveryStatus],
        ),
      );
    }
    return paginate(this.em, Report, { $and: where } as FilterQuery<Report>, [{ periodStart: 'desc' }, { revision: 'desc' }], page);
  }

  async create(input: CreateReportInput): Promise<Report> {
    return this.em.transactional(async (em) => {
      if (!input.taskId && !input.documentId) throw new BadInputError('A report answers a task or a document: give taskId or documentId');
      if (input.taskId && input.documentId) {
        throw new BadInputError('A report answers a task or a whole document, not both: give taskId or documentId', {
          argument: 'documentId',
        });
      }
      assertPeriod(input.periodStart, input.periodEnd);
      const task = input.taskId ? await findOrFail(em, Task, input.taskId, 'Task') : null;
      const document = input.documentId ? await findOrFail(em, Document, input.documentId, 'Document') : null;
      const agency = await findOrFail(em, Agency, input.agencyId, 'Agency');
      const latest = await this.latestRevision(em, { task, document, agency, periodStart: input.periodStart, periodEnd: input.periodEnd });
      if (latest) {
        throw new ConflictError(
          `${agency.name} already has a report for ${input.periodStart} – ${input.periodEnd} here (revision ${latest.revision}, ${latest.status}): ` +
            NEXT_STEP_HINT[latest.status],
          { reportId: latest.id },
        );
      }
      const report = em.create(Report, {
        task,
        document,
        agency,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        kind: input.kind,
        status: ReportStatus.DRAFT,
        text: input.text ?? '',
        progress: input.progress ?? null,
        targetValues: targetValuesOf(task, input.targetValues),
        revision: 1,
      });
      recordTransition(em, report, null, ReportStatus.DRAFT);
      return report;
    });
  }

  async update(input: UpdateReportInput): Promise<Report> {
    return this.em.transactional(async (em) => {
      const report = await findForChange(em, Report, input.id, input.version, 'Report');
      assertDraft(report, 'edited');
      if (input.periodStart) report.periodStart = input.periodStart;
      if (input.periodEnd) report.periodEnd = input.periodEnd;
      assertPeriod(report.periodStart, report.periodEnd);
      if (input.kind) report.kind = input.kind;
      if (input.text != null) report.text = input.text;
      if (input.progress !== undefined) report.progress = input.progress;
      if (input.targetValues) report.targetValues = targetValuesOf(await taskOf(em, report), input.targetValues);
      return report;
    });
  }

  async delete(uuid: string, version: number): Promise<void> {
    await this.em.transactional(async (em) => {
      const report = await findForChange(em, Report, uuid, version, 'Report');
      assertDraft(report, 'deleted');
      em.remove(report);
    });
  }

  /** `receivedOn`: the day a paper report arrived, when an editor records it after the fact; `today` bounds it. */
  submit(uuid: string, version: number, received?: { on: string; today: string }): Promise<Report> {
    if (received && received.on > received.today) {
      throw new BadInputError(`receivedOn (${received.on}) is in the future; today is ${received.today}`, { argument: 'receivedOn' });
    }
    return this.step('submit', uuid, version, received ? `Received on paper on ${received.on}` : null, received?.on);
  }

  accept(uuid: string, version: number): Promise<Report> {
    return this.step('accept', uuid, version, null);
  }

  returnToAgency(input: ReturnReportInput): Promise<Report> {
    return this.step('return', input.id, input.version, input.comment.trim());
  }

  /** A new DRAFT revision of a RETURNED report, carrying its content and files over; the returned one stays as it was. */
  async revise(uuid: string, version: number): Promise<Report> {
    return this.em.transactional(async (em) => {
      const returned = await findForChange(em, Report, uuid, version, 'Report');
      if (returned.status !== ReportStatus.RETURNED) {
        throw new BadInputError(`Only a RETURNED report is revised; this one is ${returned.status}: ${NEXT_STEP_HINT[returned.status]}`);
      }
      const latest = await this.latestRevision(em, returned);
      if (latest && latest.uuid !== returned.uuid) {
        throw new ConflictError(`Revision ${latest.revision} of this report already exists (${latest.status}); work on it instead`, {
          reportId: latest.id,
        });
      }
      const revision = em.create(Report, {
        task: returned.task,
        document: returned.document,
        agency: returned.agency,
        periodStart: returned.periodStart,
        periodEnd: returned.periodEnd,
        kind: returned.kind,
        status: ReportStatus.DRAFT,
        text: returned.text,
        progress: returned.progress,
        targetValues: returned.targetValues,
        revision: returned.revision + 1,
        previousRevision: returned,
      });
      recordTransition(em, revision, null, ReportStatus.DRAFT, `Revision ${returned.revision + 1} of a returned report`);
      const files = await em.find(ReportAttachment, { report: returned }, { populate: ['content'] });
      for (const file of files) {
        em.create(ReportAttachment, {
          report: revision,
          fileName: file.fileName,
          mediaType: file.mediaType,
          byteSize: file.byteSize,
          sha256: file.sha256,
          content: file.content,
        });
      }
      return revision;
    });
  }

  async addAttachment(input: AddReportAttachmentInput, maxBytes: number): Promise<ReportAttachment> {
    return this.em.transactional(async (em) => {
      const report = await findOrFail(em, Report, input.reportId, 'Report');
      assertDraft(report, 'given new files');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64)) {
        throw new BadInputError('contentBase64 is not base64', { argument: 'contentBase64' });
      }
      const content = Buffer.from(input.contentBase64, 'base64');
      if (content.length === 0) throw new BadInputError('The file is empty', { argument: 'contentBase64' });
      if (content.length > maxBytes) {
        throw new BadInputError(`The file has ${content.length} bytes; at most ${maxBytes} are accepted`, { argument: 'contentBase64' });
      }
      // The report's version moves too, so that an editor's stale copy of it notices the new file.
      report.updatedAt = new Date();
      return em.create(ReportAttachment, {
        report,
        fileName: input.fileName.trim(),
        mediaType: input.mediaType,
        byteSize: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
      });
    });
  }

  async removeAttachment(uuid: string): Promise<void> {
    await this.em.transactional(async (em) => {
      const file = await em.findOne(ReportAttachment, { uuid }, { populate: ['report'] });
      if (!file) throw new BadInputError(`Attachment ${uuid} does not exist (it may have been removed)`);
      assertDraft(file.report, 'stripped of files');
      file.report.updatedAt = new Date();
      em.remove(file);
    });
  }

  private async step(step: Step, uuid: string, version: number, comment: string | null, receivedOn?: string): Promise<Report> {
    return this.em.transactional(async (em) => {
      const report = await findForChange(em, Report, uuid, version, 'Report');
      const { from, to } = STEPS[step];
      if (!(from as readonly ReportStatus[]).includes(report.status)) {
        throw new BadInputError(`A ${report.status} report cannot be ${to.toLowerCase()}: ${NEXT_STEP_HINT[report.status]}`);
      }
      if (step === 'submit') {
        const latest = await this.latestRevision(em, report);
        if (latest && latest.uuid !== report.uuid) {
          throw new ConflictError(`A later revision (${latest.revision}) of this report exists; this one can no longer be submitted`, {
            reportId: latest.id,
          });
        }
        // Noon UTC falls on the same calendar day in every time zone a province may run in.
        report.submittedAt = receivedOn ? new Date(`${receivedOn}T12:00:00Z`) : new Date();
      }
      if (step === 'return') report.reviewComment = comment;
      recordTransition(em, report, report.status, to, comment);
      report.status = to;
      return report;
    });
  }

  private latestRevision(
    em: EntityManager,
    key: Pick<Report, 'task' | 'document' | 'agency' | 'periodStart' | 'periodEnd'>,
  ): Promise<Report | null> {
    return em.findOne(
      Report,
      {
        ...(key.task ? { task: key.task } : { document: key.document, task: null }),
        agency: key.agency,
        periodStart: key.periodStart,
        periodEnd: key.periodEnd,
      },
      { orderBy: { revision: 'desc' } },
    );
  }
}

function recordTransition(
  em: EntityManager,
  report: Report,
  from: ReportStatus | null,
  to: ReportStatus,
  comment: string | null = null,
): void {
  const actor = currentActor();
  em.create(ReportTransition, {
    report,
    fromStatus: from,
    toStatus: to,
    actorName: actor?.name ?? 'anonymous',
    actorId: actor?.id ?? null,
    comment,
  });
}

function assertDraft(report: Report, what: string): void {
  if (report.status !== ReportStatus.DRAFT) {
    throw new BadInputError(`Only a DRAFT report is ${what}; this one is ${report.status}: ${NEXT_STEP_HINT[report.status]}`);
  }
}

function assertPeriod(start: string, end: string): void {
  if (end < start) throw new BadInputError(`periodEnd (${end}) is before periodStart (${start})`, { argument: 'periodEnd' });
}

async function taskOf(em: EntityManager, report: Report): Promise<Task | null> {
  return report.task ? em.findOne(Task, { uuid: report.task.uuid }) : null;
}

function targetValuesOf(task: Task | null, values: ReportTargetValueInput[] | undefined): ReportTargetValue[] {
  if (!values?.length) return [];
  if (!task)
    throw new BadInputError("Target values answer a task's targets; a report on a whole document has none", { argument: 'targetValues' });
  const seen = new Set<number>();
  return values.map((value) => {
    if (value.targetIndex >= task.targets.length) {
      throw new BadInputError(
        `targetIndex ${value.targetIndex} names no target: the task has ${task.targets.length} (indexes 0 to ${task.targets.length - 1})`,
        { argument: 'targetValues' },
      );
    }
    if (seen.has(value.targetIndex))
      throw new BadInputError(`targetIndex ${value.targetIndex} is given twice`, { argument: 'targetValues' });
    seen.add(value.targetIndex);
    if (!Number.isFinite(value.value)) throw new BadInputError('A target value must be a finite number', { argument: 'targetValues' });
    return { targetIndex: value.targetIndex, value: value.value, text: value.text?.trim() || null };
  });
}
