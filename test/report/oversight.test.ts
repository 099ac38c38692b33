// The oversight figures on a fixture whose answer is counted by hand (fixture.ts). The test day is 2025-03-01, the
// due-soon window 7 days, the range 2024-10-01 – 2025-03-31.
//
// Expected reports (by due date in the range):
//   T1 quarterly, group G = {A, B}, due the 15th of the quarter's last month:
//      Q4/2024 due 2024-12-15: A arrived 12-10 RECEIVED, B arrived 12-20 LATE; Q1/2025 due 2025-03-15: A, B NOT_YET_DUE.
//   T2 monthly, C, due the 5th of the next month: Oct RECEIVED (11-04), Nov RECEIVED (12-05, returned, revision 2 on
//      12-20: the first submission counts), Dec MISSING (returned, never corrected), Jan MISSING, Feb NOT_YET_DUE (03-05).
//   T6 once, due 2025-01-31, lead A and coordinator B: A RECEIVED (01-30), B MISSING.
//   → A: 2 RECEIVED, 1 NOT_YET_DUE; B: 1 LATE, 1 MISSING, 1 NOT_YET_DUE; C: 2 RECEIVED, 2 MISSING, 1 NOT_YET_DUE.
// Tasks by deadline status, per assigned agency:
//   T1 ON_TRACK (nothing missing; next due 03-15, outside the window) · T2 OVERDUE (missing) · T3 OVERDUE (due 02-15)
//   T4 DUE_SOON (due 03-05) · T5 DONE_ON_TIME (01-20 ≤ 01-31) · T6 OVERDUE (B missing)
//   → A: T3, T5, T6; B: T4, T6; C: T2, T3; G: T1. Totals: 6 tasks.
// Reports by status (latest revisions): A ACCEPTED R1, SUBMITTED R6 R7; B SUBMITTED R2; C ACCEPTED R3, SUBMITTED R4b,
//   RETURNED R5.
// Targets: T3 (lead A) "kéo giảm ít nhất 5%", latest value 3.5 (R7) → not met.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, TEST_TODAY, type TestApp } from '../support/test-app';
import { AGENCIES, buildReportingFixture, type ReportingFixture } from './fixture';

let app: TestApp;
let fixture: ReportingFixture;

beforeAll(async () => {
  app = await createTestApp();
  fixture = await buildReportingFixture(app);
});
afterAll(async () => app?.stop());

const OVERSIGHT = `query($from: LocalDate!, $to: LocalDate!, $agencyId: ID, $documentId: ID) {
  oversight(from: $from, to: $to, agencyId: $agencyId, documentId: $documentId) {
    today
    totals { taskCount tasksByDeadlineStatus { status count } reportsByStatus { status count } expectedReportsByStatus { status count } }
    agencies {
      agency { name }
      taskCount
      tasksByDeadlineStatus { status count }
      reportsByStatus { status count }
      expectedReportsByStatus { status count }
      missingReports { task { title } dueOn periodStart periodEnd status }
      targets { task { title } targetIndex target { text } latestValue reportedForPeriodEnding met report { id } }
    }
  }
}`;

type Count = { status: string; count: number };
const counts = (list: Count[]) => Object.fromEntries(list.map(({ status, count }) => [status, count]));
const RANGE = { from: '2024-10-01', to: '2025-03-31' };

