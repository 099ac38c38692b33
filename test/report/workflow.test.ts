// The report workflow through the API: every legal step, every illegal one, revisions that keep what was submitted,
// attachments with their hash, target values checked against the task, and concurrent filings of one period.
import { createHash } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { decodeGlobalId } from '../../server/graphql/global-id';
import { Role } from '../../server/modules/account/actor';
import { ACCEPT_REPORT, RETURN_REPORT, REVISE_REPORT, SUBMIT_REPORT } from '../support/report-workflow';
import { createTestApp, type TestApp } from '../support/test-app';
import { buildReportingFixture, type ReportingFixture, sqlClient } from './fixture';

let app: TestApp;
let fixture: ReportingFixture;

const CREATE = `mutation($input: CreateReportInput!) { createReport(input: $input) { id version status revision } }`;
const UPDATE = `mutation($input: UpdateReportInput!) { updateReport(input: $input) { id version status text } }`;
const READ = `query($id: ID!) { report(id: $id) {
  id version status revision text progress reviewComment submittedAt previousRevision { id status }
  transitions { fromStatus toStatus actorName comment }
  attachments { fileName mediaType byteSize sha256 }
  targetValues { targetIndex value text }
} }`;

let month = 0;
/** A fresh draft on T3 (an ACTION task led by A, with one target) for a month of its own. */
async function draft(extra: Record<string, unknown> = {}) {
  const start = `2026-${String(++month).padStart(2, '0')}`;
  return (
    await app.ok(CREATE, {
      input: {
        taskId: fixture.task.T3,
        agencyId: fixture.agency.A,
        kind: 'PERIODIC',
        periodStart: `${start}-01`,
        periodEnd: `${start}-28`,
        ...extra,
      },
    })
  ).createReport;
}
const step = (report: { id: string; version: number }) => ({ input: { id: report.id, version: report.version } });
const read = async (id: string) => (await app.ok(READ, { id })).report;

beforeAll(async () => {
  app = await createTestApp();
  fixture = await buildReportingFixture(app);
});
afterAll(async () => app?.stop());

