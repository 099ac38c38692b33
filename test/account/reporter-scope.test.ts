// A reporter of Công an tỉnh Đắk Nông: reads everyone's filed reports but only its own agency's drafts, by any road;
// files and submits reports only for its own agency, on tasks assigned to it.
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createContext } from '../../server/graphql/context';
import { type Actor, Role, runAs } from '../../server/modules/account/actor';
import { ACCEPT_REPORT, moveReport, RETURN_REPORT, REVISE_REPORT, SUBMIT_REPORT } from '../support/report-workflow';
import { createTestApp, type TestApp, type TestClient } from '../support/test-app';

const POLICE = 'Công an tỉnh Đắk Nông';
const NEWSPAPER = 'Báo Đắk Nông';

const CREATE = `mutation($input: CreateReportInput!) { createReport(input: $input) { id version status agency { name } } }`;
const UPDATE = `mutation($input: UpdateReportInput!) { updateReport(input: $input) { id version status submittedAt } }`;
const DELETE = `mutation($input: DeleteInput!) { deleteReport(input: $input) { id } }`;

let app: TestApp;
let sql: Client;
let reporter: TestClient;
const agencies: Record<string, { id: string; uuid: string }> = {};
/** A task assigned to the police, one assigned to the newspaper, one assigned to neither (nor to a group of theirs). */
const tasks: Record<'police' | 'newspaper' | 'neither', { id: string; uuid: string }> = {} as never;
/** The newspaper's reports, filed by an editor: one draft, one submitted. */
let newspaperDraft: { id: string; version: number };
let newspaperSubmitted: { id: string; version: number };

function globalId(typeName: string, uuid: string): string {
  return Buffer.from(`${typeName}:${uuid}`, 'utf8').toString('base64url');
}

/** Tasks assigned to an agency, directly or through a group it is a member of. */
const ASSIGNED_TO = `select a.task_id from assignment a
  where a.agency_id = $1 or a.agency_id in (select group_id from agency_group_member where member_id = $1)`;

// An agency files one report per task and period: each input gets a month of its own.
let months = 0;

