import HistoryIcon from '@mui/icons-material/History';

import { AuditEventList } from './AuditEventList';

export const auditEvents = { list: AuditEventList, icon: HistoryIcon };
