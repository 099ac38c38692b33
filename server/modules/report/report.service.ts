// The rules for reports: they answer a task or a document, for a period, from an agency.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';

import { findForChange, findOrFail } from '../../database/record-access';
import { BadInputError } from '../../errors';
import { type ConnectionArgs, paginate } from '../../graphql/connection';
import { Agency } from '../agency/agency.entity';
import { Document } from '../document/document.entity';
import { Task } from '../task/task.entity';
import { Report } from './report.entity';
import { ReportStatus } from './report.enums';
import type { CreateReportInput, ReportFilter, UpdateReportInput } from './report.inputs';

export class ReportService {
  constructor(private readonly em: EntityManager) {}

  list(filter: ReportFilter | undefined, page: ConnectionArgs) {
    const where: Record<string, unknown>[] = [];
    if (filter?.taskId) where.push({ task: filter.taskId });
    if (filter?.documentId) where.push({ document: filter.documentId });
    if (filter?.agencyId) where.push({ agency: filter.agencyId });
    if (filter?.status?.length) where.push({ status: { $in: filter.status } });
    if (filter?.kind?.length) where.push({ kind: { $in: filter.kind } });
    if (filter?.periodFrom) where.push({ periodEnd: { $gte: filter.periodFrom } });
    if (filter?.periodTo) where.push({ periodStart: { $lte: filter.periodTo } });
    return paginate(this.em, Report, { $and: where } as FilterQuery<Report>, [{ periodStart: 'desc' }], page);
  }

  async create(input: CreateReportInput): Promise<Report> {
    return this.em.transactional(async (em) => {
      if (!input.taskId && !input.documentId) throw new BadInputError('A report answers a task or a document: give taskId or documentId');
      assertPeriod(input.periodStart, input.periodEnd);
      return em.create(Report, {
        task: input.taskId ? await findOrFail(em, Task, input.taskId, 'Task') : null,
        document: input.documentId ? await findOrFail(em, Document, input.documentId, 'Document') : null,
        agency: await findOrFail(em, Agency, input.agencyId, 'Agency'),
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        kind: input.kind,
        status: ReportStatus.DRAFT,
        text: input.text ?? '',
        progress: input.progress ?? null,
      });
    });
  }

  async update(input: UpdateReportInput): Promise<Report> {
    return this.em.transactional(async (em) => {
      const report = await findForChange(em, Report, input.id, input.version, 'Report');
      if (input.periodStart) report.periodStart = input.periodStart;
      if (input.periodEnd) report.periodEnd = input.periodEnd;
      assertPeriod(report.periodStart, report.periodEnd);
      if (input.kind) report.kind = input.kind;
      if (input.text != null) report.text = input.text;
      if (input.progress !== undefined) report.progress = input.progress;
      if (input.status && input.status !== report.status) {
        report.status = input.status;
        if (input.status === ReportStatus.SUBMITTED) report.submittedAt = new Date();
      }
      return report;
    });
  }

  async delete(uuid: string, version: number): Promise<void> {
    await this.em.transactional(async (em) => {
      em.remove(await findForChange(em, Report, uuid, version, 'Report'));
    });
  }
}

function assertPeriod(start: string, end: string): void {
  if (end < start) throw new BadInputError(`periodEnd (${end}) is before periodStart (${start})`, { argument: 'periodEnd' });
}