function reportInput(task: keyof typeof tasks, agency: string, extra: Record<string, unknown> = {}) {
  const month = months++;
  const start = `${2020 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
  return {
    taskId: tasks[task].id,
    agencyId: agencies[agency].id,
    periodStart: `${start}-01`,
    periodEnd: `${start}-28`,
    kind: 'PERIODIC',
    ...extra,
  };
}

beforeAll(async () => {
  app = await createTestApp();
  sql = new Client({ connectionString: app.databaseUrl });
  await sql.connect();
  reporter = app.as(Role.REPORTER);
  for (const name of [POLICE, NEWSPAPER]) {
    const { rows } = await sql.query(`select id from agency where name = $1`, [name]);
    agencies[name] = { uuid: rows[0].id, id: globalId('Agency', rows[0].id) };
  }
  const pick = async (sqlText: string, params: unknown[]) => {
    const { rows } = await sql.query(sqlText, params);
    return { uuid: rows[0].id as string, id: globalId('Task', rows[0].id) };
  };
  tasks.police = await pick(`select t.id from task t where t.id in (${ASSIGNED_TO}) order by t.id limit 1`, [agencies[POLICE].uuid]);
  tasks.newspaper = await pick(
    `select t.id from task t where t.id in (${ASSIGNED_TO.replace(/\$1/g, '$2')}) and t.id not in (${ASSIGNED_TO}) order by t.id limit 1`,
    [agencies[POLICE].uuid, agencies[NEWSPAPER].uuid],
  );
  tasks.neither = await pick(`select t.id from task t where t.id not in (${ASSIGNED_TO}) order by t.id limit 1`, [agencies[POLICE].uuid]);

  newspaperDraft = (await app.ok(CREATE, { input: reportInput('newspaper', NEWSPAPER, { text: 'Bản nháp của Báo Đắk Nông' }) }))
    .createReport;
  const created = (await app.ok(CREATE, { input: reportInput('newspaper', NEWSPAPER, { text: 'Báo cáo đã gửi của Báo Đắk Nông' }) }))
    .createReport;
  newspaperSubmitted = await moveReport(app, created, 'SUBMITTED');
});
afterAll(async () => {
  await sql?.end();
  await app?.stop();
});

describe('what a reporter reads', () => {
  it('sees other agencies’ submitted reports but not their drafts, in lists, counts and filters', async () => {
    const all = await reporter.ok(`{ reports(first: 100) { totalCount nodes { id status agency { name } } } }`);
    const ids = all.reports.nodes.map((report: { id: string }) => report.id);
    expect(ids).toContain(newspaperSubmitted.id);
    expect(ids).not.toContain(newspaperDraft.id);
    expect(all.reports.totalCount).toBe(all.reports.nodes.length);
    const drafts = await reporter.ok(`{ reports(filter: { status: [DRAFT] }) { totalCount nodes { agency { name } } } }`);
    expect(drafts.reports.nodes.every((report: { agency: { name: string } }) => report.agency.name === POLICE)).toBe(true);
    const ofProcuracy = await reporter.ok(`query($agency: ID!) { reports(filter: { agencyId: $agency }) { totalCount } }`, {
      agency: agencies[NEWSPAPER].id,
    });
    expect(ofProcuracy.reports.totalCount).toBe(1);
    // An editor sees both.
    const asEditor = await app.as(Role.EDITOR).ok(`query($agency: ID!) { reports(filter: { agencyId: $agency }) { totalCount } }`, {
      agency: agencies[NEWSPAPER].id,
    });
    expect(asEditor.reports.totalCount).toBe(2);
  });

  it('gets null for another agency’s draft by report(id) and node(id), as for a report that does not exist', async () => {
    const byId = await reporter.ok(`query($id: ID!) { report(id: $id) { id } node(id: $id) { id } }`, { id: newspaperDraft.id });
    expect(byId).toEqual({ report: null, node: null });
    const submitted = await reporter.ok(`query($id: ID!) { report(id: $id) { text } }`, { id: newspaperSubmitted.id });
    expect(submitted.report.text).toBe('Báo cáo đã gửi của Báo Đắk Nông');
  });

  it('cannot reach them through a relation either: the loader behind task.reports is scoped the same way', async () => {
    const actor: Actor = { kind: 'USER', id: null, name: 'reporter', role: Role.REPORTER, agencyId: agencies[POLICE].uuid };
    const context = runAs(actor, () => createContext(app.orm, app.config));
    const reports = await context.loaders.report.ofTask.load(tasks.newspaper.uuid);
    expect(reports.map((report) => report.status)).toEqual(['SUBMITTED']);
    const editorContext = runAs({ ...actor, role: Role.EDITOR, agencyId: null }, () => createContext(app.orm, app.config));
    expect(await editorContext.loaders.report.ofTask.load(tasks.newspaper.uuid)).toHaveLength(2);
  });

  it('sees its own agency’s drafts, which a reporter of another agency does not', async () => {
    const own = (await reporter.ok(CREATE, { input: reportInput('police', POLICE, { text: 'Nháp của Công an tỉnh' }) })).createReport;
    expect((await reporter.ok(`query($id: ID!) { report(id: $id) { text } }`, { id: own.id })).report.text).toBe('Nháp của Công an tỉnh');
    await app.ok(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { username: 'bao-reporter', password: 'bao-reporter-pw', role: 'REPORTER', agencyId: agencies[NEWSPAPER].id },
    });
    const other = app.as({ username: 'bao-reporter' });
    expect((await other.ok(`query($id: ID!) { report(id: $id) { id } }`, { id: own.id })).report).toBeNull();
    expect((await other.ok(`query($id: ID!) { report(id: $id) { id } }`, { id: newspaperDraft.id })).report).not.toBeNull();
    await reporter.ok(DELETE, { input: { id: own.id, version: own.version } });
  });
});

describe('what a reporter writes', () => {
  it('files a draft on a task assigned to its agency, edits it and submits it; then it is the editors’', async () => {
    const created = (await reporter.ok(CREATE, { input: reportInput('police', POLICE, { text: 'Quý I', progress: 30 }) })).createReport;
    expect(created).toMatchObject({ status: 'DRAFT', agency: { name: POLICE } });
    const edited = (await reporter.ok(UPDATE, { input: { id: created.id, version: created.version, progress: 40 } })).updateReport;
    const submitted = (await reporter.ok(SUBMIT_REPORT, { input: { id: created.id, version: edited.version } })).submitReport;
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.submittedAt).not.toBeNull();
    const again = await reporter.gql(UPDATE, { input: { id: created.id, version: submitted.version, text: 'sửa sau khi gửi' } });
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/already SUBMITTED/) });
    expect(await reporter.errorCode(DELETE, { input: { id: created.id, version: submitted.version } })).toBe('FORBIDDEN');
    // An editor returns it; the reporter corrects it in a new revision and submits that.
    const returned = (
      await app.as(Role.EDITOR).ok(RETURN_REPORT, { input: { id: created.id, version: submitted.version, comment: 'Thiếu số liệu' } })
    ).returnReport;
    const revision = (await reporter.ok(REVISE_REPORT, { input: { id: created.id, version: returned.version } })).reviseReport;
    expect(revision).toMatchObject({ status: 'DRAFT', revision: 2 });
    await reporter.ok(UPDATE, { input: { id: revision.id, version: revision.version, progress: 45 } });
    const resubmitted = await reporter.ok(SUBMIT_REPORT, { input: { id: revision.id, version: revision.version + 1 } });
    expect(resubmitted.submitReport.status).toBe('SUBMITTED');
  });

  it('cannot accept or return a report: those are the editors’ answers', async () => {
    const created = (await reporter.ok(CREATE, { input: reportInput('police', POLICE) })).createReport;
    const submitted = (await reporter.ok(SUBMIT_REPORT, { input: { id: created.id, version: created.version } })).submitReport;
    const step = { id: submitted.id, version: submitted.version };
    expect(await reporter.errorCode(ACCEPT_REPORT, { input: step })).toBe('FORBIDDEN');
    expect(await reporter.errorCode(RETURN_REPORT, { input: { ...step, comment: 'tự trả lại' } })).toBe('FORBIDDEN');
    expect((await app.ok(`query($id: ID!) { report(id: $id) { status } }`, { id: created.id })).report.status).toBe('SUBMITTED');
  });

  it('cannot file a report on a task not assigned to its agency', async () => {
    const before = (await sql.query(`select count(*)::int as n from report`)).rows[0].n;
    for (const task of ['neither', 'newspaper'] as const) {
      const refused = await reporter.gql(CREATE, { input: reportInput(task, POLICE) });
      expect(refused.errors?.[0].extensions?.code, task).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toMatch(/is not assigned to Công an tỉnh Đắk Nông/);
    }
    expect((await sql.query(`select count(*)::int as n from report`)).rows[0].n).toBe(before);
  });

  it('cannot file for another agency, nor on a whole document', async () => {
    const forOther = await reporter.gql(CREATE, { input: reportInput('newspaper', NEWSPAPER) });
    expect(forOther.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringMatching(/only for Công an tỉnh/),
    });
    const document = (await app.ok(`{ document(symbol: "19/KH-UBND") { id } }`)).document.id;
    const onDocument = await reporter.gql(CREATE, {
      input: {
        documentId: document,
        agencyId: agencies[POLICE].id,
        periodStart: '2025-01-01',
        periodEnd: '2025-06-30',
        kind: 'INTERIM_REVIEW',
      },
    });
    expect(onDocument.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/give taskId/) });
  });

  it('cannot change another agency’s reports: a draft it cannot see is NOT_FOUND, a submitted one FORBIDDEN', async () => {
    const draft = await reporter.gql(UPDATE, { input: { id: newspaperDraft.id, version: newspaperDraft.version, text: 'x' } });
    expect(draft.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await reporter.errorCode(DELETE, { input: { id: newspaperDraft.id, version: newspaperDraft.version } })).toBe('NOT_FOUND');
    const submitted = await reporter.gql(UPDATE, { input: { id: newspaperSubmitted.id, version: newspaperSubmitted.version, text: 'x' } });
    expect(submitted.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/another agency/) });
    const { rows } = await sql.query(`select text from report where id = $1`, [
      Buffer.from(newspaperDraft.id, 'base64url').toString().split(':')[1],
    ]);
    expect(rows[0].text).toBe('Bản nháp của Báo Đắk Nông');
  });

  it('files on a task assigned to a group its agency belongs to', async () => {
    const group = (
      await app.ok(`mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id } }`, {
        input: { name: 'Khối nội chính tỉnh Đắk Nông', kind: 'OTHER', level: 'PROVINCE', isGroup: true, memberIds: [agencies[POLICE].id] },
      })
    ).createAgency;
    await app.ok(`mutation($input: AddAssignmentInput!) { addAssignment(input: $input) { id } }`, {
      input: { taskId: tasks.neither.id, agencyId: group.id, role: 'COORDINATOR' },
    });
    const created = await reporter.ok(CREATE, { input: reportInput('neither', POLICE) });
    expect(created.createReport.status).toBe('DRAFT');
  });

  it('cannot write anything but reports', async () => {
    const refused = await reporter.gql(`mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }`, {
      input: { id: tasks.police.id, version: 1, title: 'x' },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