describe('oversight', () => {
  it('counts, per agency and in total, what the fixture holds by hand', async () => {
    expect(TEST_TODAY).toBe('2025-03-01');
    const { oversight } = await app.ok(OVERSIGHT, { ...RANGE, documentId: fixture.documentId });
    expect(oversight.today).toBe('2025-03-01');
    const byName = Object.fromEntries(oversight.agencies.map((entry: { agency: { name: string } }) => [entry.agency.name, entry]));
    expect(Object.keys(byName).sort()).toEqual([AGENCIES.A, AGENCIES.B, AGENCIES.C, AGENCIES.G].sort());
    // Most missing reports first.
    expect(oversight.agencies[0].agency.name).toBe(AGENCIES.C);
    expect(oversight.agencies[1].agency.name).toBe(AGENCIES.B);

    const a = byName[AGENCIES.A];
    expect(a.taskCount).toBe(3);
    expect(counts(a.tasksByDeadlineStatus)).toEqual({ OVERDUE: 2, DONE_ON_TIME: 1 });
    expect(counts(a.expectedReportsByStatus)).toEqual({ RECEIVED: 2, NOT_YET_DUE: 1 });
    expect(counts(a.reportsByStatus)).toEqual({ ACCEPTED: 1, SUBMITTED: 2 });
    expect(a.missingReports).toEqual([]);
    expect(a.targets).toEqual([
      {
        task: { title: 'Kéo giảm tai nạn' },
        targetIndex: 0,
        target: { text: 'kéo giảm ít nhất 5%' },
        latestValue: 3.5,
        reportedForPeriodEnding: '2025-01-31',
        met: false,
        report: { id: fixture.report.R7.id },
      },
    ]);

    const b = byName[AGENCIES.B];
    expect(b.taskCount).toBe(2);
    expect(counts(b.tasksByDeadlineStatus)).toEqual({ DUE_SOON: 1, OVERDUE: 1 });
    expect(counts(b.expectedReportsByStatus)).toEqual({ LATE: 1, MISSING: 1, NOT_YET_DUE: 1 });
    expect(counts(b.reportsByStatus)).toEqual({ SUBMITTED: 1 });
    expect(b.missingReports).toEqual([
      { task: { title: 'Báo cáo một lần' }, dueOn: '2025-01-31', periodStart: '2024-10-10', periodEnd: '2025-01-31', status: 'MISSING' },
    ]);

    const c = byName[AGENCIES.C];
    expect(c.taskCount).toBe(2);
    expect(counts(c.tasksByDeadlineStatus)).toEqual({ OVERDUE: 2 });
    expect(counts(c.expectedReportsByStatus)).toEqual({ RECEIVED: 2, MISSING: 2, NOT_YET_DUE: 1 });
    expect(counts(c.reportsByStatus)).toEqual({ ACCEPTED: 1, SUBMITTED: 1, RETURNED: 1 });
    expect(c.missingReports.map((missing: { dueOn: string; periodStart: string }) => [missing.periodStart, missing.dueOn])).toEqual([
      ['2024-12-01', '2025-01-05'],
      ['2025-01-01', '2025-02-05'],
    ]);
    expect(c.targets).toEqual([]); // C only coordinates T3

    const g = byName[AGENCIES.G];
    expect(counts(g.tasksByDeadlineStatus)).toEqual({ ON_TRACK: 1 });
    expect(g.expectedReportsByStatus).toEqual([]); // the group's members report, not the group

    expect(oversight.totals.taskCount).toBe(6);
    expect(counts(oversight.totals.tasksByDeadlineStatus)).toEqual({ ON_TRACK: 1, OVERDUE: 3, DUE_SOON: 1, DONE_ON_TIME: 1 });
    expect(counts(oversight.totals.expectedReportsByStatus)).toEqual({ RECEIVED: 4, LATE: 1, MISSING: 3, NOT_YET_DUE: 3 });
    expect(counts(oversight.totals.reportsByStatus)).toEqual({ ACCEPTED: 2, SUBMITTED: 4, RETURNED: 1 });
  });

  it('narrows to one agency, and to a shorter range', async () => {
    const { oversight } = await app.ok(OVERSIGHT, { ...RANGE, agencyId: fixture.agency.C });
    expect(oversight.agencies.map((entry: { agency: { name: string } }) => entry.agency.name)).toEqual([AGENCIES.C]);
    expect(counts(oversight.agencies[0].expectedReportsByStatus)).toEqual({ RECEIVED: 2, MISSING: 2, NOT_YET_DUE: 1 });
    // A reports on T1 as a member of the reporter group, on T6 as its lead.
    const a = (await app.ok(OVERSIGHT, { ...RANGE, agencyId: fixture.agency.A })).oversight.agencies;
    expect(counts(a.find((entry: { agency: { name: string } }) => entry.agency.name === AGENCIES.A).expectedReportsByStatus)).toEqual({
      RECEIVED: 2,
      NOT_YET_DUE: 1,
    });
    // January alone: only December's report (due 01-05) falls due, and it is missing; T6 is due 01-31.
    const january = await app.ok(OVERSIGHT, { from: '2025-01-01', to: '2025-01-31', documentId: fixture.documentId });
    expect(counts(january.oversight.totals.expectedReportsByStatus)).toEqual({ MISSING: 2, RECEIVED: 1 });
  });

  it('answers a reversed or ten-year-plus range with BAD_USER_INPUT', async () => {
    expect(await app.errorCode(OVERSIGHT, { from: '2025-03-01', to: '2025-01-01' })).toBe('BAD_USER_INPUT');
    expect(await app.errorCode(OVERSIGHT, { from: '2000-01-01', to: '2025-01-01' })).toBe('BAD_USER_INPUT');
  });

  it('takes a fixed number of SQL statements, however many agencies and reports there are', async () => {
    const one = await app.gql(OVERSIGHT, { ...RANGE, agencyId: fixture.agency.A });
    const all = await app.gql(OVERSIGHT, { ...RANGE });
    expect(one.errors).toBeUndefined();
    expect(all.errors).toBeUndefined();
    expect(all.data.oversight.agencies.length).toBeGreaterThan(4);
    expect(all.sqlStatements).toBe(one.sqlStatements);
    // The figures take four: tasks, reports, expected reports (their counts and the missing ones from one evaluation of
    // expected_reports(), which two statements computed twice) and targets; then the agencies, tasks and reports shown.
    expect(all.sqlStatements).toBe(4 + 3);
  });
});

