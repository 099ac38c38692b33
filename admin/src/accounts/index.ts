import KeyIcon from '@mui/icons-material/Key';
import PeopleIcon from '@mui/icons-material/People';

import { can } from '../providers/auth-provider';
import { ApiTokenCreate, ApiTokenList } from './ApiTokens';
import { UserCreate, UserEdit, UserList } from './Users';

export const users = (role: unknown) => ({
  list: UserList,
  edit: can.manageAccounts(role) ? UserEdit : undefined,
  create: can.manageAccounts(role) ? UserCreate : undefined,
  icon: PeopleIcon,
  recordRepresentation: 'username',
});

export const apiTokens = (role: unknown) => ({
  list: ApiTokenList,
  create: can.manageAccounts(role) ? ApiTokenCreate : undefined,
  icon: KeyIcon,
  recordRepresentation: 'name',
});
