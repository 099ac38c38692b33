import { useRecordContext } from 'react-admin';

import { ReportStatusChip } from '../common/fields';

export function ReportStatusField(_: { label?: string; source?: string; sortable?: boolean }) {
  const record = useRecordContext();
  return <ReportStatusChip status={record?.status as string | undefined} />;
}