describe('the report workflow', () => {
  it('goes DRAFT → SUBMITTED → ACCEPTED, recording who moved it and when', async () => {
    const report = await draft({ text: 'Tháng 1' });
    expect(report).toMatchObject({ status: 'DRAFT', revision: 1 });
    const submitted = (await app.as(Role.EDITOR).ok(SUBMIT_REPORT, step(report))).submitReport;
    expect(submitted.status).toBe('SUBMITTED');
    const accepted = (await app.ok(ACCEPT_REPORT, step(submitted))).acceptReport;
    expect(accepted.status).toBe('ACCEPTED');
    const stored = await read(report.id);
    expect(stored.transitions).toEqual([
      { fromStatus: null, toStatus: 'DRAFT', actorName: 'admin', comment: null },
      { fromStatus: 'DRAFT', toStatus: 'SUBMITTED', actorName: 'editor', comment: null },
      { fromStatus: 'SUBMITTED', toStatus: 'ACCEPTED', actorName: 'admin', comment: null },
    ]);
    expect(Date.parse(stored.submittedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('goes SUBMITTED → RETURNED with a comment, and a new revision carries the correction while the returned one stays', async () => {
    const report = await draft({ text: 'Bản đầu', progress: 10, targetValues: [{ targetIndex: 0, value: 2 }] });
    const submitted = (await app.ok(SUBMIT_REPORT, step(report))).submitReport;
    const returned = (await app.ok(RETURN_REPORT, { input: { ...step(submitted).input, comment: '  Bổ sung số liệu quý  ' } }))
      .returnReport;
    expect(returned).toMatchObject({ status: 'RETURNED', reviewComment: 'Bổ sung số liệu quý' });
    const revision = (await app.ok(REVISE_REPORT, step(returned))).reviseReport;
    expect(revision).toMatchObject({ status: 'DRAFT', revision: 2 });
    const edited = (await app.ok(UPDATE, { input: { id: revision.id, version: revision.version, text: 'Bản sửa' } })).updateReport;
    await app.ok(SUBMIT_REPORT, step(edited));
    const [first, second] = [await read(report.id), await read(revision.id)];
    expect(first).toMatchObject({ status: 'RETURNED', text: 'Bản đầu', revision: 1 });
    expect(second).toMatchObject({
      status: 'SUBMITTED',
      text: 'Bản sửa',
      progress: 10,
      revision: 2,
      previousRevision: { id: report.id, status: 'RETURNED' },
      targetValues: [{ targetIndex: 0, value: 2, text: null }],
    });
    expect(second.transitions[0]).toMatchObject({ fromStatus: null, toStatus: 'DRAFT', comment: 'Revision 2 of a returned report' });
  });

  it('refuses every illegal step with BAD_USER_INPUT, and the report is left as it was', async () => {
    const report = await draft();
    // A draft is neither accepted, returned nor revised.
    expect(await app.errorCode(ACCEPT_REPORT, step(report))).toBe('BAD_USER_INPUT');
    expect(await app.errorCode(RETURN_REPORT, { input: { ...step(report).input, comment: 'x' } })).toBe('BAD_USER_INPUT');
    expect(await app.errorCode(REVISE_REPORT, step(report))).toBe('BAD_USER_INPUT');
    const submitted = (await app.ok(SUBMIT_REPORT, step(report))).submitReport;
    // A submitted report is not submitted again, edited, deleted or revised.
    const again = await app.gql(SUBMIT_REPORT, step(submitted));
    expect(again.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/accepted \(acceptReport\) or returned/),
    });
    expect(await app.errorCode(UPDATE, { input: { ...step(submitted).input, text: 'sửa' } })).toBe('BAD_USER_INPUT');
    expect(await app.errorCode(`mutation($input: DeleteInput!) { deleteReport(input: $input) { id } }`, step(submitted))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await app.errorCode(REVISE_REPORT, step(submitted))).toBe('BAD_USER_INPUT');
    // A return needs a comment.
    expect(await app.errorCode(RETURN_REPORT, { input: { ...step(submitted).input, comment: '' } })).toBe('BAD_USER_INPUT');
    const accepted = (await app.ok(ACCEPT_REPORT, step(submitted))).acceptReport;
    // An accepted report is final.
    for (const mutation of [SUBMIT_REPORT, ACCEPT_REPORT, REVISE_REPORT])
      expect(await app.errorCode(mutation, step(accepted))).toBe('BAD_USER_INPUT');
    expect(await app.errorCode(RETURN_REPORT, { input: { ...step(accepted).input, comment: 'muộn' } })).toBe('BAD_USER_INPUT');
    const stored = await read(report.id);
    expect(stored).toMatchObject({ status: 'ACCEPTED', version: accepted.version });
    expect(stored.transitions).toHaveLength(3);
  });

  it('refuses a stale version with CONFLICT, a future receivedOn, and receivedOn from a reporter', async () => {
    const report = await draft();
    expect(await app.errorCode(SUBMIT_REPORT, { input: { id: report.id, version: report.version - 1 } })).toBe('CONFLICT');
    expect(await app.errorCode(SUBMIT_REPORT, { input: { ...step(report).input, receivedOn: '2030-01-01' } })).toBe('BAD_USER_INPUT');
    expect(await app.as(Role.REPORTER).errorCode(SUBMIT_REPORT, { input: { ...step(report).input, receivedOn: '2025-01-01' } })).toBe(
      'FORBIDDEN',
    );
    expect((await read(report.id)).status).toBe('DRAFT');
  });

  it('keeps one report per agency, task and period: a second one answers CONFLICT pointing at the first', async () => {
    const report = await draft();
    const again = await app.gql(CREATE, {
      input: {
        taskId: fixture.task.T3,
        agencyId: fixture.agency.A,
        kind: 'AD_HOC',
        periodStart: `2026-${String(month).padStart(2, '0')}-01`,
        periodEnd: `2026-${String(month).padStart(2, '0')}-28`,
      },
    });
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', reportId: report.id } });
  });
});

describe('target values and attachments', () => {
  it('checks target values against the task’s targets', async () => {
    expect(
      await app.errorCode(CREATE, {
        input: {
          taskId: fixture.task.T3,
          agencyId: fixture.agency.A,
          kind: 'PERIODIC',
          periodStart: '2027-01-01',
          periodEnd: '2027-01-31',
          targetValues: [{ targetIndex: 1, value: 1 }],
        },
      }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await app.errorCode(CREATE, {
        input: {
          taskId: fixture.task.T3,
          agencyId: fixture.agency.A,
          kind: 'PERIODIC',
          periodStart: '2027-01-01',
          periodEnd: '2027-01-31',
          targetValues: [
            { targetIndex: 0, value: 1 },
            { targetIndex: 0, value: 2 },
          ],
        },
      }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await app.errorCode(CREATE, {
        input: {
          documentId: fixture.documentId,
          agencyId: fixture.agency.A,
          kind: 'PERIODIC',
          periodStart: '2027-01-01',
          periodEnd: '2027-01-31',
          targetValues: [{ targetIndex: 0, value: 1 }],
        },
      }),
    ).toBe('BAD_USER_INPUT');
  });

  it('stores a file in PostgreSQL with its SHA-256, gives it back whole, and carries it into a revision', async () => {
    const report = await draft();
    const content = Buffer.from('Báo cáo kết quả thực hiện tháng — tệp đính kèm', 'utf8');
    const ADD = `mutation($input: AddReportAttachmentInput!) { addReportAttachment(input: $input) { id fileName byteSize sha256 contentBase64 } }`;
    const added = (
      await app.ok(ADD, {
        input: { reportId: report.id, fileName: 'bao-cao.txt', mediaType: 'text/plain', contentBase64: content.toString('base64') },
      })
    ).addReportAttachment;
    expect(added).toMatchObject({
      fileName: 'bao-cao.txt',
      byteSize: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    expect(Buffer.from(added.contentBase64, 'base64').equals(content)).toBe(true);
    expect(
      await app.errorCode(ADD, { input: { reportId: report.id, fileName: '../x', mediaType: 'text/plain', contentBase64: 'eA==' } }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await app.errorCode(ADD, { input: { reportId: report.id, fileName: 'x.txt', mediaType: 'text/plain', contentBase64: '***' } }),
    ).toBe('BAD_USER_INPUT');

    const current = await read(report.id);
    const submitted = (await app.ok(SUBMIT_REPORT, step(current))).submitReport;
    // Filed: no new files.
    expect(
      await app.errorCode(ADD, { input: { reportId: report.id, fileName: 'y.txt', mediaType: 'text/plain', contentBase64: 'eA==' } }),
    ).toBe('BAD_USER_INPUT');
    const returned = (await app.ok(RETURN_REPORT, { input: { ...step(submitted).input, comment: 'Ký tên' } })).returnReport;
    const revision = (await app.ok(REVISE_REPORT, step(returned))).reviseReport;
    expect((await read(revision.id)).attachments).toEqual([
      { fileName: 'bao-cao.txt', mediaType: 'text/plain', byteSize: content.length, sha256: added.sha256 },
    ]);
    // The audit trail names the file and its hash, never its bytes.
    const sql = await sqlClient(app);
    try {
      const { rows } = await sql.query(`select changes from audit_event where entity_type = 'ReportAttachment' and action = 'CREATE'`);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.changes.sha256.after).toMatch(/^[0-9a-f]{64}$/);
        expect(row.changes.content).toBeUndefined();
      }
    } finally {
      await sql.end();
    }
  });
});

describe('concurrent filings of one agency’s report for one period', () => {
  it('lets exactly one of many simultaneous first reports in; the others answer CONFLICT and nothing is half-written', async () => {
    const input = {
      taskId: fixture.task.T3,
      agencyId: fixture.agency.A,
      kind: 'PERIODIC',
      periodStart: '2028-01-01',
      periodEnd: '2028-03-31',
    };
    const answers = await Promise.all(Array.from({ length: 6 }, (_, n) => app.gql(CREATE, { input: { ...input, text: `bản ${n}` } })));
    const won = answers.filter((answer) => !answer.errors);
    expect(won).toHaveLength(1);
    for (const lost of answers.filter((answer) => answer.errors)) expect(lost.errors![0].extensions?.code).toBe('CONFLICT');
    const { reports } = await app.ok(
      `query($taskId: ID!) { reports(filter: { taskId: $taskId, periodFrom: "2028-01-01", periodTo: "2028-03-31" }) { totalCount } }`,
      { taskId: fixture.task.T3 },
    );
    expect(reports.totalCount).toBe(1);
  });

  it('makes exactly one revision of a returned report when two correct it at once; the returned one is kept', async () => {
    const report = await draft();
    const submitted = (await app.ok(SUBMIT_REPORT, step(report))).submitReport;
    const returned = (await app.ok(RETURN_REPORT, { input: { ...step(submitted).input, comment: 'Sửa' } })).returnReport;
    const answers = await Promise.all(Array.from({ length: 5 }, () => app.gql(REVISE_REPORT, step(returned))));
    const won = answers.filter((answer) => !answer.errors);
    expect(won).toHaveLength(1);
    for (const lost of answers.filter((answer) => answer.errors)) expect(lost.errors![0].extensions?.code).toBe('CONFLICT');
    const sql = await sqlClient(app);
    try {
      const { rows } = await sql.query(
        `select revision, status from report where task_id = (select task_id from report where id = $1) and period_start = (select period_start from report where id = $1) order by revision`,
        [decodeGlobalId(report.id)!.uuid],
      );
      expect(rows).toEqual([
        { revision: 1, status: 'RETURNED' },
        { revision: 2, status: 'DRAFT' },
      ]);
    } finally {
      await sql.end();
    }
  });
});
