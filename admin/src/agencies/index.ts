import AccountBalanceIcon from '@mui/icons-material/AccountBalance';

import { can } from '../providers/auth-provider';
import { AgencyCreate, AgencyEdit } from './AgencyEdit';
import { AgencyList } from './AgencyList';
import { AgencyShow } from './AgencyShow';

export const agencies = (role: unknown) => ({
  list: AgencyList,
  show: AgencyShow,
  edit: can.edit(role) ? AgencyEdit : undefined,
  create: can.edit(role) ? AgencyCreate : undefined,
  icon: AccountBalanceIcon,
  recordRepresentation: 'name',
});