describe('deadline statuses and progress', () => {
  it('derives the deadline status of every task from due dates, completion and the reports that came in', async () => {
    const { tasks } = await app.ok(
      `query($documentId: ID!) { tasks(first: 10, filter: { documentId: $documentId }) { nodes { id deadlineStatus } } }`,
      { documentId: fixture.documentId },
    );
    const status = Object.fromEntries(tasks.nodes.map((task: { id: string; deadlineStatus: string }) => [task.id, task.deadlineStatus]));
    expect(status).toEqual({
      [fixture.task.T1]: 'ON_TRACK',
      [fixture.task.T2]: 'OVERDUE',
      [fixture.task.T3]: 'OVERDUE',
      [fixture.task.T4]: 'DUE_SOON',
      [fixture.task.T5]: 'DONE_ON_TIME',
      [fixture.task.T6]: 'OVERDUE',
    });
    const overdue = await app.ok(
      `query($documentId: ID!) { tasks(filter: { documentId: $documentId, deadlineStatus: [OVERDUE] }) { nodes { id } } }`,
      { documentId: fixture.documentId },
    );
    expect(overdue.tasks.nodes.map((task: { id: string }) => task.id).sort()).toEqual(
      [fixture.task.T2, fixture.task.T3, fixture.task.T6].sort(),
    );
  });

  it('rolls a document up into document.progress', async () => {
    const { node } = await app.ok(
      `query($id: ID!) { node(id: $id) { ... on Document { progress { taskCount doneCount percentDone averageProgress tasksByDeadlineStatus { status count } } } } }`,
      { id: fixture.documentId },
    );
    expect(node.progress).toEqual({
      taskCount: 6,
      doneCount: 1,
      percentDone: 16.7,
      // T5 done (100) and T3's reported 40, over six tasks.
      averageProgress: 23.3,
      tasksByDeadlineStatus: [
        { status: 'DONE_ON_TIME', count: 1 },
        { status: 'DUE_SOON', count: 1 },
        { status: 'ON_TRACK', count: 1 },
        { status: 'OVERDUE', count: 3 },
      ],
    });
  });
});

