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
