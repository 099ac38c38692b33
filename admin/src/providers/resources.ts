// How each react-admin resource maps onto the public GraphQL API: its fields, connection, filter, order and mutations.
export type RecordData = Record<string, unknown> & { id?: string };

export interface ResourceSpec {
  /** The GraphQL type, for node(id) fragments. */
  type: string;
  /** Selection of one record. */
  fields: string;
  /** Selection in lists, when lighter than `fields`. */
  listFields?: string;
  /** Root connection field. */
  connection: string;
  /** Filter input type of the connection, if it takes one. */
  filterType?: string;
  /** Order input type and react-admin field → order enum. */
  order?: { type: string; fields: Record<string, string> };
  /** react-admin filter values → the connection's filter. */
  toFilter?: (filter: Record<string, unknown>) => Record<string, unknown>;
  /** Not a Node: getOne pages through the connection. */
  notNode?: boolean;
  create?: { mutation: string; inputType: string; toInput: (data: RecordData) => RecordData; resultPath?: string };
  update?: { mutation: string; inputType: string; toInput: (data: RecordData, previous: RecordData) => RecordData };
  remove?: { mutation: string };
  /** Adds the flat ids react-admin's inputs edit (issuerId, leadIds …) beside the nested objects the API answers. */
  decorate?: (record: RecordData) => RecordData;
}

const idOf = (value: unknown): string | undefined =>
  value && typeof value === 'object' && 'id' in value ? String((value as { id: unknown }).id) : value ? String(value) : undefined;

/** Empty strings from cleared inputs become null, which the API reads as "no value". */
const blankToNull = (value: unknown) => (value === '' ? null : value);

/** Keeps only the given keys of the record, cleaned, and only when they differ from the previous version on update. */
function pick(data: RecordData, keys: string[], previous?: RecordData): RecordData {
  const result: RecordData = {};
  for (const key of keys) {
    if (!(key in data)) continue;
    const value = blankToNull(data[key]);
    if (previous && JSON.stringify(value) === JSON.stringify(blankToNull(previous[key]))) continue;
    if (!previous && (value === null || value === undefined)) continue;
    result[key] = value;
  }
  return result;
}

const enumList = (value: unknown) =>
  value === undefined || value === '' || value === null ? undefined : Array.isArray(value) ? value : [value];

function clean(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== '' && value !== null));
}

const AGENCY_REF = 'id name shortName';
const DOCUMENT_REF = 'id symbol kind title issuedOn referenced';

const TASK_FIELDS = `id version title description kind dueDate duePhrase recurrence progressStatus completedOn deadlineStatus createdAt updatedAt
  targets { text comparator value unit }
  document { ${DOCUMENT_REF} }
  sourceClause { id path label citation text }
  parentTask { id title }
  assignments { id version role requested inherited agency { ${AGENCY_REF} } }`;

const taskInput = (data: RecordData) => {
  const input = pick(data, ['title', 'description', 'kind', 'dueDate', 'duePhrase', 'recurrence', 'progressStatus', 'completedOn']);
  input.sourceClauseId = idOf(data.sourceClauseId ?? data.sourceClause);
  if (data.parentTaskId) input.parentTaskId = data.parentTaskId;
  input.assignments = assignmentsOf(data);
  input.targets = targetsOf(data);
  return input;
};

function assignmentsOf(data: RecordData) {
  const leads = (data.leadIds as string[] | undefined) ?? [];
  const coordinators = (data.coordinatorIds as string[] | undefined) ?? [];
  const requested = Boolean(data.requested);
  return [
    ...leads.map((agencyId) => ({ agencyId, role: 'LEAD', requested })),
    ...coordinators.filter((id) => !leads.includes(id)).map((agencyId) => ({ agencyId, role: 'COORDINATOR', requested })),
  ];
}

/** The values a report gives against its task's targets, by the target's position. */
function targetValuesOf(data: RecordData) {
  const values = (data.targetValues as RecordData[] | undefined) ?? [];
  return values
    .filter((entry) => entry && entry.value !== '' && entry.value !== null && entry.value !== undefined)
    .map((entry) => ({ targetIndex: Number(entry.targetIndex), value: Number(entry.value), text: blankToNull(entry.text) ?? null }));
}

