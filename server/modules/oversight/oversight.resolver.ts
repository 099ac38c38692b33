import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import { ConnectionArgs } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { uuidOf, withUuids } from '../../graphql/global-id';
import { Agency } from '../agency/agency.entity';
import { Document } from '../document/document.entity';
import { Report } from '../report/report.entity';
import { ExpectedReportFilter } from '../report/report.inputs';
import { Task } from '../task/task.entity';
import { OversightService } from './oversight.service';
import { AgencyOversight, DocumentProgress, ExpectedReport, ExpectedReportConnection, Oversight, TargetProgress } from './oversight.types';

function serviceOf({ em, today, config }: Context): OversightService {
  return new OversightService(em, { today, dueSoonDays: config.dueSoonDays, timeZone: config.timeZone });
}

@Resolver()
export class OversightResolver {
  @Query(() => ExpectedReportConnection, {
    description: 'The reports reporting duties expect, per agency and period, falling due between from and to, and what became of each',
  })
  expectedReports(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => ExpectedReportFilter) filter: ExpectedReportFilter,
    @Ctx() context: Context,
  ) {
    const decoded = withUuids(filter, { taskId: 'Task', agencyId: 'Agency', documentId: 'Document' });
    return serviceOf(context).expectedReports(decoded, page);
  }

  @Query(() => Oversight, {
    description: 'Who is late: tasks by deadline status, reports by status, missing reports and targets, per agency',
  })
  oversight(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | undefined,
    @Arg('documentId', () => ID, { nullable: true }) documentId: string | undefined,
    @Ctx() context: Context,
  ) {
    return serviceOf(context).oversight({
      from,
      to,
      agencyId: agencyId ? uuidOf(agencyId, 'Agency', 'agencyId') : null,
      documentId: documentId ? uuidOf(documentId, 'Document', 'documentId') : null,
    });
  }
}

@Resolver(() => ExpectedReport)
export class ExpectedReportResolver {
  @FieldResolver(() => Task)
  task(@Root() expected: ExpectedReport, @Ctx() { loaders }: Context) {
    return loaders.task.byUuid.load(expected.taskUuid);
  }

  @FieldResolver(() => Agency, { description: 'The agency that owes it' })
  agency(@Root() expected: ExpectedReport, @Ctx() { loaders }: Context) {
    return loaders.agency.byUuid.load(expected.agencyUuid);
  }

  @FieldResolver(() => Report, { nullable: true, description: 'The latest revision filed for the period, if any' })
  report(@Root() expected: ExpectedReport, @Ctx() { loaders }: Context) {
    return expected.reportUuid ? loaders.report.byUuid.load(expected.reportUuid) : null;
  }
}

@Resolver(() => AgencyOversight)
export class AgencyOversightResolver {
  @FieldResolver(() => Agency)
  agency(@Root() figures: AgencyOversight, @Ctx() { loaders }: Context) {
    return loaders.agency.byUuid.load(figures.agencyUuid);
  }
}

@Resolver(() => TargetProgress)
export class TargetProgressResolver {
  @FieldResolver(() => Task)
  task(@Root() progress: TargetProgress, @Ctx() { loaders }: Context) {
    return loaders.task.byUuid.load(progress.taskUuid);
  }

  @FieldResolver(() => Report, { nullable: true, description: 'The report the latest value comes from' })
  report(@Root() progress: TargetProgress, @Ctx() { loaders }: Context) {
    return progress.reportUuid ? loaders.report.byUuid.load(progress.reportUuid) : null;
  }
}

@Resolver(() => Document)
export class DocumentProgressResolver {
  @FieldResolver(() => DocumentProgress, { description: 'How far its tasks have come, rolled up in PostgreSQL' })
  progress(@Root() document: Document, @Ctx() { loaders }: Context) {
    return loaders.oversight.documentProgress.load(document.uuid);
  }
}

export const OVERSIGHT_RESOLVERS = [
  OversightResolver,
  ExpectedReportResolver,
  AgencyOversightResolver,
  TargetProgressResolver,
  DocumentProgressResolver,
] as const;
