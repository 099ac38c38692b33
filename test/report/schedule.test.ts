// The reporting calendar (reporting_periods in SQL) through expectedReports: calendar-aligned periods, due days
// clamped to short months and leap years, due months after the period crossing year ends, one-off duties, a duty's
// first and last days; and the duty's fields checked on the way in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type TestApp } from '../support/test-app';
import { buildReportingFixture, type ReportingFixture } from './fixture';

let app: TestApp;
let fixture: ReportingFixture;
let clauseId: string;

beforeAll(async () => {
  app = await createTestApp();
  fixture = await buildReportingFixture(app);
  const { node } = await app.ok(`query($id: ID!) { node(id: $id) { ... on Document { clauses { id } } } }`, { id: fixture.documentId });
  clauseId = node.clauses[0].id;
});
afterAll(async () => app?.stop());

const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`;
const EXPECTED = `query($filter: ExpectedReportFilter!) {
  expectedReports(filter: $filter, first: 100) { nodes { periodStart periodEnd dueOn } }
}`;

/** The [periodStart, periodEnd, dueOn] of a duty led by C whose reports fall due between from and to. */
async function calendar(duty: { recurrence: string; dueDate?: string } & Record<string, unknown>, from: string, to: string) {
  const { recurrence, dueDate, ...reportingDuty } = duty;
  const taskId = (
    await app.ok(CREATE_TASK, {
      input: {
        sourceClauseId: clauseId,
        title: `Báo cáo ${recurrence}`,
        kind: 'REPORTING',
        recurrence,
        dueDate,
        assignments: [{ agencyId: fixture.agency.C, role: 'LEAD' }],
        reportingDuty,
      },
    })
  ).createTask.id;
  const { expectedReports } = await app.ok(EXPECTED, { filter: { taskId, from, to } });
  return expectedReports.nodes.map((row: { periodStart: string; periodEnd: string; dueOn: string }) => [
    row.periodStart,
    row.periodEnd,
    row.dueOn,
  ]);
}

describe('the reporting calendar', () => {
  it('clamps a monthly due day to the month’s length: 29 February in a leap year, 28 in others', async () => {
    expect(await calendar({ recurrence: 'MONTHLY', dueDay: 31, startsOn: '2023-12-01' }, '2023-12-01', '2024-03-31')).toEqual([
      ['2023-12-01', '2023-12-31', '2023-12-31'],
      ['2024-01-01', '2024-01-31', '2024-01-31'],
      ['2024-02-01', '2024-02-29', '2024-02-29'],
      ['2024-03-01', '2024-03-31', '2024-03-31'],
    ]);
    expect(await calendar({ recurrence: 'MONTHLY', dueDay: 30, startsOn: '2025-01-01' }, '2025-02-01', '2025-03-31')).toEqual([
      ['2025-02-01', '2025-02-28', '2025-02-28'],
      ['2025-03-01', '2025-03-31', '2025-03-30'],
    ]);
  });

  it('carries a due date past the year end when it falls in the month after the period', async () => {
    expect(
      await calendar({ recurrence: 'QUARTERLY', dueDay: 10, dueMonthOffset: 1, startsOn: '2024-07-01' }, '2024-10-01', '2025-04-30'),
    ).toEqual([
      ['2024-07-01', '2024-09-30', '2024-10-10'],
      ['2024-10-01', '2024-12-31', '2025-01-10'],
      ['2025-01-01', '2025-03-31', '2025-04-10'],
    ]);
    expect(
      await calendar({ recurrence: 'MONTHLY', dueDay: 5, dueMonthOffset: 1, startsOn: '2024-11-15' }, '2024-12-01', '2025-02-28'),
    ).toEqual([
      ['2024-11-01', '2024-11-30', '2024-12-05'],
      ['2024-12-01', '2024-12-31', '2025-01-05'],
      ['2025-01-01', '2025-01-31', '2025-02-05'],
    ]);
  });

  it('aligns halves and years to the calendar, and stops at the duty’s last day', async () => {
    expect(await calendar({ recurrence: 'SEMIANNUAL', startsOn: '2024-03-20' }, '2024-01-01', '2025-12-31')).toEqual([
      ['2024-01-01', '2024-06-30', '2024-06-30'],
      ['2024-07-01', '2024-12-31', '2024-12-31'],
      ['2025-01-01', '2025-06-30', '2025-06-30'],
      ['2025-07-01', '2025-12-31', '2025-12-31'],
    ]);
    expect(
      await calendar({ recurrence: 'ANNUAL', dueDay: 15, startsOn: '2023-02-01', endsOn: '2024-06-30' }, '2020-01-01', '2029-12-31'),
    ).toEqual([
      ['2023-01-01', '2023-12-31', '2023-12-15'],
      ['2024-01-01', '2024-12-31', '2024-12-15'],
    ]);
  });

  it('gives a one-off duty one period, from its first day to its due date', async () => {
    expect(await calendar({ recurrence: 'NONE', dueDate: '2024-02-28', startsOn: '2024-01-05' }, '2024-01-01', '2024-12-31')).toEqual([
      ['2024-01-05', '2024-02-28', '2024-02-28'],
    ]);
    // Without a due date nothing is expected: the duty is not scheduled yet.
    expect(await calendar({ recurrence: 'NONE' }, '2024-01-01', '2024-12-31')).toEqual([]);
  });
});

describe('the duty’s fields', () => {
  const input = (reportingDuty: Record<string, unknown>, kind = 'REPORTING') => ({
    input: { sourceClauseId: clauseId, title: 'Báo cáo', kind, recurrence: 'QUARTERLY', reportingDuty },
  });

  it('refuses a due day or month offset out of range, a reversed window, a reporter group that is no group, and a duty on a non-REPORTING task', async () => {
    expect(await app.errorCode(CREATE_TASK, input({ dueDay: 32 }))).toBe('BAD_USER_INPUT');
    expect(await app.errorCode(CREATE_TASK, input({ dueDay: 0 }))).toBe('BAD_USER_INPUT');
    expect(await app.errorCode(CREATE_TASK, input({ dueMonthOffset: 13 }))).toBe('BAD_USER_INPUT');
    expect(await app.errorCode(CREATE_TASK, input({ startsOn: '2025-01-01', endsOn: '2024-01-01' }))).toBe('BAD_USER_INPUT');
    expect(await app.errorCode(CREATE_TASK, input({ reporterGroupId: fixture.agency.A }))).toBe('BAD_USER_INPUT');
    expect(await app.errorCode(CREATE_TASK, input({ dueDay: 15 }, 'ACTION'))).toBe('BAD_USER_INPUT');
    expect(await app.errorCode(CREATE_TASK, input({ reportToId: fixture.task.T1 }))).toBe('BAD_USER_INPUT');
  });

  it('is cleared when the task stops being a reporting duty', async () => {
    const id = (await app.ok(CREATE_TASK, input({ reportToId: fixture.agency.U, dueDay: 20 }))).createTask.id;
    const { task } = await app.ok(`query($id: ID!) { task(id: $id) { version reportingDuty { dueDay reportTo { id } } } }`, { id });
    expect(task.reportingDuty).toEqual({ dueDay: 20, reportTo: { id: fixture.agency.U } });
    await app.ok(`mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }`, {
      input: { id, version: task.version, kind: 'ACTION' },
    });
    await app.ok(`mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }`, {
      input: { id, version: task.version + 1, kind: 'REPORTING' },
    });
    const after = await app.ok(`query($id: ID!) { task(id: $id) { reportingDuty { dueDay reportTo { id } } } }`, { id });
    expect(after.task.reportingDuty).toEqual({ dueDay: null, reportTo: null });
  });
});