function targetsOf(data: RecordData) {
  const targets = (data.targets as RecordData[] | undefined) ?? [];
  return targets
    .filter((target) => target && target.text)
    .map((target) => ({
      text: target.text,
      comparator: blankToNull(target.comparator) ?? null,
      value: target.value === '' || target.value === undefined ? null : Number(target.value),
      unit: blankToNull(target.unit) ?? null,
    }));
}

export const RESOURCES: Record<string, ResourceSpec> = {
  documents: {
    type: 'Document',
    connection: 'documents',
    filterType: 'DocumentFilter',
    fields: `id version kind symbol title issuedOn place status referenced signerName signerTitle createdAt updatedAt
      issuer { ${AGENCY_REF} }
      recipients { name purpose agency { id name } }`,
    listFields: `id version kind symbol title issuedOn status referenced createdAt issuer { ${AGENCY_REF} }`,
    order: { type: 'DocumentOrder', fields: { issuedOn: 'ISSUED_ON', symbol: 'SYMBOL', title: 'TITLE', createdAt: 'CREATED_AT' } },
    toFilter: (filter) =>
      clean({
        search: filter.q,
        kind: enumList(filter.kind),
        status: enumList(filter.status),
        issuerId: filter.issuerId,
        year: filter.year ? Number(filter.year) : undefined,
        referenced: filter.referenced,
      }),
    create: {
      mutation: 'createDocument',
      inputType: 'CreateDocumentInput',
      toInput: (data) => ({
        ...pick(data, ['kind', 'symbol', 'title', 'issuedOn', 'place', 'status', 'signerName', 'signerTitle', 'referenced']),
        issuerId: idOf(data.issuerId ?? data.issuer),
      }),
    },
    update: {
      mutation: 'updateDocument',
      inputType: 'UpdateDocumentInput',
      toInput: (data, previous) => {
        const input = pick(data, ['kind', 'symbol', 'title', 'issuedOn', 'place', 'status', 'signerName', 'signerTitle'], previous);
        const issuerId = idOf(data.issuerId ?? data.issuer);
        if (issuerId !== idOf(previous.issuer)) input.issuerId = issuerId ?? null;
        return input;
      },
    },
    remove: { mutation: 'deleteDocument' },
    decorate: (record) => ({ ...record, issuerId: idOf(record.issuer) ?? null }),
  },
  clauses: {
    type: 'Clause',
    connection: 'clauses',
    filterType: 'ClauseFilter',
    fields: `id version path label kind heading text citation depth position document { ${DOCUMENT_REF} } parent { id path }`,
    toFilter: (filter) => clean({ search: filter.q, documentId: filter.documentId, kind: enumList(filter.kind) }),
    create: {
      mutation: 'addClause',
      inputType: 'AddClauseInput',
      toInput: (data) => pick(data, ['documentId', 'parentId', 'position', 'label', 'kind', 'heading', 'text']),
    },
    update: {
      mutation: 'updateClause',
      inputType: 'UpdateClauseInput',
      toInput: (data, previous) => pick(data, ['label', 'kind', 'heading', 'text'], previous),
    },
    remove: { mutation: 'deleteClause' },
  },
  tasks: {
    type: 'Task',
    connection: 'tasks',
    filterType: 'TaskFilter',
    fields: TASK_FIELDS,
    listFields: `id version title dueDate duePhrase deadlineStatus progressStatus recurrence kind
      document { ${DOCUMENT_REF} } sourceClause { id path citation }
      assignments { id role agency { ${AGENCY_REF} } }`,
    order: { type: 'TaskOrder', fields: { dueDate: 'DUE_DATE', title: 'TITLE', createdAt: 'CREATED_AT' } },
    toFilter: (filter) =>
      clean({
        search: filter.q,
        agencyId: filter.agencyId,
        role: filter.agencyId ? filter.role : undefined,
        deadlineStatus: enumList(filter.deadlineStatus),
        progressStatus: enumList(filter.progressStatus),
        kind: enumList(filter.kind),
        documentId: filter.documentId,
        sourceClauseId: filter.sourceClauseId,
        dueFrom: filter.dueFrom,
        dueTo: filter.dueTo,
      }),
    create: { mutation: 'createTask', inputType: 'CreateTaskInput', toInput: taskInput },
    update: {
      mutation: 'updateTask',
      inputType: 'UpdateTaskInput',
      toInput: (data) => {
        const input = taskInput(data);
        // The API reads an omitted field as "unchanged"; a cleared date must be sent as null to clear it.
        for (const key of ['dueDate', 'duePhrase', 'completedOn', 'description'])
          if (key in data) input[key] = blankToNull(data[key]) ?? null;
        return input;
      },
    },
    remove: { mutation: 'deleteTask' },
    decorate: (record) => {
      const assignments = (record.assignments as { role: string; requested?: boolean; agency: { id: string } }[] | undefined) ?? [];
      return {
        ...record,
        sourceClauseId: idOf(record.sourceClause) ?? null,
        documentId: idOf(record.document) ?? null,
        leadIds: assignments.filter((a) => a.role === 'LEAD').map((a) => a.agency.id),
        coordinatorIds: assignments.filter((a) => a.role === 'COORDINATOR').map((a) => a.agency.id),
        requested: assignments.some((a) => a.requested),
      };
    },
  },
  agencies: {
    type: 'Agency',
    connection: 'agencies',
    filterType: 'AgencyFilter',
    fields: `id version name shortName aliases kind level isGroup createdAt updatedAt parent { id name }
      members { id name } memberOf { id name }`,
    listFields: `id version name shortName aliases kind level isGroup parent { id name }`,
    order: { type: 'AgencyOrder', fields: { name: 'NAME', createdAt: 'CREATED_AT' } },
    toFilter: (filter) =>
      clean({
        search: filter.q,
        kind: enumList(filter.kind),
        level: enumList(filter.level),
        isGroup: filter.isGroup,
        parentId: filter.parentId,
      }),
    create: {
      mutation: 'createAgency',
      inputType: 'CreateAgencyInput',
      toInput: (data) => ({
        ...pick(data, ['name', 'shortName', 'kind', 'level', 'isGroup']),
        aliases: ((data.aliases as string[] | undefined) ?? []).filter(Boolean),
        parentId: idOf(data.parentId ?? data.parent),
        memberIds: data.memberIds ?? undefined,
      }),
    },
    update: {
      mutation: 'updateAgency',
      inputType: 'UpdateAgencyInput',
      toInput: (data, previous) => {
        const input = pick(data, ['name', 'shortName', 'kind', 'level', 'isGroup'], previous);
        input.aliases = ((data.aliases as string[] | undefined) ?? []).filter(Boolean);
        const parentId = idOf(data.parentId ?? data.parent);
        if (parentId !== idOf(previous.parent)) input.parentId = parentId ?? null;
        if (data.memberIds) input.memberIds = data.memberIds;
        return input;
      },
    },
    remove: { mutation: 'deleteAgency' },
    decorate: (record) => ({
      ...record,
      parentId: idOf(record.parent) ?? null,
      memberIds: ((record.members as { id: string }[] | undefined) ?? []).map((member) => member.id),
    }),
  },
  reports: {
    type: 'Report',
    connection: 'reports',
    filterType: 'ReportFilter',
    fields: `id version kind status revision periodStart periodEnd dueOn deliveryStatus progress text reviewComment submittedAt createdAt updatedAt
      agency { ${AGENCY_REF} } task { id title targets { text comparator value unit } document { ${DOCUMENT_REF} } sourceClause { id path citation } }
      document { ${DOCUMENT_REF} }
      targetValues { targetIndex value text }
      transitions { fromStatus toStatus at actorName comment }
      attachments { id fileName byteSize mediaType }`,
    listFields: `id version kind status revision periodStart periodEnd dueOn deliveryStatus progress submittedAt
      agency { ${AGENCY_REF} } task { id title }`,
    toFilter: (filter) =>
      clean({
        taskId: filter.taskId,
        agencyId: filter.agencyId,
        documentId: filter.documentId,
        status: enumList(filter.status),
        kind: enumList(filter.kind),
        deliveryStatus: enumList(filter.deliveryStatus),
        latestRevision: filter.latestRevision,
        periodFrom: filter.periodFrom,
        periodTo: filter.periodTo,
      }),
    create: {
      mutation: 'createReport',
      inputType: 'CreateReportInput',
      toInput: (data) => ({
        ...pick(data, ['taskId', 'documentId', 'agencyId', 'kind', 'periodStart', 'periodEnd', 'progress', 'text']),
        targetValues: targetValuesOf(data),
      }),
    },
    update: {
      mutation: 'updateReport',
      inputType: 'UpdateReportInput',
      toInput: (data, previous) => ({
        ...pick(data, ['kind', 'periodStart', 'periodEnd', 'progress', 'text'], previous),
        targetValues: targetValuesOf(data),
      }),
    },
    remove: { mutation: 'deleteReport' },
  },
  expectedReports: {
    type: 'ExpectedReport',
    connection: 'expectedReports',
    filterType: 'ExpectedReportFilter!',
    notNode: true,
    fields: `periodStart periodEnd dueOn status receivedOn agency { ${AGENCY_REF} } task { id title document { ${DOCUMENT_REF} } } report { id status revision }`,
    toFilter: (filter) => {
      const year = new Date().getFullYear();
      return clean({
        from: filter.from || `${year}-01-01`,
        to: filter.to || `${year}-12-31`,
        taskId: filter.taskId,
        agencyId: filter.agencyId,
        documentId: filter.documentId,
        status: enumList(filter.status),
      });
    },
    // An expected report has no ID of its own: it is one agency's report on one task for one period.
    decorate: (record) => ({
      ...record,
      id: [idOf(record.task), idOf(record.agency), record.periodStart].join('|'),
    }),
  },
  users: {
    type: 'User',
    connection: 'users',
    filterType: 'UserFilter',
    notNode: true,
    fields: `id version username displayName role active lastLoginAt lockedUntil failedLogins createdAt updatedAt agency { ${AGENCY_REF} }`,
    toFilter: (filter) => clean({ search: filter.q, role: enumList(filter.role), active: filter.active, agencyId: filter.agencyId }),
    create: {
      mutation: 'createUser',
      inputType: 'CreateUserInput',
      toInput: (data) => pick(data, ['username', 'displayName', 'password', 'role', 'agencyId']),
    },
    update: {
      mutation: 'updateUser',
      inputType: 'UpdateUserInput',
      toInput: (data, previous) => {
        const input = pick(data, ['displayName', 'role', 'active', 'password'], previous);
        if (!data.password) delete input.password;
        const agencyId = idOf(data.agencyId ?? data.agency);
        if (agencyId !== idOf(previous.agency)) input.agencyId = agencyId ?? null;
        return input;
      },
    },
    decorate: (record) => ({ ...record, agencyId: idOf(record.agency) ?? null }),
  },
  apiTokens: {
    type: 'ApiToken',
    connection: 'apiTokens',
    filterType: 'ApiTokenFilter',
    notNode: true,
    fields: `id version name role status createdAt expiresAt lastUsedAt revokedAt createdBy { id username }`,
    toFilter: (filter) => clean({ status: enumList(filter.status) }),
    create: {
      mutation: 'createApiToken',
      inputType: 'CreateApiTokenInput',
      toInput: (data) => pick(data, ['name', 'expiresAt']),
      resultPath: 'token',
    },
  },
  auditEvents: {
    type: 'AuditEvent',
    connection: 'auditEvents',
    filterType: 'AuditEventFilter',
    notNode: true,
    fields: `id at action entityType entityId transactionId actor { id kind name } changes { field before after }`,
    toFilter: (filter) =>
      clean({
        entityType: filter.entityType,
        entityId: filter.entityId,
        actorName: filter.actorName,
        action: enumList(filter.action),
        transactionId: filter.transactionId,
        from: filter.from ? new Date(`${filter.from}T00:00:00+07:00`).toISOString() : undefined,
        to: filter.to ? new Date(`${filter.to}T23:59:59+07:00`).toISOString() : undefined,
      }),
  },
};
