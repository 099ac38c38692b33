// Who may use each root field of the API: the one table the server enforces (authorization.ts) and the tests walk.
// A root field missing here is refused to everyone, and test/account/permissions.test.ts fails naming it.
import { Role } from './actor';

/** A caller with no session and no token. */
export const ANONYMOUS = 'ANONYMOUS';
export type Caller = Role | typeof ANONYMOUS;

const { ADMIN, EDITOR, AUDITOR, REPORTER, INTEGRATOR } = Role;

/** Anybody, signed in or not. */
const PUBLIC: readonly Caller[] = [ANONYMOUS, ADMIN, EDITOR, AUDITOR, REPORTER, INTEGRATOR];
/** Every role reads the registry; a REPORTER never sees another agency's draft reports (report-scope.ts). */
const READERS: readonly Caller[] = [ADMIN, EDITOR, AUDITOR, REPORTER, INTEGRATOR];
/** Accounts, tokens and the audit trail: not for reporters nor integrators. */
const STAFF_READERS: readonly Caller[] = [ADMIN, EDITOR, AUDITOR];
/** Documents, clauses, tasks, assignments, agencies, imports. */
const EDITORS: readonly Caller[] = [ADMIN, EDITOR];
/** Reports; a REPORTER only for its own agency, on tasks assigned to it (report-scope.ts). */
const REPORT_WRITERS: readonly Caller[] = [ADMIN, EDITOR, REPORTER];
/** Users and API tokens. */
const ADMINS: readonly Caller[] = [ADMIN];

export const QUERY_PERMISSIONS: Readonly<Record<string, readonly Caller[]>> = {
  me: PUBLIC,

  node: READERS,
  agencies: READERS,
  agency: READERS,
  documents: READERS,
  document: READERS,
  clauses: READERS,
  clause: READERS,
  tasks: READERS,
  task: READERS,
  reports: READERS,
  report: READERS,
  expectedReports: READERS,
  oversight: READERS,

  // Import previews write nothing but are the editors' tool (and parsing a file costs the server).
  previewImport: EDITORS,
  previewImportFile: EDITORS,

  users: STAFF_READERS,
  apiTokens: STAFF_READERS,
  auditEvents: STAFF_READERS,
};

export const MUTATION_PERMISSIONS: Readonly<Record<string, readonly Caller[]>> = {
  login: PUBLIC,
  // Public so that a console whose session already expired can still clear its cookie.
  logout: PUBLIC,

  createAgency: EDITORS,
  updateAgency: EDITORS,
  deleteAgency: EDITORS,
  createDocument: EDITORS,
  updateDocument: EDITORS,
  deleteDocument: EDITORS,
  createDocumentRelation: EDITORS,
  updateDocumentRelation: EDITORS,
  deleteDocumentRelation: EDITORS,
  addClause: EDITORS,
  updateClause: EDITORS,
  moveClause: EDITORS,
  deleteClause: EDITORS,
  createTask: EDITORS,
  updateTask: EDITORS,
  deleteTask: EDITORS,
  addAssignment: EDITORS,
  updateAssignment: EDITORS,
  removeAssignment: EDITORS,
  commitImport: EDITORS,

  createReport: REPORT_WRITERS,
  updateReport: REPORT_WRITERS,
  deleteReport: REPORT_WRITERS,
  submitReport: REPORT_WRITERS,
  reviseReport: REPORT_WRITERS,
  addReportAttachment: REPORT_WRITERS,
  removeReportAttachment: REPORT_WRITERS,
  // The reviewer's answers: a reporter never judges reports.
  acceptReport: EDITORS,
  returnReport: EDITORS,

  createUser: ADMINS,
  updateUser: ADMINS,
  createApiToken: ADMINS,
  revokeApiToken: ADMINS,
};

export type RootOperation = 'Query' | 'Mutation';

const TABLES: Record<RootOperation, Readonly<Record<string, readonly Caller[]>>> = {
  Query: QUERY_PERMISSIONS,
  Mutation: MUTATION_PERMISSIONS,
};

/** Whether the table lists this root field at all. */
export function isListed(operation: RootOperation, field: string): boolean {
  return Object.hasOwn(TABLES[operation], field);
}

/** Who may use a root field; nobody when the table does not list it (fail closed). */
export function allowedCallers(operation: RootOperation, field: string): readonly Caller[] {
  return isListed(operation, field) ? TABLES[operation][field] : [];
}

export function mayUse(operation: RootOperation, field: string, caller: Caller): boolean {
  return allowedCallers(operation, field).includes(caller);
}