describe('expected reports and the report connection', () => {
  const EXPECTED = `query($filter: ExpectedReportFilter!, $first: Int, $after: String) {
    expectedReports(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { periodStart periodEnd dueOn status receivedOn agency { name } report { id revision status } }
    }
  }`;

  it('lists one duty’s reports period by period, paged', async () => {
    const filter = { ...RANGE, taskId: fixture.task.T2 };
    const first = (await app.ok(EXPECTED, { filter, first: 3 })).expectedReports;
    expect(first.totalCount).toBe(5);
    const rest = (await app.ok(EXPECTED, { filter, first: 3, after: first.pageInfo.endCursor })).expectedReports;
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const rows = [...first.nodes, ...rest.nodes];
    expect(
      rows.map((row: { dueOn: string; status: string; receivedOn: string | null }) => [row.dueOn, row.status, row.receivedOn]),
    ).toEqual([
      ['2024-11-05', 'RECEIVED', '2024-11-04'],
      ['2024-12-05', 'RECEIVED', '2024-12-05'],
      ['2025-01-05', 'MISSING', null],
      ['2025-02-05', 'MISSING', null],
      ['2025-03-05', 'NOT_YET_DUE', null],
    ]);
    // November's latest revision is the corrected one; December's returned report is there, not received.
    expect(rows[1].report).toMatchObject({ id: fixture.report.R4b.id, revision: 2, status: 'SUBMITTED' });
    expect(rows[2].report).toMatchObject({ id: fixture.report.R5.id, status: 'RETURNED' });
  });

  it('filters by status across duties', async () => {
    const { expectedReports } = await app.ok(EXPECTED, { filter: { ...RANGE, documentId: fixture.documentId, status: ['LATE'] } });
    expect(expectedReports.nodes).toHaveLength(1);
    expect(expectedReports.nodes[0]).toMatchObject({ agency: { name: AGENCIES.B }, dueOn: '2024-12-15', receivedOn: '2024-12-20' });
  });

  it('filters reports by delivery and by revision', async () => {
    const REPORTS = `query($filter: ReportFilter) { reports(first: 50, filter: $filter) { nodes { id deliveryStatus dueOn } } }`;
    const late = (await app.ok(REPORTS, { filter: { deliveryStatus: ['LATE'] } })).reports.nodes;
    expect(late).toEqual([{ id: fixture.report.R2.id, deliveryStatus: 'LATE', dueOn: '2024-12-15' }]);
    const onTime = (await app.ok(REPORTS, { filter: { agencyId: fixture.agency.C, deliveryStatus: ['RECEIVED'] } })).reports.nodes;
    // Revision 2 of November, sent after the due date, is judged by the first submission.
    expect(onTime.map((report: { id: string }) => report.id).sort()).toEqual(
      [fixture.report.R3.id, fixture.report.R4.id, fixture.report.R4b.id, fixture.report.R5.id].sort(),
    );
    const earlier = (await app.ok(REPORTS, { filter: { agencyId: fixture.agency.C, latestRevision: false } })).reports.nodes;
    expect(earlier.map((report: { id: string }) => report.id)).toEqual([fixture.report.R4.id]);
    const ad = (await app.ok(REPORTS, { filter: { taskId: fixture.task.T3 } })).reports.nodes;
    expect(ad).toEqual([{ id: fixture.report.R7.id, deliveryStatus: null, dueOn: null }]); // not a reporting duty
  });

  it('shows a duty’s routing: to whom, through whom, and who reports', async () => {
    const { task } = await app.ok(
      `query($id: ID!) { task(id: $id) { reportingDuty { recurrence dueDay dueMonthOffset startsOn endsOn
        reportTo { name } reportVia { name } reporterGroup { name } reporters { name } } } }`,
      { id: fixture.task.T1 },
    );
    expect(task.reportingDuty).toEqual({
      recurrence: 'QUARTERLY',
      dueDay: 15,
      dueMonthOffset: 0,
      startsOn: null,
      endsOn: null,
      reportTo: { name: AGENCIES.U },
      reportVia: { name: AGENCIES.P },
      reporterGroup: { name: AGENCIES.G },
      reporters: [{ name: AGENCIES.A }, { name: AGENCIES.B }],
    });
    const action = await app.ok(`query($id: ID!) { task(id: $id) { reportingDuty { dueDay } } }`, { id: fixture.task.T3 });
    expect(action.task.reportingDuty).toBeNull();
  });
});
