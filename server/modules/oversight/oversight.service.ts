// The oversight figures, computed by PostgreSQL: each aggregate is one statement over the whole range, grouped by agency
// with a grand total (grouping sets), whatever the number of agencies; Node only files the rows under their agency.
import type { EntityManager } from '@mikro-orm/postgresql';

import { BadInputError } from '../../errors';
import { type ConnectionArgs, pageWindow, toConnection } from '../../graphql/connection';
import type { ExpectedReportStatus, ReportStatus } from '../report/report.enums';
import { laterRevisionExists } from '../report/report.service';
import { type DeadlineSettings, deadlineStatusSql } from '../task/deadline';
import type { DeadlineStatus, TargetComparator } from '../task/task.enums';
import {
  AgencyOversight,
  type DeadlineStatusCount,
  type DocumentProgress,
  ExpectedReport,
  type Oversight,
  type OversightFigures,
  type TargetProgress,
} from './oversight.types';

export interface OversightScope {
  from: string;
  to: string;
  agencyId?: string | null;
  documentId?: string | null;
}

export interface ExpectedReportQuery extends OversightScope {
  taskId?: string | null;
  status?: ExpectedReportStatus[];
}

/** Longest range one question may span: the calendar is generated per duty and period, not read from an index. */
const MAX_RANGE_DAYS = 3660;

/** A row of expected_reports(), dates as text. */
export interface ExpectedRow {
  task_id: string;
  agency_id: string;
  period_start: string;
  period_end: string;
  due_on: string;
  status: ExpectedReportStatus;
  report_id: string | null;
  received_on: string | null;
}

/** Expected reports counted by agency and status (a null agency: the total of a status), and the missing ones. */
interface ExpectedReportFigures {
  expected: { agency_id: string | null; status: ExpectedReportStatus; count: number }[];
  missing: ExpectedRow[];
}

function expectedReportOf(row: ExpectedRow): ExpectedReport {
  return Object.assign(new ExpectedReport(), {
    taskUuid: row.task_id,
    agencyUuid: row.agency_id,
    reportUuid: row.report_id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    dueOn: row.due_on,
    status: row.status,
    receivedOn: row.received_on,
  });
}

/** Dates come back as text so that no time zone shifts a day. */
const EXPECTED_COLUMNS = `e.task_id, e.agency_id, e.period_start::text, e.period_end::text, e.due_on::text, e.status, e.report_id, e.received_on::text`;

function assertRange(scope: OversightScope): void {
  if (scope.to < scope.from) throw new BadInputError(`to (${scope.to}) is before from (${scope.from})`, { argument: 'to' });
  const days = (Date.parse(scope.to) - Date.parse(scope.from)) / 86_400_000;
  if (days > MAX_RANGE_DAYS) {
    throw new BadInputError(`The range spans ${days} days; ask for at most ${MAX_RANGE_DAYS} (ten years) at a time`, { argument: 'to' });
  }
}

