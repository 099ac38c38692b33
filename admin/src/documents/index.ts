import DescriptionIcon from '@mui/icons-material/Description';

import { can } from '../providers/auth-provider';
import { DocumentCreate } from './DocumentCreate';
import { DocumentEdit } from './DocumentEdit';
import { DocumentList } from './DocumentList';
import { DocumentShow } from './DocumentShow';

export const documents = (role: unknown) => ({
  list: DocumentList,
  show: DocumentShow,
  edit: can.edit(role) ? DocumentEdit : undefined,
  create: can.edit(role) ? DocumentCreate : undefined,
  icon: DescriptionIcon,
  recordRepresentation: (record: { symbol?: string | null; title?: string }) => record.symbol || record.title || '',
});
