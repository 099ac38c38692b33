// Moving a draft report to a status through the workflow's own mutations, for tests that need reports in every state.
import type { TestClient } from './test-app';

const STEP = `id version status submittedAt`;
export const SUBMIT_REPORT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { ${STEP} } }`;
export const ACCEPT_REPORT = `mutation($input: ReportStepInput!) { acceptReport(input: $input) { ${STEP} } }`;
export const RETURN_REPORT = `mutation($input: ReturnReportInput!) { returnReport(input: $input) { ${STEP} reviewComment } }`;
export const REVISE_REPORT = `mutation($input: ReportStepInput!) { reviseReport(input: $input) { ${STEP} revision } }`;

export interface ReportState {
  id: string;
  version: number;
  status: string;
}

/** `report` (a DRAFT) taken to `status` by `client`: SUBMITTED, ACCEPTED or RETURNED. */
export async function moveReport(client: TestClient, report: ReportState, status: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED') {
  if (status === 'DRAFT') return report;
  const submitted: ReportState = (await client.ok(SUBMIT_REPORT, { input: { id: report.id, version: report.version } })).submitReport;
  if (status === 'SUBMITTED') return submitted;
  const step = { id: submitted.id, version: submitted.version };
  if (status === 'ACCEPTED') return (await client.ok(ACCEPT_REPORT, { input: step })).acceptReport as ReportState;
  return (await client.ok(RETURN_REPORT, { input: { ...step, comment: 'Bổ sung số liệu' } })).returnReport as ReportState;
}
