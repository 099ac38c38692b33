// The demo's report generator: seeded and deterministic (two registries, the same reports, whatever their UUIDs), and
// every report it writes went through the workflow's own rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generateDemoReports } from '../../server/demo/demo-reports';
import { createTestApp, type TestApp } from '../support/test-app';

const DAY = '2026-06-30';
let apps: TestApp[] = [];

/** What the generator wrote, without UUIDs or wall-clock times. */
async function fingerprint(app: TestApp): Promise<string[]> {
  const rows: { line: string }[] = await app.orm.em.fork().execute(
    `select concat_ws(' | ', t.title, a.name, r.period_start, r.period_end, r.revision, r.status, r.progress, r.submitted_at::date,
       r.review_comment, r.target_values::text) as line
     from report r join task t on t.id = r.task_id join agency a on a.id = r.agency_id order by 1`,
  );
  return rows.map((row) => row.line);
}

beforeAll(async () => {
  apps = await Promise.all([createTestApp(), createTestApp()]);
  for (const app of apps) await generateDemoReports(app.orm.em.fork(), DAY, app.config.timeZone);
});
afterAll(async () => Promise.all(apps.map((app) => app.stop())));

describe('the demo report generator', () => {
  it('writes the same reports into two registries', async () => {
    const [first, second] = [await fingerprint(apps[0]), await fingerprint(apps[1])];
    expect(first.length).toBeGreaterThan(20);
    expect(second).toEqual(first);
  });

  it('gives every duty of the plan a calendar, and the reports a mix of outcomes', async () => {
    const em = apps[0].orm.em.fork();
    const unscheduled: { n: number }[] = await em.execute(
      `select count(*)::int as n from task where kind = 'REPORTING' and recurrence = 'NONE' and due_date is null`,
    );
    expect(unscheduled[0].n).toBe(0);
    const statuses: { status: string }[] = await em.execute(`select distinct status from report order by 1`);
    expect(statuses.map((row) => row.status)).toEqual(expect.arrayContaining(['ACCEPTED', 'SUBMITTED']));
    const expected: { status: string }[] = await em.execute(
      `select distinct status from expected_reports('2000-01-01', ?::date, ?::date, ?, null, null, null)`,
      [DAY, DAY, apps[0].config.timeZone],
    );
    expect(expected.length).toBeGreaterThan(0);
    // Every submitted revision was submitted on or before the day it was generated for, and never before its period began.
    const impossible: { n: number }[] = await em.execute(
      `select count(*)::int as n from report where submitted_at::date > ?::date or submitted_at::date < period_start`,
      [DAY],
    );
    expect(impossible[0].n).toBe(0);
  });
});
