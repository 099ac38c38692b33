import EventNoteIcon from '@mui/icons-material/EventNote';
import SummarizeIcon from '@mui/icons-material/Summarize';

import { can } from '../providers/auth-provider';
import { ExpectedReportList } from './ExpectedReportList';
import { ReportCreate, ReportEdit } from './ReportEdit';
import { ReportList } from './ReportList';
import { ReportShow } from './ReportShow';

export const reports = (role: unknown) => ({
  list: ReportList,
  show: ReportShow,
  edit: can.writeReports(role) ? ReportEdit : undefined,
  create: can.writeReports(role) ? ReportCreate : undefined,
  icon: SummarizeIcon,
  recordRepresentation: (record: { agency?: { name: string }; periodEnd?: string }) =>
    `${record.agency?.name ?? ''} ${record.periodEnd ?? ''}`,
});

export const expectedReports = { list: ExpectedReportList, icon: EventNoteIcon };
