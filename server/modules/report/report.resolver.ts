import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import { DeletedRecord, DeleteInput } from '../../graphql/common.types';
import { ConnectionArgs, ConnectionType } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { refUuid } from '../../graphql/dataloader';
import { uuidOf, withUuids } from '../../graphql/global-id';
import { Agency } from '../agency/agency.entity';
import { Document } from '../document/document.entity';
import { Task } from '../task/task.entity';
import { Report } from './report.entity';
import { CreateReportInput, ReportFilter, UpdateReportInput } from './report.inputs';
import { ReportService } from './report.service';

export const ReportConnection = ConnectionType(Report, 'Report');

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => ReportConnection)
  reports(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => ReportFilter, { nullable: true }) filter: ReportFilter | undefined,
    @Ctx() { em }: Context,
  ) {
    return new ReportService(em).list(filter && withUuids(filter, { taskId: 'Task', documentId: 'Document', agencyId: 'Agency' }), page);
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

  @Mutation(() => Report)
  createReport(@Arg('input', () => CreateReportInput) input: CreateReportInput, @Ctx() { em }: Context) {
    return new ReportService(em).create(withUuids(input, { taskId: 'Task', documentId: 'Document', agencyId: 'Agency' }));
  }

  @Mutation(() => Report)
  updateReport(@Arg('input', () => UpdateReportInput) input: UpdateReportInput, @Ctx() { em }: Context) {
    return new ReportService(em).update(withUuids(input, { id: 'Report' }));
  }

  @Mutation(() => DeletedRecord)
  async deleteReport(@Arg('input', () => DeleteInput) input: DeleteInput, @Ctx() { em }: Context) {
    await new ReportService(em).delete(uuidOf(input.id, 'Report', 'id'), input.version);
    return { id: input.id };
  }
}
