// The menu shows only what the signed-in role may use; the server refuses the rest anyway.
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Menu, usePermissions } from 'react-admin';

import { can } from '../providers/auth-provider';

export function ConsoleMenu() {
  const { permissions: role } = usePermissions();
  return (
    <Menu>
      <Menu.DashboardItem primaryText="app.menu.dashboard" />
      <Menu.ResourceItem name="documents" />
      <Menu.ResourceItem name="tasks" />
      <Menu.Item to="/trace" primaryText="app.menu.trace" leftIcon={<AccountTreeIcon />} />
      {can.edit(role) ? <Menu.Item to="/import" primaryText="app.menu.import" leftIcon={<UploadFileIcon />} /> : null}
      <Menu.ResourceItem name="reports" />
      <Menu.ResourceItem name="expectedReports" />
      <Menu.ResourceItem name="agencies" />
      {can.readAccounts(role) ? <Menu.ResourceItem name="users" /> : null}
      {can.readAccounts(role) ? <Menu.ResourceItem name="apiTokens" /> : null}
      {can.readAudit(role) ? <Menu.ResourceItem name="auditEvents" /> : null}
    </Menu>
  );
}
