import { registerEnumType } from 'type-graphql';

export enum ReportKind {
  PERIODIC = 'PERIODIC',
  INTERIM_REVIEW = 'INTERIM_REVIEW',
  FINAL_REVIEW = 'FINAL_REVIEW',
  AD_HOC = 'AD_HOC',
}

export enum ReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  RETURNED = 'RETURNED',
}

registerEnumType(ReportKind, { name: 'ReportKind', description: 'PERIODIC, INTERIM_REVIEW = sơ kết, FINAL_REVIEW = tổng kết, AD_HOC' });
registerEnumType(ReportStatus, { name: 'ReportStatus' });

/** What became of one report a reporting duty expects, for one agency and period; derived, never stored. */
export enum ExpectedReportStatus {
  RECEIVED = 'RECEIVED',
  LATE = 'LATE',
  MISSING = 'MISSING',
  NOT_YET_DUE = 'NOT_YET_DUE',
}

registerEnumType(ExpectedReportStatus, {
  name: 'ExpectedReportStatus',
  description: 'RECEIVED by its due date, LATE (received after it), MISSING (past due, not received), NOT_YET_DUE',
});
