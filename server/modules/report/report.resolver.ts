import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import { DeletedRecord, DeleteInput } from '../../graphql/common.types';
import { ConnectionArgs, ConnectionType } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { refUuid } from '../../graphql/dataloader';
import { uuidOf, withUuids } from '../../graphql/global-id';
import { Agency } from '../agency/agency.entity';
import { Document } from '../document/document.entity';
import { Task } from '../task/task.entity';
import { Report, ReportAttachment, ReportTransition } from './report.entity';
import { ExpectedReportStatus } from './report.enums';
import {
  AddReportAttachmentInput,
  CreateReportInput,
  ReportFilter,
  ReportStepInput,
  ReturnReportInput,
  SubmitReportInput,
  UpdateReportInput,
} from './report.inputs';
import { ReportService } from './report.service';

export const ReportConnection = ConnectionType(Report, 'Report');

/** Base64 grows a file by a third; what is left of the request body limit after that is the largest attachment. */
function maxAttachmentBytes(maxBodyBytes: number): number {
  return Math.floor((maxBodyBytes * 3) / 4) - 64 * 1024;
}

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => ReportConnection, { description: 'Reports, newest period first, every revision unless latestRevision says otherwise' })
  reports(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => ReportFilter, { nullable: true }) filter: ReportFilter | undefined,
    @Ctx() { em, config }: Context,
  ) {
    const decoded = filter && withUuids(filter, { taskId: 'Task', documentId: 'Document', agencyId: 'Agency' });
    return new ReportService(em).list(decoded, page, { timeZone: config.timeZone });
  }

  @Query(() => Report, { nullable: true })
  report(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.report.byUuid.load(uuidOf(id, 'Report', 'id'));
  }

  @FieldResolver(() => Task, { nullable: true })
  task(@Root() report: Report, @Ctx() { loaders }: Context) {
    const uuid = refUuid(report.task);
    return uuid ? loaders.task.byUuid.load(uuid) : null;
  }

  @FieldResolver(() => Document, { nullable: true })
  document(@Root() report: Report, @Ctx() { loaders }: Context) {
    const uuid = refUuid(report.document);
    return uuid ? loaders.document.byUuid.load(uuid) : null;
  }

  @FieldResolver(() => Agency, { description: 'The submitting agency' })
  agency(@Root() report: Report, @Ctx() { loaders }: Context) {
    return loaders.agency.byUuid.load(report.agency.uuid);
  }

  @FieldResolver(() => Report, { nullable: true, description: 'The returned revision this one corrects' })
  previousRevision(@Root() report: Report, @Ctx() { loaders }: Context) {
    const uuid = refUuid(report.previousRevision);
    return uuid ? loaders.report.byUuid.load(uuid) : null;
  }

  @FieldResolver(() => [ReportTransition], { description: 'Every step of this revision through the workflow, oldest first' })
  transitions(@Root() report: Report, @Ctx() { loaders }: Context) {
    return loaders.report.transitions.load(report.uuid);
  }

  @FieldResolver(() => [ReportAttachment])
  attachments(@Root() report: Report, @Ctx() { loaders }: Context) {
    return loaders.report.attachments.load(report.uuid);
  }

  @FieldResolver(() => LocalDateResolver, { nullable: true, description: "When the reporting duty wanted this period's report" })
  async dueOn(@Root() report: Report, @Ctx() { loaders }: Context) {
    return (await loaders.report.delivery.load(report.uuid)).dueOn;
  }

  @FieldResolver(() => ExpectedReportStatus, {
    nullable: true,
    description: 'RECEIVED when submitted by dueOn, LATE after it; null for a draft or a report outside a reporting duty',
  })
  async deliveryStatus(@Root() report: Report, @Ctx() { loaders }: Context) {
    return (await loaders.report.delivery.load(report.uuid)).deliveryStatus;
  }

  @Mutation(() => Report, { description: 'A DRAFT report (revision 1 for its agency and period); submit it with submitReport' })
  createReport(@Arg('input', () => CreateReportInput) input: CreateReportInput, @Ctx() { em }: Context) {
    return new ReportService(em).create(withUuids(input, { taskId: 'Task', documentId: 'Document', agencyId: 'Agency' }));
  }

  @Mutation(() => Report, { description: 'Edits a DRAFT report' })
  updateReport(@Arg('input', () => UpdateReportInput) input: UpdateReportInput, @Ctx() { em }: Context) {
    return new ReportService(em).update(withUuids(input, { id: 'Report' }));
  }

  @Mutation(() => DeletedRecord, { description: 'Deletes a DRAFT report; submitted ones are kept' })
  async deleteReport(@Arg('input', () => DeleteInput) input: DeleteInput, @Ctx() { em }: Context) {
    await new ReportService(em).delete(uuidOf(input.id, 'Report', 'id'), input.version);
    return { id: input.id };
  }

  @Mutation(() => Report, { description: 'DRAFT → SUBMITTED' })
  submitReport(@Arg('input', () => SubmitReportInput) input: SubmitReportInput, @Ctx() { em, today }: Context) {
    const received = input.receivedOn ? { on: input.receivedOn, today } : undefined;
    return new ReportService(em).submit(uuidOf(input.id, 'Report', 'id'), input.version, received);
  }

  @Mutation(() => Report, { description: 'SUBMITTED → ACCEPTED' })
  acceptReport(@Arg('input', () => ReportStepInput) input: ReportStepInput, @Ctx() { em }: Context) {
    return new ReportService(em).accept(uuidOf(input.id, 'Report', 'id'), input.version);
  }

  @Mutation(() => Report, { description: 'SUBMITTED → RETURNED, with what to correct' })
  returnReport(@Arg('input', () => ReturnReportInput) input: ReturnReportInput, @Ctx() { em }: Context) {
    return new ReportService(em).returnToAgency(withUuids(input, { id: 'Report' }));
  }

  @Mutation(() => Report, { description: 'A new DRAFT revision of a RETURNED report, its content and files carried over' })
  reviseReport(@Arg('input', () => ReportStepInput) input: ReportStepInput, @Ctx() { em }: Context) {
    return new ReportService(em).revise(uuidOf(input.id, 'Report', 'id'), input.version);
  }

  @Mutation(() => ReportAttachment, { description: 'Attaches a file to a DRAFT report' })
  addReportAttachment(@Arg('input', () => AddReportAttachmentInput) input: AddReportAttachmentInput, @Ctx() { em, config }: Context) {
    return new ReportService(em).addAttachment(withUuids(input, { reportId: 'Report' }), maxAttachmentBytes(config.maxBodyBytes));
  }

  @Mutation(() => DeletedRecord, { description: 'Removes a file from a DRAFT report' })
  async removeReportAttachment(@Arg('id', () => ID) id: string, @Ctx() { em }: Context) {
    await new ReportService(em).removeAttachment(uuidOf(id, 'ReportAttachment', 'id'));
    return { id };
  }
}

@Resolver(() => ReportAttachment)
export class ReportAttachmentResolver {
  @FieldResolver(() => String, { description: 'The file itself, as base64; ask for it only when downloading' })
  async contentBase64(@Root() attachment: ReportAttachment, @Ctx() { em }: Context) {
    const row: { content: Buffer }[] = await em.execute('select content from report_attachment where id = ?', [attachment.uuid]);
    return row[0]?.content.toString('base64') ?? '';
  }
}
