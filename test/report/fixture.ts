// A small plan whose oversight figures are counted by hand (oversight.test.ts says how), built through the API on the
// test day 2025-03-01: six tasks, six agencies, reports on time, late, returned, revised and missing. Reports that
// came on paper are submitted with receivedOn, the day they arrived.
import { Client } from 'pg';

import { ACCEPT_REPORT, RETURN_REPORT, REVISE_REPORT, SUBMIT_REPORT } from '../support/report-workflow';
import type { TestApp } from '../support/test-app';

export const AGENCIES = {
  A: 'Sở Alpha (kiểm thử báo cáo)',
  B: 'Sở Beta (kiểm thử báo cáo)',
  C: 'Sở Gamma (kiểm thử báo cáo)',
  G: 'Các sở kiểm thử báo cáo',
  U: 'Ủy ban kiểm thử báo cáo',
  P: 'Công an kiểm thử báo cáo',
} as const;
export type AgencyKey = keyof typeof AGENCIES;

export interface ReportingFixture {
  documentId: string;
  agency: Record<AgencyKey, string>;
  task: Record<'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6', string>;
  report: Record<string, { id: string; version: number; status: string }>;
}

const CREATE_AGENCY = `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id } }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`;
const CREATE_REPORT = `mutation($input: CreateReportInput!) { createReport(input: $input) { id version status } }`;

