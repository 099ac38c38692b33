// The console: react-admin over the registry's public GraphQL API, Vietnamese first.
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';

import { apiTokens, users } from './accounts';
import { agencies } from './agencies';
import { auditEvents } from './audit';
import { Dashboard } from './dashboard/Dashboard';
import { documents } from './documents';
import { i18nProvider } from './i18n/i18n-provider';
import { ImportWizard } from './import/ImportWizard';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import { authProvider, can } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { expectedReports, reports } from './reports';
import { tasks } from './tasks';
import { ClauseTracePage } from './trace/ClauseTracePage';
import { TaskTracePage } from './trace/TaskTracePage';
import { TraceStartPage } from './trace/TraceStartPage';

export function App() {
  return (
    <Admin
      title="app.title"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={ConsoleLayout}
      loginPage={LoginPage}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      {(role) => (
        <>
          <Resource name="documents" {...documents(role)} />
          <Resource name="tasks" {...tasks(role)} />
          <Resource name="reports" {...reports(role)} />
          <Resource name="expectedReports" {...expectedReports} />
          <Resource name="agencies" {...agencies(role)} />
          <Resource name="clauses" recordRepresentation="path" />
          {can.readAccounts(role) ? <Resource name="users" {...users(role)} /> : null}
          {can.readAccounts(role) ? <Resource name="apiTokens" {...apiTokens(role)} /> : null}
          {can.readAudit(role) ? <Resource name="auditEvents" {...auditEvents} /> : null}
          <CustomRoutes>
            {can.edit(role) ? <Route path="/import" element={<ImportWizard />} /> : null}
            <Route path="/trace" element={<TraceStartPage />} />
            <Route path="/trace/task/:id" element={<TaskTracePage />} />
            <Route path="/trace/clause/:id" element={<ClauseTracePage />} />
          </CustomRoutes>
        </>
      )}
    </Admin>
  );
}