export class OversightService {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: DeadlineSettings,
  ) {}

  private expectedReportsSql(scope: ExpectedReportQuery): { sql: string; params: unknown[] } {
    const statuses = scope.status?.length ? ` where e.status in (${scope.status.map(() => '?').join(', ')})` : '';
    return {
      sql: `expected_reports(?::date, ?::date, ?::date, ?, ?::uuid, ?::uuid, ?::uuid) e${statuses}`,
      params: [
        scope.from,
        scope.to,
        this.calendar.today,
        this.calendar.timeZone,
        scope.taskId ?? null,
        scope.agencyId ?? null,
        scope.documentId ?? null,
        ...(scope.status ?? []),
      ],
    };
  }

  async expectedReports(scope: ExpectedReportQuery, page: ConnectionArgs) {
    assertRange(scope);
    const expected = this.expectedReportsSql(scope);
    const [{ count }]: { count: number }[] = await this.em.execute(`select count(*)::int as count from ${expected.sql}`, expected.params);
    const { offset, limit } = pageWindow(page, count);
    const rows: ExpectedRow[] =
      limit === 0
        ? []
        : await this.em.execute(
            `select ${EXPECTED_COLUMNS} from ${expected.sql} order by e.due_on, e.period_start, e.task_id, e.agency_id limit ? offset ?`,
            [...expected.params, limit, offset],
          );
    return toConnection(rows.map(expectedReportOf), offset, count);
  }

  async oversight(scope: OversightScope): Promise<Oversight> {
    assertRange(scope);
    const [tasks, reports, { expected, missing }, targets] = await Promise.all([
      this.tasksByStatus(scope),
      this.reportsByStatus(scope),
      this.expectedReportFigures(scope),
      this.targets(scope),
    ]);
    const agencies = new Map<string, AgencyOversight>();
    const agency = (uuid: string) => {
      let entry = agencies.get(uuid);
      if (!entry) {
        entry = Object.assign(new AgencyOversight(), { agencyUuid: uuid, ...emptyFigures(), missingReports: [], targets: [] });
        agencies.set(uuid, entry);
      }
      return entry;
    };
    const totals = emptyFigures();
    for (const row of tasks) {
      const figures = row.agency_id ? agency(row.agency_id) : totals;
      if (row.status) figures.tasksByDeadlineStatus.push({ status: row.status, count: row.count });
      else figures.taskCount = row.count;
    }
    for (const row of reports)
      (row.agency_id ? agency(row.agency_id) : totals).reportsByStatus.push({ status: row.status, count: row.count });
    for (const row of expected) {
      (row.agency_id ? agency(row.agency_id) : totals).expectedReportsByStatus.push({ status: row.status, count: row.count });
    }
    for (const row of missing) agency(row.agency_id).missingReports.push(expectedReportOf(row));
    for (const row of targets) agency(row.agency_id).targets.push(row.progress);
    const ranked = [...agencies.values()].sort((a, b) => b.missingReports.length - a.missingReports.length);
    return { from: scope.from, to: scope.to, today: this.calendar.today, totals, agencies: ranked };
  }

  /** Tasks in play in the range: not due after it, not finished before it. */
  private async tasksByStatus(scope: OversightScope) {
    const status = deadlineStatusSql('t', this.calendar);
    return this.em.execute<{ agency_id: string | null; status: DeadlineStatus | null; count: number }[]>(
      `with scoped as (
         select t.id, a.agency_id, ${status.sql} as status
         from task t join assignment a on a.task_id = t.id join clause c on c.id = t.source_clause_id
         where (t.due_date is null or t.due_date <= ?::date) and (t.completed_on is null or t.completed_on >= ?::date)
           and (?::uuid is null or a.agency_id = ?::uuid) and (?::uuid is null or c.document_id = ?::uuid)
       )
       select agency_id, status, count(distinct id)::int as count from scoped
       group by grouping sets ((agency_id, status), (agency_id), (status), ())
       order by agency_id nulls first, status nulls first`,
      [
        ...status.params,
        scope.to,
        scope.from,
        scope.agencyId ?? null,
        scope.agencyId ?? null,
        scope.documentId ?? null,
        scope.documentId ?? null,
      ],
    );
  }

  /** The latest revision of each agency's report for each period overlapping the range. */
  private reportsByStatus(scope: OversightScope) {
    return this.em.execute<{ agency_id: string | null; status: ReportStatus; count: number }[]>(
      `select r.agency_id, r.status, count(*)::int as count
       from report r left join task t on t.id = r.task_id left join clause c on c.id = t.source_clause_id
       where r.period_end >= ?::date and r.period_start <= ?::date
         and (?::uuid is null or r.agency_id = ?::uuid)
         and (?::uuid is null or r.document_id = ?::uuid or c.document_id = ?::uuid)
         and not ${laterRevisionExists('r')}
       group by grouping sets ((r.agency_id, r.status), (r.status))
       order by 1 nulls first, 2`,
      [
        scope.from,
        scope.to,
        scope.agencyId ?? null,
        scope.agencyId ?? null,
        scope.documentId ?? null,
        scope.documentId ?? null,
        scope.documentId ?? null,
      ],
    );
  }

  /**
   * The expected reports by agency and status (with a total by status), and the missing ones, from one evaluation of
   * expected_reports(): it generates every duty's periods in the range, the costliest part of the figures, and two
   * statements computed it twice (docs/performance.md, change 42).
   */
  private async expectedReportFigures(scope: OversightScope): Promise<ExpectedReportFigures> {
    const expected = this.expectedReportsSql(scope);
    const [row] = await this.em.execute<ExpectedReportFigures[]>(
      `with e as materialized (select * from ${expected.sql})
       select
         (select coalesce(json_agg(g order by g.agency_id nulls first, g.status), '[]') from (
            select e.agency_id, e.status, count(*)::int as count from e group by grouping sets ((e.agency_id, e.status), (e.status))) g
         ) as expected,
         (select coalesce(json_agg(m order by m.due_on, m.task_id, m.agency_id), '[]') from (
            select ${EXPECTED_COLUMNS} from e where e.status = 'MISSING') m
         ) as missing`,
      expected.params,
    );
    return row;
  }

  /** Each target of a task an agency leads, with the latest value that agency reported by the end of the range. */
  private async targets(scope: OversightScope): Promise<{ agency_id: string; progress: TargetProgress }[]> {
    const rows = await this.em.execute<
      {
        task_id: string;
        agency_id: string;
        target_index: number;
        target: { text: string; comparator: TargetComparator | null; value: number | null; unit: string | null };
        value: number | null;
        period_end: string | null;
        report_id: string | null;
        met: boolean | null;
      }[]
    >(
      `select t.id as task_id, a.agency_id, (goal.idx - 1)::int as target_index, goal.target, latest.value, latest.period_end::text,
         latest.report_id,
         case when latest.value is null or goal.target->>'value' is null then null
           else case goal.target->>'comparator'
             when 'AT_LEAST' then latest.value >= (goal.target->>'value')::float8
             when 'AT_MOST' then latest.value <= (goal.target->>'value')::float8
             when 'BELOW' then latest.value < (goal.target->>'value')::float8
             when 'ABOVE' then latest.value > (goal.target->>'value')::float8
             -- Reductions and increases are reported as the change achieved, in the goal's unit.
             when 'REDUCE_BY_AT_LEAST' then latest.value >= (goal.target->>'value')::float8
             when 'INCREASE_BY_AT_LEAST' then latest.value >= (goal.target->>'value')::float8
           end end as met
       from task t join assignment a on a.task_id = t.id and a.role = 'LEAD' join clause c on c.id = t.source_clause_id
       cross join lateral jsonb_array_elements(t.targets) with ordinality as goal(target, idx)
       left join lateral (
         select (v->>'value')::float8 as value, r.period_end, r.id as report_id
         from report r cross join lateral jsonb_array_elements(r.target_values) v
         where r.task_id = t.id and r.agency_id = a.agency_id and r.status in ('SUBMITTED', 'ACCEPTED')
           and r.period_end <= ?::date and (v->>'targetIndex')::int = goal.idx - 1
         order by r.period_end desc, r.revision desc limit 1
       ) latest on true
       where (t.due_date is null or t.due_date >= ?::date) and (?::uuid is null or a.agency_id = ?::uuid)
         and (?::uuid is null or c.document_id = ?::uuid)
       order by a.agency_id, t.created_at, t.id, goal.idx`,
      [scope.to, scope.from, scope.agencyId ?? null, scope.agencyId ?? null, scope.documentId ?? null, scope.documentId ?? null],
    );
    return rows.map((row) => ({
      agency_id: row.agency_id,
      progress: {
        taskUuid: row.task_id,
        reportUuid: row.report_id,
        targetIndex: row.target_index,
        target: row.target,
        latestValue: row.value,
        reportedForPeriodEnding: row.period_end,
        met: row.met,
      },
    }));
  }

  /** Progress of many documents in one statement (for the document.progress loader). */
  async documentProgress(documentUuids: readonly string[]): Promise<Map<string, DocumentProgress>> {
    const status = deadlineStatusSql('t', this.calendar);
    const rows = await this.em.execute<
      { document_id: string; status: DeadlineStatus | null; count: number; done: number; average_progress: number | null }[]
    >(
      `with scoped as (
         select c.document_id, ${status.sql} as status, t.progress_status,
           case when t.progress_status = 'DONE' then 100 else coalesce((
             select r.progress from report r
             where r.task_id = t.id and r.status in ('SUBMITTED', 'ACCEPTED') and r.progress is not null
             order by r.period_end desc, r.revision desc limit 1), 0) end as progress
         from task t join clause c on c.id = t.source_clause_id
         where c.document_id = any(?::uuid[])
       )
       select document_id, status, count(*)::int as count, count(*) filter (where progress_status = 'DONE')::int as done,
         avg(progress)::float8 as average_progress
       from scoped group by grouping sets ((document_id, status), (document_id))`,
      [...status.params, `{${documentUuids.join(',')}}`],
    );
    const progress = new Map<string, DocumentProgress>(
      documentUuids.map((uuid) => [uuid, { taskCount: 0, doneCount: 0, percentDone: 0, averageProgress: null, tasksByDeadlineStatus: [] }]),
    );
    for (const row of rows) {
      const entry = progress.get(row.document_id)!;
      if (row.status) {
        entry.tasksByDeadlineStatus.push({ status: row.status, count: row.count });
        continue;
      }
      entry.taskCount = row.count;
      entry.doneCount = row.done;
      entry.percentDone = row.count ? Math.round((row.done / row.count) * 1000) / 10 : 0;
      entry.averageProgress = row.average_progress == null ? null : Math.round(row.average_progress * 10) / 10;
    }
    for (const entry of progress.values()) entry.tasksByDeadlineStatus.sort(byStatus);
    return progress;
  }
}

function byStatus(a: DeadlineStatusCount, b: DeadlineStatusCount): number {
  return a.status.localeCompare(b.status);
}

function emptyFigures(): OversightFigures {
  return { taskCount: 0, tasksByDeadlineStatus: [], reportsByStatus: [], expectedReportsByStatus: [] };
}
