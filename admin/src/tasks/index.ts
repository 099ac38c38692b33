import AssignmentIcon from '@mui/icons-material/Assignment';

import { can } from '../providers/auth-provider';
import { TaskCreate } from './TaskCreate';
import { TaskEdit } from './TaskEdit';
import { TaskList } from './TaskList';
import { TaskShow } from './TaskShow';

export const tasks = (role: unknown) => ({
  list: TaskList,
  show: TaskShow,
  edit: can.edit(role) ? TaskEdit : undefined,
  create: can.edit(role) ? TaskCreate : undefined,
  icon: AssignmentIcon,
  recordRepresentation: 'title',
});