export async function buildReportingFixture(app: TestApp): Promise<ReportingFixture> {
  const agency = {} as Record<AgencyKey, string>;
  for (const key of ['A', 'B', 'C', 'U', 'P'] as const) {
    const kind = key === 'U' ? 'PEOPLES_COMMITTEE' : key === 'P' ? 'POLICE' : 'DEPARTMENT';
    agency[key] = (await app.ok(CREATE_AGENCY, { input: { name: AGENCIES[key], kind, level: 'PROVINCE' } })).createAgency.id;
  }
  agency.G = (
    await app.ok(CREATE_AGENCY, {
      input: { name: AGENCIES.G, kind: 'DEPARTMENT', level: 'PROVINCE', isGroup: true, memberIds: [agency.A, agency.B] },
    })
  ).createAgency.id;

  const { createDocument } = await app.ok(
    `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id clauses { id path } } }`,
    {
      input: {
        kind: 'PLAN',
        symbol: '99/KH-KTBC',
        title: 'Kế hoạch kiểm thử chế độ báo cáo',
        issuedOn: '2024-10-10',
        clauses: [1, 2, 3, 4, 5, 6].map((n) => ({ label: `${n}.`, kind: 'SECTION', text: `Nhiệm vụ thứ ${n}.` })),
      },
    },
  );
  const clause = (n: number) => createDocument.clauses.find((c: { path: string }) => c.path === String(n)).id;
  const lead = (key: AgencyKey) => ({ agencyId: agency[key], role: 'LEAD' });
  const coordinator = (key: AgencyKey) => ({ agencyId: agency[key], role: 'COORDINATOR' });
  const task = async (input: Record<string, unknown>) => (await app.ok(CREATE_TASK, { input })).createTask.id as string;
  const tasks = {
    T1: await task({
      sourceClauseId: clause(1),
      title: 'Báo cáo quý về Ủy ban (qua Công an)',
      kind: 'REPORTING',
      recurrence: 'QUARTERLY',
      assignments: [lead('G')],
      reportingDuty: { reportToId: agency.U, reportViaId: agency.P, reporterGroupId: agency.G, dueDay: 15 },
    }),
    T2: await task({
      sourceClauseId: clause(2),
      title: 'Báo cáo tháng',
      kind: 'REPORTING',
      recurrence: 'MONTHLY',
      assignments: [lead('C')],
      reportingDuty: { reportToId: agency.U, dueDay: 5, dueMonthOffset: 1 },
    }),
    T3: await task({
      sourceClauseId: clause(3),
      title: 'Kéo giảm tai nạn',
      dueDate: '2025-02-15',
      assignments: [lead('A'), coordinator('C')],
      targets: [{ text: 'kéo giảm ít nhất 5%', comparator: 'REDUCE_BY_AT_LEAST', value: 5, unit: '%' }],
    }),
    T4: await task({ sourceClauseId: clause(4), title: 'Tập huấn', dueDate: '2025-03-05', assignments: [lead('B')] }),
    T5: await task({
      sourceClauseId: clause(5),
      title: 'Ban hành quy chế',
      dueDate: '2025-01-31',
      progressStatus: 'DONE',
      completedOn: '2025-01-20',
      assignments: [lead('A')],
    }),
    T6: await task({
      sourceClauseId: clause(6),
      title: 'Báo cáo một lần',
      kind: 'REPORTING',
      dueDate: '2025-01-31',
      assignments: [lead('A'), coordinator('B')],
    }),
  };

  const report: ReportingFixture['report'] = {};
  const file = async (key: string, input: Record<string, unknown>, receivedOn?: string) => {
    const draft = (await app.ok(CREATE_REPORT, { input: { kind: 'PERIODIC', ...input } })).createReport;
    report[key] = receivedOn
      ? (await app.ok(SUBMIT_REPORT, { input: { id: draft.id, version: draft.version, receivedOn } })).submitReport
      : draft;
    return report[key];
  };
  const quarter4 = { periodStart: '2024-10-01', periodEnd: '2024-12-31' };
  const accept = async (key: string) => {
    report[key] = (await app.ok(ACCEPT_REPORT, { input: { id: report[key].id, version: report[key].version } })).acceptReport;
  };
  await file('R1', { taskId: tasks.T1, agencyId: agency.A, ...quarter4 }, '2024-12-10');
  await accept('R1');
  await file('R2', { taskId: tasks.T1, agencyId: agency.B, ...quarter4 }, '2024-12-20');
  await file('R3', { taskId: tasks.T2, agencyId: agency.C, periodStart: '2024-10-01', periodEnd: '2024-10-31' }, '2024-11-04');
  await accept('R3');
  // November: on time, returned, corrected in revision 2 after the due date; still on time by its first submission.
  await file('R4', { taskId: tasks.T2, agencyId: agency.C, periodStart: '2024-11-01', periodEnd: '2024-11-30' }, '2024-12-05');
  const returnedR4 = (await app.ok(RETURN_REPORT, { input: { id: report.R4.id, version: report.R4.version, comment: 'Thiếu số liệu' } }))
    .returnReport;
  const revisionR4 = (await app.ok(REVISE_REPORT, { input: { id: report.R4.id, version: returnedR4.version } })).reviseReport;
  report.R4 = returnedR4;
  report.R4b = (
    await app.ok(SUBMIT_REPORT, { input: { id: revisionR4.id, version: revisionR4.version, receivedOn: '2024-12-20' } })
  ).submitReport;
  // December: returned and never corrected.
  await file('R5', { taskId: tasks.T2, agencyId: agency.C, periodStart: '2024-12-01', periodEnd: '2024-12-31' }, '2025-01-03');
  report.R5 = (await app.ok(RETURN_REPORT, { input: { id: report.R5.id, version: report.R5.version, comment: 'Sai mẫu' } })).returnReport;
  await file('R6', { taskId: tasks.T6, agencyId: agency.A, periodStart: '2024-10-10', periodEnd: '2025-01-31' }, '2025-01-30');
  await file(
    'R7',
    {
      taskId: tasks.T3,
      agencyId: agency.A,
      kind: 'AD_HOC',
      periodStart: '2025-01-01',
      periodEnd: '2025-01-31',
      progress: 40,
      targetValues: [{ targetIndex: 0, value: 3.5, text: 'giảm 3,5%' }],
    },
    '2025-02-01',
  );
  return { documentId: createDocument.id, agency, task: tasks, report };
}

/** A pg client on the test app's database, for the few facts only SQL can show. */
export async function sqlClient(app: TestApp): Promise<Client> {
  const client = new Client({ connectionString: app.databaseUrl });
  await client.connect();
  return client;
}
