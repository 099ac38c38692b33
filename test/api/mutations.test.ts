// Every mutation through the real HTTP endpoint: what it stores, and the stable code it answers for bad input.
import { randomUUID } from 'node:crypto';

import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
let sql: Client;

/** 5 MB of text: far above every limit, well below the body limit, so the server must refuse it itself. */
const HUGE = 'a'.repeat(5 * 1024 * 1024);

const TABLES: Record<string, string> = {
  Agency: 'agency',
  Document: 'document',
  DocumentRelation: 'document_relation',
  Clause: 'clause',
  Task: 'task',
  Assignment: 'assignment',
  Report: 'report',
};

function globalId(typeName: string, uuid: string): string {
  return Buffer.from(`${typeName}:${uuid}`, 'utf8').toString('base64url');
}

/** A well-formed ID of a record that does not exist. */
const nothing = (typeName: string) => globalId(typeName, randomUUID());

function uuidOf(id: string): { table: string; uuid: string } {
  const [typeName, uuid] = Buffer.from(id, 'base64url').toString('utf8').split(':');
  return { table: TABLES[typeName], uuid };
}

/**
 * The stored version of a record. Read from the database because the GraphQL types do not expose `version`
 * (RecordEntity's fields are not inherited by the object types); updates and deletes still require it.
 */
async function versionOf(id: string): Promise<number> {
  const { table, uuid } = uuidOf(id);
  const { rows } = await sql.query(`select version from "${table}" where id = $1`, [uuid]);
  if (!rows.length) throw new Error(`no ${table} ${uuid}`);
  return rows[0].version;
}

async function rowCount(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const { rows } = await sql.query(`select count(*)::int as n from "${table}" where ${where}`, params);
  return rows[0].n;
}

/** The one field a mutation answers, for a mutation that must succeed. */
async function run<T = any>(mutation: string, input: unknown): Promise<T> {
  const data = await app.ok<Record<string, T>>(mutation, { input });
  return Object.values(data)[0];
}

/** Sends the mutation, which must fail with `code`; the message must say what to fix when `message` is given. */
async function expectRefusal(mutation: string, input: unknown, code: string, message?: RegExp): Promise<string> {
  const response = await app.gql(mutation, { input });
  expect(response.errors, `expected ${code}, got data ${JSON.stringify(response.data)}`).toBeDefined();
  const [error] = response.errors!;
  expect(error.extensions?.code, error.message).toBe(code);
  if (message) expect(error.message).toMatch(message);
  expect(response.data ?? null).toBeNull();
  return error.message;
}

/** A 5 MB value was refused; the server still answers the next request normally. */
async function expectHugeRefused(mutation: string, input: unknown): Promise<void> {
  await expectRefusal(mutation, input, 'BAD_USER_INPUT');
  const data = await app.ok(`{ document(symbol: "19/KH-UBND") { symbol kind } }`);
  expect(data.document).toEqual({ symbol: '19/KH-UBND', kind: 'PLAN' });
}

function without<T extends Record<string, unknown>>(input: T, ...keys: (keyof T)[]): Partial<T> {
  const copy = { ...input };
  for (const key of keys) delete copy[key];
  return copy;
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations and read-backs

const CREATE_AGENCY = `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id name } }`;
const UPDATE_AGENCY = `mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { id name shortName aliases } }`;
const DELETE_AGENCY = `mutation($input: DeleteInput!) { deleteAgency(input: $input) { id } }`;
const AGENCY = `query($id: ID!) { agency(id: $id) { name shortName aliases kind level isGroup parent { name } members { name } } }`;

const CREATE_DOCUMENT = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id symbol } }`;
const UPDATE_DOCUMENT = `mutation($input: UpdateDocumentInput!) { updateDocument(input: $input) { id title status } }`;
const DELETE_DOCUMENT = `mutation($input: DeleteInput!) { deleteDocument(input: $input) { id } }`;
const DOCUMENT = `query($id: ID!) {
  document(id: $id) {
    kind symbol title issuedOn place status signerName signerTitle referenced originalText
    issuer { name }
    recipients { name purpose agency { name } }
    clauses { path label kind heading text position depth parent { path } }
    references { type to { symbol } citingClause { path } targetClause { path } citationText }
    lineage { depth to { symbol } }
  }
}`;

const CREATE_RELATION = `mutation($input: CreateDocumentRelationInput!) { createDocumentRelation(input: $input) { id type } }`;
const DELETE_RELATION = `mutation($input: DeleteInput!) { deleteDocumentRelation(input: $input) { id } }`;

const ADD_CLAUSE = `mutation($input: AddClauseInput!) { addClause(input: $input) { id path position } }`;
const UPDATE_CLAUSE = `mutation($input: UpdateClauseInput!) { updateClause(input: $input) { id path label text } }`;
const MOVE_CLAUSE = `mutation($input: MoveClauseInput!) { moveClause(input: $input) { id path position parent { path } } }`;
const DELETE_CLAUSE = `mutation($input: DeleteInput!) { deleteClause(input: $input) { id } }`;
const TREE = `query($id: ID!) { document(id: $id) { clauses { id path label position text heading parent { path } } } }`;

const ASSIGNMENTS_IN_FULL =
  'assignments { id version createdAt updatedAt role requested inherited agency { id name shortName kind version } }';
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id title ${ASSIGNMENTS_IN_FULL} } }`;
const UPDATE_TASK = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id title progressStatus } }`;
const DELETE_TASK = `mutation($input: DeleteInput!) { deleteTask(input: $input) { id } }`;
const TASK = `query($id: ID!) {
  task(id: $id) {
    title description dueDate duePhrase recurrence kind progressStatus completedOn deadlineStatus
    targets { text comparator value unit }
    sourceClause { path }
    document { symbol }
    parentTask { title }
    assignments { id role requested inherited agency { name } }
  }
}`;

const ADD_ASSIGNMENT = `mutation($input: AddAssignmentInput!) { addAssignment(input: $input) { id role requested agency { name } task { title } } }`;
const UPDATE_ASSIGNMENT = `mutation($input: UpdateAssignmentInput!) { updateAssignment(input: $input) { id role requested } }`;
const REMOVE_ASSIGNMENT = `mutation($input: DeleteInput!) { removeAssignment(input: $input) { id } }`;

const CREATE_REPORT = `mutation($input: CreateReportInput!) { createReport(input: $input) { id status } }`;
const UPDATE_REPORT = `mutation($input: UpdateReportInput!) { updateReport(input: $input) { id status } }`;
const DELETE_REPORT = `mutation($input: DeleteInput!) { deleteReport(input: $input) { id } }`;
const SUBMIT_REPORT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { id status } }`;
const REPORT = `query($id: ID!) {
  report(id: $id) { kind status text progress periodStart periodEnd submittedAt agency { name } task { title } document { symbol } }
}`;

// ---------------------------------------------------------------------------------------------------------------
// The demo plan 19/KH-UBND and what it names

const POLICE = 'Công an tỉnh Đắk Nông';
const PROCURACY = 'Viện kiểm sát nhân dân tỉnh Đắk Nông';
const COURT = 'Tòa án nhân dân tỉnh Đắk Nông';
const PROVINCE = 'Ủy ban nhân dân tỉnh Đắk Nông';
const PROVINCE_OFFICE = 'Văn phòng Ủy ban nhân dân tỉnh Đắk Nông';
const GOVERNMENT_OFFICE = 'Văn phòng Chính phủ';

let agencyId: (name: string) => string;
let plan: { id: string };
let plan197: { id: string };
let regulation: { id: string };
let clauseId: (path: string) => Promise<string>;
let taskCount: () => Promise<number>;

beforeAll(async () => {
  app = await createTestApp();
  sql = new Client({ connectionString: app.databaseUrl });
  await sql.connect();
  const data = await app.ok(`{
    agencies(first: 100) { nodes { id name } }
    plan: document(symbol: "19/KH-UBND") { id }
    plan197: document(symbol: "197-KH/TU") { id }
    regulation: document(symbol: "183-QĐ/TW") { id }
  }`);
  const agencies = new Map<string, string>(data.agencies.nodes.map((agency: { id: string; name: string }) => [agency.name, agency.id]));
  agencyId = (name) => {
    const id = agencies.get(name);
    if (!id) throw new Error(`no agency ${name}`);
    return id;
  };
  ({ plan, plan197, regulation } = data);
  clauseId = async (path) => {
    const found = await app.ok(`query($id: ID!, $path: String!) { document(id: $id) { clause(path: $path) { id } } }`, {
      id: plan.id,
      path,
    });
    if (!found.document.clause) throw new Error(`no clause ${path} in 19/KH-UBND`);
    return found.document.clause.id;
  };
  taskCount = async () => (await app.ok(`{ tasks { totalCount } }`)).tasks.totalCount;
});

afterAll(async () => {
  await sql?.end();
  await app?.stop();
});

// ---------------------------------------------------------------------------------------------------------------

describe('agencies', () => {
  let justice: string;

  it('createAgency stores the agency with its parent, trimmed name and de-duplicated aliases', async () => {
    const created = await run(CREATE_AGENCY, {
      name: '  Sở Tư pháp tỉnh Đắk Nông ',
      shortName: 'STP',
      aliases: ['Sở Tư pháp', ' Sở Tư pháp ', ''],
      kind: 'DEPARTMENT',
      level: 'PROVINCE',
      parentId: agencyId(PROVINCE),
    });
    justice = created.id;
    expect((await app.ok(AGENCY, { id: justice })).agency).toEqual({
      name: 'Sở Tư pháp tỉnh Đắk Nông',
      shortName: 'STP',
      aliases: ['Sở Tư pháp'],
      kind: 'DEPARTMENT',
      level: 'PROVINCE',
      isGroup: false,
      parent: { name: PROVINCE },
      members: [],
    });
    const children = await app.ok(`query($id: ID!) { agencies(filter: { parentId: $id }) { nodes { name } } }`, { id: agencyId(PROVINCE) });
    expect(children.agencies.nodes.map((agency: { name: string }) => agency.name)).toContain('Sở Tư pháp tỉnh Đắk Nông');
  });

  it('createAgency of a group stores its members', async () => {
    const group = await run(CREATE_AGENCY, {
      name: 'Các cơ quan tư pháp tỉnh Đắk Nông',
      kind: 'OTHER',
      level: 'PROVINCE',
      memberIds: [agencyId(POLICE), agencyId(PROCURACY)],
    });
    const stored = (await app.ok(AGENCY, { id: group.id })).agency;
    expect(stored.isGroup).toBe(true);
    expect(stored.members.map((member: { name: string }) => member.name).sort()).toEqual([POLICE, PROCURACY].sort());
  });

  it('createAgency refuses missing fields, unknown and foreign IDs, a taken name and 5 MB names', async () => {
    const valid = { name: 'Sở Nội vụ tỉnh Đắk Nông', kind: 'DEPARTMENT', level: 'PROVINCE' };
    const before = await rowCount('agency');
    await expectRefusal(CREATE_AGENCY, without(valid, 'name'), 'BAD_USER_INPUT', /"name"/);
    await expectRefusal(CREATE_AGENCY, without(valid, 'level'), 'BAD_USER_INPUT', /"level"/);
    await expectRefusal(CREATE_AGENCY, { ...valid, name: '' }, 'BAD_USER_INPUT');
    await expectRefusal(CREATE_AGENCY, { ...valid, parentId: nothing('Agency') }, 'NOT_FOUND', /does not exist/);
    await expectRefusal(CREATE_AGENCY, { ...valid, parentId: plan.id }, 'BAD_USER_INPUT', /parentId .* is not the ID of a Agency/);
    await expectRefusal(CREATE_AGENCY, { ...valid, memberIds: [agencyId(POLICE), nothing('Agency')] }, 'NOT_FOUND', /do not exist/);
    await expectRefusal(CREATE_AGENCY, { ...valid, name: POLICE }, 'CONFLICT', /already exists/);
    await expectHugeRefused(CREATE_AGENCY, { ...valid, name: HUGE });
    await expectHugeRefused(CREATE_AGENCY, { ...valid, aliases: [HUGE] });
    expect(await rowCount('agency')).toBe(before);
  });

  it('updateAgency changes what it is given and moves the version', async () => {
    const version = await versionOf(justice);
    const updated = await run(UPDATE_AGENCY, { id: justice, version, shortName: 'Sở TP', aliases: ['STP', 'Sở Tư pháp'] });
    expect(updated).toMatchObject({ shortName: 'Sở TP', aliases: ['STP', 'Sở Tư pháp'] });
    const stored = (await app.ok(AGENCY, { id: justice })).agency;
    expect(stored).toMatchObject({
      name: 'Sở Tư pháp tỉnh Đắk Nông',
      shortName: 'Sở TP',
      aliases: ['STP', 'Sở Tư pháp'],
      parent: { name: PROVINCE },
    });
    expect(await versionOf(justice)).toBe(version + 1);

    await run(UPDATE_AGENCY, { id: justice, version: version + 1, parentId: null });
    expect((await app.ok(AGENCY, { id: justice })).agency.parent).toBeNull();
  });

  it('updateAgency refuses a stale version and keeps the stored agency', async () => {
    const version = await versionOf(justice);
    await expectRefusal(
      UPDATE_AGENCY,
      { id: justice, version: version - 1, shortName: 'overwritten' },
      'CONFLICT',
      /changed by someone else/,
    );
    expect((await app.ok(AGENCY, { id: justice })).agency.shortName).toBe('Sở TP');
    expect(await versionOf(justice)).toBe(version);
  });

  it('updateAgency refuses missing fields, unknown and foreign IDs, a loop of parents and 5 MB names', async () => {
    const version = await versionOf(justice);
    await expectRefusal(UPDATE_AGENCY, { id: justice, name: 'x' }, 'BAD_USER_INPUT', /"version"/);
    await expectRefusal(UPDATE_AGENCY, { version, name: 'x' }, 'BAD_USER_INPUT', /"id"/);
    await expectRefusal(UPDATE_AGENCY, { id: nothing('Agency'), version: 1, name: 'x' }, 'NOT_FOUND', /does not exist/);
    await expectRefusal(UPDATE_AGENCY, { id: plan.id, version: 1, name: 'x' }, 'BAD_USER_INPUT', /is not the ID of a Agency/);
    await expectRefusal(UPDATE_AGENCY, { id: justice, version, parentId: nothing('Agency') }, 'NOT_FOUND');
    await expectRefusal(UPDATE_AGENCY, { id: justice, version, name: POLICE }, 'CONFLICT', /already exists/);
    // The provincial committee under its own office, which sits under it.
    const province = agencyId(PROVINCE);
    await expectRefusal(
      UPDATE_AGENCY,
      { id: province, version: await versionOf(province), parentId: agencyId(PROVINCE_OFFICE) },
      'BAD_USER_INPUT',
      /own sub-agency/,
    );
    expect((await app.ok(AGENCY, { id: province })).agency.parent).toBeNull();
    await expectHugeRefused(UPDATE_AGENCY, { id: justice, version, name: HUGE });
    expect((await app.ok(AGENCY, { id: justice })).agency.name).toBe('Sở Tư pháp tỉnh Đắk Nông');
    expect(await versionOf(justice)).toBe(version);
  });

  it('deleteAgency refuses while documents, tasks or reports still name the agency', async () => {
    const before = await rowCount('agency');
    // Issuer of 19/KH-UBND.
    const province = agencyId(PROVINCE);
    await expectRefusal(DELETE_AGENCY, { id: province, version: await versionOf(province) }, 'CONFLICT');
    // Lead of tasks in II.3 and III.2.
    const police = agencyId(POLICE);
    await expectRefusal(DELETE_AGENCY, { id: police, version: await versionOf(police) }, 'CONFLICT');
    // Named only in the Nơi nhận of 19/KH-UBND.
    const government = agencyId(GOVERNMENT_OFFICE);
    await expectRefusal(DELETE_AGENCY, { id: government, version: await versionOf(government) }, 'CONFLICT', /recipient/i);
    expect(await rowCount('agency')).toBe(before);
    const stillNamed = await app.ok(`{ document(symbol: "19/KH-UBND") { issuer { name } recipients { agency { name } } } }`);
    expect(stillNamed.document.issuer.name).toBe(PROVINCE);
    expect(stillNamed.document.recipients[0].agency).toEqual({ name: GOVERNMENT_OFFICE });
  });

  it('deleteAgency refuses missing fields, a stale version, unknown and foreign IDs and a 5 MB ID', async () => {
    await expectRefusal(DELETE_AGENCY, { id: justice }, 'BAD_USER_INPUT', /"version"/);
    await expectRefusal(DELETE_AGENCY, { id: justice, version: (await versionOf(justice)) - 1 }, 'CONFLICT', /changed by someone else/);
    await expectRefusal(DELETE_AGENCY, { id: nothing('Agency'), version: 1 }, 'NOT_FOUND', /does not exist/);
    await expectRefusal(DELETE_AGENCY, { id: plan.id, version: 1 }, 'BAD_USER_INPUT', /is not the ID of a Agency/);
    await expectHugeRefused(DELETE_AGENCY, { id: HUGE, version: 1 });
    expect((await app.ok(AGENCY, { id: justice })).agency.name).toBe('Sở Tư pháp tỉnh Đắk Nông');
  });

  it('deleteAgency removes an agency nobody names', async () => {
    const deleted = await run(DELETE_AGENCY, { id: justice, version: await versionOf(justice) });
    expect(deleted).toEqual({ id: justice });
    expect((await app.ok(AGENCY, { id: justice })).agency).toBeNull();
    expect(await rowCount('agency', 'id = $1', [uuidOf(justice).uuid])).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('documents', () => {
  let draft: string;
  const draftInput = () => ({
    kind: 'PLAN',
    symbol: ' 25/KH-UBND ',
    title: 'Triển khai công tác bảo vệ người thi hành công vụ năm 2025',
    issuedOn: '2025-02-20',
    place: 'Đắk Nông',
    issuerId: agencyId(PROVINCE),
    signerName: 'Hồ Văn Mười',
    signerTitle: 'Chủ tịch',
    status: 'DRAFT',
    originalText: 'KẾ HOẠCH\nTriển khai công tác bảo vệ người thi hành công vụ năm 2025',
    recipients: [{ name: 'Công an tỉnh', purpose: 'thực hiện', agencyId: agencyId(POLICE) }, { name: 'Lưu: VT' }],
    clauses: [
      { label: '', kind: 'PARAGRAPH', text: 'Thực hiện Kế hoạch số 19/KH-UBND ngày 13/01/2025 của UBND tỉnh;' },
      {
        label: 'I',
        kind: 'PART',
        heading: 'MỤC ĐÍCH, YÊU CẦU',
        text: '',
        children: [
          { label: '1', kind: 'SECTION', text: 'Nâng cao nhận thức.' },
          { label: '2', kind: 'SECTION', text: 'Bảo đảm an toàn.', children: [{ label: '2.1', kind: 'ITEM', text: 'Bảo vệ trụ sở.' }] },
        ],
      },
      { label: 'II', kind: 'PART', heading: 'TỔ CHỨC THỰC HIỆN', text: 'Công an tỉnh theo dõi, đôn đốc.' },
    ],
  });

  it('createDocument stores the document, its recipients and its whole clause tree with paths', async () => {
    const documentsBefore = await rowCount('document');
    const created = await run(CREATE_DOCUMENT, draftInput());
    draft = created.id;
    expect(created.symbol).toBe('25/KH-UBND');
    expect(await rowCount('document')).toBe(documentsBefore + 1);
    const stored = (await app.ok(DOCUMENT, { id: draft })).document;
    expect(stored).toMatchObject({
      kind: 'PLAN',
      symbol: '25/KH-UBND',
      title: 'Triển khai công tác bảo vệ người thi hành công vụ năm 2025',
      issuedOn: '2025-02-20',
      place: 'Đắk Nông',
      status: 'DRAFT',
      signerName: 'Hồ Văn Mười',
      signerTitle: 'Chủ tịch',
      referenced: false,
      originalText: 'KẾ HOẠCH\nTriển khai công tác bảo vệ người thi hành công vụ năm 2025',
      issuer: { name: PROVINCE },
      recipients: [
        { name: 'Công an tỉnh', purpose: 'thực hiện', agency: { name: POLICE } },
        { name: 'Lưu: VT', purpose: null, agency: null },
      ],
      references: [],
    });
    expect(stored.clauses.map((clause: any) => [clause.path, clause.position, clause.depth, clause.parent?.path ?? null])).toEqual([
      ['preamble', 0, 0, null],
      ['I', 1, 0, null],
      ['I.1', 0, 1, 'I'],
      ['I.2', 1, 1, 'I'],
      ['I.2.1', 0, 2, 'I.2'],
      ['II', 2, 0, null],
    ]);
    expect(stored.clauses[1]).toMatchObject({ label: 'I', kind: 'PART', heading: 'MỤC ĐÍCH, YÊU CẦU' });
    expect(stored.clauses[4].text).toBe('Bảo vệ trụ sở.');
  });

  it('createDocument with a duplicate symbol for the same issuer answers CONFLICT and creates nothing', async () => {
    const documents = await rowCount('document');
    const clauses = await rowCount('clause');
    await expectRefusal(CREATE_DOCUMENT, { ...draftInput(), symbol: '19/KH-UBND' }, 'CONFLICT', /already has a document with this symbol/);
    await expectRefusal(CREATE_DOCUMENT, { ...draftInput(), symbol: ' 25/KH-UBND' }, 'CONFLICT', /already has a document with this symbol/);
    expect(await rowCount('document')).toBe(documents);
    expect(await rowCount('clause')).toBe(clauses);
    // Another issuer may use the same number.
    const other = await run(CREATE_DOCUMENT, {
      kind: 'PLAN',
      symbol: '19/KH-UBND',
      title: 'Kế hoạch của Tỉnh ủy',
      issuerId: agencyId('Tỉnh ủy Đắk Nông'),
    });
    try {
      const both = await app.ok(
        `query($party: ID!, $province: ID!) {
          party: document(symbol: "19/KH-UBND", issuerId: $party) { id title }
          province: document(symbol: "19/KH-UBND", issuerId: $province) { id title }
        }`,
        { party: agencyId('Tỉnh ủy Đắk Nông'), province: agencyId(PROVINCE) },
      );
      expect(both.party).toEqual({ id: other.id, title: 'Kế hoạch của Tỉnh ủy' });
      expect(both.province.id).toBe(plan.id);
      const ambiguous = await app.gql(`{ document(symbol: "19/KH-UBND") { id } }`);
      expect(ambiguous.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
        message: expect.stringMatching(/pass issuerId/),
      });
    } finally {
      await run(DELETE_DOCUMENT, { id: other.id, version: await versionOf(other.id) });
    }
  });

  it('createDocument with one clause text too long creates nothing: no document, no clause', async () => {
    const documents = await rowCount('document');
    const clauses = await rowCount('clause');
    const input = draftInput();
    input.symbol = '26/KH-UBND';
    input.clauses[1].children![1].children![0].text = 'x'.repeat(100_001);
    await expectRefusal(CREATE_DOCUMENT, input, 'BAD_USER_INPUT');
    expect(await rowCount('document')).toBe(documents);
    expect(await rowCount('clause')).toBe(clauses);
    expect((await app.ok(`{ document(symbol: "26/KH-UBND") { id } }`)).document).toBeNull();
  });

  it('createDocument refuses missing fields, unknown and foreign IDs and 5 MB texts', async () => {
    const documents = await rowCount('document');
    const valid = { kind: 'DIRECTIVE', symbol: '27/CT-UBND', title: 'Chỉ thị về an ninh trật tự', issuerId: agencyId(PROVINCE) };
    await expectRefusal(CREATE_DOCUMENT, without(valid, 'title'), 'BAD_USER_INPUT', /"title"/);
    await expectRefusal(CREATE_DOCUMENT, without(valid, 'kind'), 'BAD_USER_INPUT', /"kind"/);
    await expectRefusal(CREATE_DOCUMENT, { ...valid, clauses: [{ label: 'I', kind: 'PART' }] }, 'BAD_USER_INPUT', /"text"/);
    await expectRefusal(CREATE_DOCUMENT, { ...valid, issuedOn: '2025-02-30' }, 'BAD_USER_INPUT');
    await expectRefusal(CREATE_DOCUMENT, { ...valid, issuerId: nothing('Agency') }, 'NOT_FOUND', /does not exist/);
    await expectRefusal(CREATE_DOCUMENT, { ...valid, issuerId: plan.id }, 'BAD_USER_INPUT', /issuerId .* is not the ID of a Agency/);
    await expectRefusal(
      CREATE_DOCUMENT,
      { ...valid, recipients: [{ name: 'X', agencyId: nothing('Agency') }] },
      'NOT_FOUND',
      /do not exist/,
    );
    await expectRefusal(
      CREATE_DOCUMENT,
      { ...valid, recipients: [{ name: 'X', agencyId: plan.id }] },
      'BAD_USER_INPUT',
      /not the ID of a Agency/,
    );
    await expectHugeRefused(CREATE_DOCUMENT, { ...valid, title: HUGE });
    await expectHugeRefused(CREATE_DOCUMENT, { ...valid, originalText: HUGE });
    await expectHugeRefused(CREATE_DOCUMENT, { ...valid, clauses: [{ label: 'I', kind: 'PART', text: HUGE }] });
    expect(await rowCount('document')).toBe(documents);
  });

  it('updateDocument changes what it is given, keeps the rest, and moves the version', async () => {
    const version = await versionOf(draft);
    const updated = await run(UPDATE_DOCUMENT, {
      id: draft,
      version,
      status: 'IN_EFFECT',
      title: 'Triển khai công tác bảo vệ người thi hành công vụ năm 2025 (bản ký)',
      recipients: [{ name: 'Viện Kiểm sát nhân dân tỉnh', agencyId: agencyId(PROCURACY) }],
      place: null,
    });
    expect(updated).toMatchObject({ status: 'IN_EFFECT', title: 'Triển khai công tác bảo vệ người thi hành công vụ năm 2025 (bản ký)' });
    const stored = (await app.ok(DOCUMENT, { id: draft })).document;
    expect(stored).toMatchObject({
      symbol: '25/KH-UBND',
      status: 'IN_EFFECT',
      place: null,
      signerName: 'Hồ Văn Mười',
      issuer: { name: PROVINCE },
      recipients: [{ name: 'Viện Kiểm sát nhân dân tỉnh', purpose: null, agency: { name: PROCURACY } }],
    });
    expect(stored.clauses).toHaveLength(6);
    expect(await versionOf(draft)).toBe(version + 1);
  });

  it('updateDocument refuses a stale version, a taken symbol, missing fields, unknown and foreign IDs and 5 MB texts', async () => {
    const version = await versionOf(draft);
    await expectRefusal(UPDATE_DOCUMENT, { id: draft, version: version - 1, title: 'overwritten' }, 'CONFLICT', /changed by someone else/);
    await expectRefusal(
      UPDATE_DOCUMENT,
      { id: draft, version, symbol: '19/KH-UBND' },
      'CONFLICT',
      /already has a document with this symbol/,
    );
    await expectRefusal(UPDATE_DOCUMENT, { id: draft, title: 'x' }, 'BAD_USER_INPUT', /"version"/);
    await expectRefusal(UPDATE_DOCUMENT, { id: draft, version, status: 'ABOLISHED' }, 'BAD_USER_INPUT');
    await expectRefusal(UPDATE_DOCUMENT, { id: nothing('Document'), version: 1, title: 'x' }, 'NOT_FOUND', /does not exist/);
    await expectRefusal(UPDATE_DOCUMENT, { id: agencyId(POLICE), version: 1, title: 'x' }, 'BAD_USER_INPUT', /is not the ID of a Document/);
    await expectRefusal(UPDATE_DOCUMENT, { id: draft, version, issuerId: nothing('Agency') }, 'NOT_FOUND');
    await expectHugeRefused(UPDATE_DOCUMENT, { id: draft, version, originalText: HUGE });
    await expectHugeRefused(UPDATE_DOCUMENT, { id: draft, version, signerTitle: HUGE });
    const stored = (await app.ok(DOCUMENT, { id: draft })).document;
    expect(stored).toMatchObject({
      symbol: '25/KH-UBND',
      title: 'Triển khai công tác bảo vệ người thi hành công vụ năm 2025 (bản ký)',
      issuer: { name: PROVINCE },
    });
    expect(await versionOf(draft)).toBe(version);
  });

  it('deleteDocument refuses 19/KH-UBND while tasks stand on its clauses, and keeps it whole', async () => {
    const clauses = await rowCount('clause', 'document_id = $1', [uuidOf(plan.id).uuid]);
    const tasks = await taskCount();
    const message = await expectRefusal(
      DELETE_DOCUMENT,
      { id: plan.id, version: await versionOf(plan.id) },
      'CONFLICT',
      /19\/KH-UBND is the source of \d+ task/,
    );
    expect(message).toMatch(/delete those tasks first/);
    expect(await rowCount('clause', 'document_id = $1', [uuidOf(plan.id).uuid])).toBe(clauses);
    expect(await taskCount()).toBe(tasks);
    expect((await app.ok(`{ document(symbol: "19/KH-UBND") { symbol } }`)).document).toEqual({ symbol: '19/KH-UBND' });
  });

  it('deleteDocument refuses 183-QĐ/TW while 197-KH/TU cites it, and 197-KH/TU while 19/KH-UBND implements it', async () => {
    await expectRefusal(DELETE_DOCUMENT, { id: regulation.id, version: await versionOf(regulation.id) }, 'CONFLICT', /refer to 183-QĐ\/TW/);
    await expectRefusal(DELETE_DOCUMENT, { id: plan197.id, version: await versionOf(plan197.id) }, 'CONFLICT', /refer to 197-KH\/TU/);
    const lineage = await app.ok(`{ document(symbol: "19/KH-UBND") { lineage { to { symbol } } } }`);
    expect(lineage.document.lineage.map((step: any) => step.to.symbol)).toEqual(['197-KH/TU', '183-QĐ/TW']);
  });

  it('deleteDocument refuses missing fields, a stale version, unknown and foreign IDs and a 5 MB ID', async () => {
    await expectRefusal(DELETE_DOCUMENT, { version: 1 }, 'BAD_USER_INPUT', /"id"/);
    await expectRefusal(DELETE_DOCUMENT, { id: draft, version: (await versionOf(draft)) - 1 }, 'CONFLICT', /changed by someone else/);
    await expectRefusal(DELETE_DOCUMENT, { id: nothing('Document'), version: 1 }, 'NOT_FOUND', /does not exist/);
    await expectRefusal(DELETE_DOCUMENT, { id: await clauseId('II.1'), version: 1 }, 'BAD_USER_INPUT', /is not the ID of a Document/);
    await expectHugeRefused(DELETE_DOCUMENT, { id: HUGE, version: 1 });
    expect((await app.ok(DOCUMENT, { id: draft })).document.symbol).toBe('25/KH-UBND');
  });

  describe('references between documents', () => {
    let relation: string;

    it('createDocumentRelation stores the reference, which then shows in the lineage', async () => {
      const preamble = (await app.ok(TREE, { id: draft })).document.clauses[0];
      const created = await run(CREATE_RELATION, {
        fromId: draft,
        toId: plan.id,
        type: 'IMPLEMENTS',
        citingClauseId: preamble.id,
        targetClauseId: await clauseId('III.2'),
        citationText: 'Kế hoạch số 19/KH-UBND ngày 13/01/2025 của UBND tỉnh',
      });
      relation = created.id;
      expect(created.type).toBe('IMPLEMENTS');
      const stored = (await app.ok(DOCUMENT, { id: draft })).document;
      expect(stored.references).toEqual([
        {
          type: 'IMPLEMENTS',
          to: { symbol: '19/KH-UBND' },
          citingClause: { path: 'preamble' },
          targetClause: { path: 'III.2' },
          citationText: 'Kế hoạch số 19/KH-UBND ngày 13/01/2025 của UBND tỉnh',
        },
      ]);
      expect(stored.lineage).toEqual([
        { depth: 1, to: { symbol: '19/KH-UBND' } },
        { depth: 2, to: { symbol: '197-KH/TU' } },
        { depth: 3, to: { symbol: '183-QĐ/TW' } },
      ]);
    });

    it('createDocumentRelation refuses a self-reference, clauses of the wrong document, a duplicate, missing fields, unknown and foreign IDs and 5 MB citations', async () => {
      const relations = await rowCount('document_relation');
      const valid = { fromId: draft, toId: regulation.id, type: 'CITES' };
      await expectRefusal(CREATE_RELATION, { ...valid, toId: draft }, 'BAD_USER_INPUT', /cannot refer to itself/);
      await expectRefusal(
        CREATE_RELATION,
        { ...valid, citingClauseId: await clauseId('II.1') },
        'BAD_USER_INPUT',
        /is not in the citing document/,
      );
      await expectRefusal(
        CREATE_RELATION,
        { ...valid, targetClauseId: await clauseId('II.1') },
        'BAD_USER_INPUT',
        /is not in the cited document/,
      );
      await expectRefusal(CREATE_RELATION, { ...valid, toId: plan.id, type: 'IMPLEMENTS' }, 'CONFLICT', /already related/);
      await expectRefusal(CREATE_RELATION, without(valid, 'type'), 'BAD_USER_INPUT', /"type"/);
      await expectRefusal(CREATE_RELATION, without(valid, 'toId'), 'BAD_USER_INPUT', /"toId"/);
      await expectRefusal(CREATE_RELATION, { ...valid, toId: nothing('Document') }, 'NOT_FOUND', /does not exist/);
      await expectRefusal(CREATE_RELATION, { ...valid, citingClauseId: nothing('Clause') }, 'NOT_FOUND', /does not exist/);
      await expectRefusal(
        CREATE_RELATION,
        { ...valid, fromId: agencyId(POLICE) },
        'BAD_USER_INPUT',
        /fromId .* is not the ID of a Document/,
      );
      await expectHugeRefused(CREATE_RELATION, { ...valid, citationText: HUGE });
      expect(await rowCount('document_relation')).toBe(relations);
    });

    it('deleteDocumentRelation refuses missing fields, a stale version, unknown and foreign IDs', async () => {
      await expectRefusal(DELETE_RELATION, { id: relation }, 'BAD_USER_INPUT', /"version"/);
      await expectRefusal(
        DELETE_RELATION,
        { id: relation, version: (await versionOf(relation)) - 1 },
        'CONFLICT',
        /changed by someone else/,
      );
      await expectRefusal(DELETE_RELATION, { id: nothing('DocumentRelation'), version: 1 }, 'NOT_FOUND', /does not exist/);
      await expectRefusal(DELETE_RELATION, { id: draft, version: 1 }, 'BAD_USER_INPUT', /is not the ID of a DocumentRelation/);
      await expectHugeRefused(DELETE_RELATION, { id: HUGE, version: 1 });
      expect((await app.ok(DOCUMENT, { id: draft })).document.references).toHaveLength(1);
    });

    it('deleteDocumentRelation removes the reference, and the lineage with it', async () => {
      expect(await run(DELETE_RELATION, { id: relation, version: await versionOf(relation) })).toEqual({ id: relation });
      const stored = (await app.ok(DOCUMENT, { id: draft })).document;
      expect(stored.references).toEqual([]);
      expect(stored.lineage).toEqual([]);
      const cited = await app.ok(`{ document(symbol: "19/KH-UBND") { referencedBy { from { symbol } } } }`);
      expect(cited.document.referencedBy).toEqual([]);
    });
  });

  it('deleteDocument removes a document nobody depends on, with all its clauses', async () => {
    const uuid = uuidOf(draft).uuid;
    expect(await rowCount('clause', 'document_id = $1', [uuid])).toBe(6);
    expect(await run(DELETE_DOCUMENT, { id: draft, version: await versionOf(draft) })).toEqual({ id: draft });
    expect((await app.ok(DOCUMENT, { id: draft })).document).toBeNull();
    expect((await app.ok(`{ document(symbol: "25/KH-UBND") { id } }`)).document).toBeNull();
    expect(await rowCount('clause', 'document_id = $1', [uuid])).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('the clause tree of 19/KH-UBND', () => {
  type TreeClause = {
    id: string;
    path: string;
    label: string;
    position: number;
    text: string;
    heading: string | null;
    parent: { path: string } | null;
  };

  async function tree(): Promise<TreeClause[]> {
    return (await app.ok(TREE, { id: plan.id })).document.clauses;
  }

  /** [path, position] of the children of `parentPath` (the top level for null), in printed order. */
  async function childrenOf(parentPath: string | null): Promise<[string, number][]> {
    return (await tree()).filter((clause) => (clause.parent?.path ?? null) === parentPath).map((clause) => [clause.path, clause.position]);
  }

  async function sourcePathsOfTasks(): Promise<string[]> {
    const data = await app.ok(`query($id: ID!) { tasks(first: 100, filter: { documentId: $id }) { nodes { sourceClause { path } } } }`, {
      id: plan.id,
    });
    return data.tasks.nodes.map((task: any) => task.sourceClause.path).sort();
  }

  let added: string;

  it('addClause at position 0 of II.2 shifts the siblings; every path still follows its label', async () => {
    const tasksBefore = await sourcePathsOfTasks();
    const clause = await run(ADD_CLAUSE, {
      documentId: plan.id,
      parentId: await clauseId('II.2'),
      position: 0,
      label: '2.8',
      kind: 'ITEM',
      text: 'Định kỳ rà soát, đánh giá kết quả công tác bảo vệ.',
    });
    added = clause.id;
    expect(clause).toMatchObject({ path: 'II.2.8', position: 0 });
    expect(await childrenOf('II.2')).toEqual([
      ['II.2.8', 0],
      ['II.2.1', 1],
      ['II.2.2', 2],
      ['II.2.3', 3],
      ['II.2.4', 4],
      ['II.2.5', 5],
      ['II.2.6', 6],
      ['II.2.7', 7],
    ]);
    // Tasks keep pointing at the clauses they pointed at.
    expect(await sourcePathsOfTasks()).toEqual(tasksBefore);
  });

  it('addClause without a position appends, and a position past the end appends too', async () => {
    const appended = await run(ADD_CLAUSE, {
      documentId: plan.id,
      parentId: await clauseId('III'),
      label: '3',
      kind: 'SECTION',
      text: 'Kinh phí thực hiện.',
    });
    expect(appended).toMatchObject({ path: 'III.3', position: 2 });
    const far = await run(ADD_CLAUSE, {
      documentId: plan.id,
      parentId: await clauseId('III'),
      position: 99,
      label: '-',
      kind: 'BULLET',
      text: 'Ghi chú.',
    });
    expect(far).toMatchObject({ path: 'III.b1', position: 3 });
    expect(await childrenOf('III')).toEqual([
      ['III.1', 0],
      ['III.2', 1],
      ['III.3', 2],
      ['III.b1', 3],
    ]);
    await run(DELETE_CLAUSE, { id: far.id, version: await versionOf(far.id) });
    await run(DELETE_CLAUSE, { id: appended.id, version: await versionOf(appended.id) });
    expect(await childrenOf('III')).toEqual([
      ['III.1', 0],
      ['III.2', 1],
    ]);
  });

  it('addClause refuses a parent of another document, missing fields, unknown and foreign IDs and 5 MB texts', async () => {
    const clauses = await rowCount('clause');
    const valid = { documentId: plan.id, parentId: await clauseId('II.2'), label: '2.9', kind: 'ITEM', text: 'Nội dung.' };
    await expectRefusal(ADD_CLAUSE, { ...valid, documentId: regulation.id }, 'BAD_USER_INPUT', /is not in document/);
    await expectRefusal(ADD_CLAUSE, without(valid, 'text'), 'BAD_USER_INPUT', /"text"/);
    await expectRefusal(ADD_CLAUSE, without(valid, 'label'), 'BAD_USER_INPUT', /"label"/);
    await expectRefusal(ADD_CLAUSE, without(valid, 'documentId'), 'BAD_USER_INPUT', /"documentId"/);
    await expectRefusal(ADD_CLAUSE, { ...valid, position: -1 }, 'BAD_USER_INPUT');
    await expectRefusal(ADD_CLAUSE, { ...valid, documentId: nothing('Document') }, 'NOT_FOUND', /does not exist/);
    await expectRefusal(ADD_CLAUSE, { ...valid, parentId: nothing('Clause') }, 'NOT_FOUND', /does not exist/);
    await expectRefusal(ADD_CLAUSE, { ...valid, parentId: plan.id }, 'BAD_USER_INPUT', /parentId .* is not the ID of a Clause/);
    await expectHugeRefused(ADD_CLAUSE, { ...valid, text: HUGE });
    await expectHugeRefused(ADD_CLAUSE, { ...valid, heading: HUGE });
    expect(await rowCount('clause')).toBe(clauses);
  });

  it('updateClause of the text only keeps every path', async () => {
    const before = await tree();
    const version = await versionOf(added);
    const updated = await run(UPDATE_CLAUSE, { id: added, version, text: 'Định kỳ 6 tháng rà soát, đánh giá kết quả công tác bảo vệ.' });
    expect(updated).toMatchObject({ path: 'II.2.8', label: '2.8', text: 'Định kỳ 6 tháng rà soát, đánh giá kết quả công tác bảo vệ.' });
    const after = await tree();
    expect(after.map((clause) => clause.path)).toEqual(before.map((clause) => clause.path));
    expect(after.find((clause) => clause.id === added)!.text).toBe('Định kỳ 6 tháng rà soát, đánh giá kết quả công tác bảo vệ.');
    expect(await versionOf(added)).toBe(version + 1);
  });

  it('updateClause of the label renames the path of the clause and its whole subtree', async () => {
    const section = await clauseId('II.3');
    await run(UPDATE_CLAUSE, { id: section, version: await versionOf(section), label: '7' });
    expect(await childrenOf('II.7')).toEqual([
      ['II.7.1', 0],
      ['II.7.2', 1],
      ['II.7.3', 2],
      ['II.7.4', 3],
      ['II.7.5', 4],
    ]);
    const renamed = await app.ok(
      `{ document(symbol: "19/KH-UBND") { old: clause(path: "II.3") { id } section: clause(path: "II.7") { id label heading } } }`,
    );
    expect(renamed.document.old).toBeNull();
    expect(renamed.document.section).toMatchObject({ id: section, label: '7' });
    expect((await tree()).filter((clause) => clause.path.startsWith('II.3'))).toEqual([]);
    expect(await sourcePathsOfTasks()).toContain('II.7.3');

    // And back: the paths follow again.
    await run(UPDATE_CLAUSE, { id: section, version: await versionOf(section), label: '3' });
    expect((await childrenOf('II.3')).map(([path]) => path)).toEqual(['II.3.1', 'II.3.2', 'II.3.3', 'II.3.4', 'II.3.5']);
    expect(await sourcePathsOfTasks()).not.toContain('II.7.3');
  });

  it('updateClause refuses a stale version, missing fields, unknown and foreign IDs and 5 MB texts', async () => {
    const version = await versionOf(added);
    await expectRefusal(UPDATE_CLAUSE, { id: added, version: version - 1, text: 'overwritten' }, 'CONFLICT', /changed by someone else/);
    await expectRefusal(UPDATE_CLAUSE, { id: added, text: 'x' }, 'BAD_USER_INPUT', /"version"/);
    await expectRefusal(UPDATE_CLAUSE, { id: nothing('Clause'), version: 1, text: 'x' }, 'NOT_FOUND', /does not exist/);
    await expectRefusal(UPDATE_CLAUSE, { id: plan.id, version: 1, text: 'x' }, 'BAD_USER_INPUT', /is not the ID of a Clause/);
    await expectHugeRefused(UPDATE_CLAUSE, { id: added, version, text: HUGE });
    const stored = (await tree()).find((clause) => clause.id === added)!;
    expect(stored).toMatchObject({ path: 'II.2.8', text: 'Định kỳ 6 tháng rà soát, đánh giá kết quả công tác bảo vệ.' });
    expect(await versionOf(added)).toBe(version);
  });

  it('moveClause of a subtree to another parent rewrites the paths of the whole subtree and closes the gap it leaves', async () => {
    const section = await clauseId('II.6');
    const moved = await run(MOVE_CLAUSE, { id: section, version: await versionOf(section), parentId: await clauseId('III'), position: 0 });
    expect(moved).toMatchObject({ id: section, path: 'III.6', position: 0, parent: { path: 'III' } });
    expect(await childrenOf('III')).toEqual([
      ['III.6', 0],
      ['III.1', 1],
      ['III.2', 2],
    ]);
    expect(await childrenOf('III.6')).toEqual([
      ['III.6.1', 0],
      ['III.6.2', 1],
    ]);
    expect((await childrenOf('II')).map(([path, position]) => `${path}@${position}`)).toEqual([
      'II.1@0',
      'II.2@1',
      'II.3@2',
      'II.4@3',
      'II.5@4',
    ]);
    expect((await tree()).filter((clause) => clause.path.startsWith('II.6'))).toEqual([]);
    // The tasks of 6.1 and 6.2 moved with their clauses.
    const paths = await sourcePathsOfTasks();
    expect(paths).toContain('III.6.1');
    expect(paths).toContain('III.6.2');

    // Back to the end of II.
    await run(MOVE_CLAUSE, { id: section, version: await versionOf(section), parentId: await clauseId('II') });
    expect((await childrenOf('II')).map(([path, position]) => `${path}@${position}`)).toEqual([
      'II.1@0',
      'II.2@1',
      'II.3@2',
      'II.4@3',
      'II.5@4',
      'II.6@5',
    ]);
    expect(await childrenOf('III')).toEqual([
      ['III.1', 0],
      ['III.2', 1],
    ]);
    expect((await childrenOf('II.6')).map(([path]) => path)).toEqual(['II.6.1', 'II.6.2']);
  });

  it('moveClause under its own sub-clause, or under itself, answers BAD_USER_INPUT and changes nothing', async () => {
    const before = await tree();
    const section = await clauseId('II.3');
    const version = await versionOf(section);
    await expectRefusal(
      MOVE_CLAUSE,
      { id: section, version, parentId: await clauseId('II.3.1') },
      'BAD_USER_INPUT',
      /cannot move under II\.3\.1/,
    );
    await expectRefusal(MOVE_CLAUSE, { id: section, version, parentId: section }, 'BAD_USER_INPUT', /cannot move under II\.3/);
    const part = await clauseId('II');
    await expectRefusal(MOVE_CLAUSE, { id: part, version: await versionOf(part), parentId: await clauseId('II.3.5') }, 'BAD_USER_INPUT');
    expect(await tree()).toEqual(before);
    expect(await versionOf(section)).toBe(version);
  });

  it('moveClause refuses another document, a stale version, missing fields, unknown and foreign IDs', async () => {
    const before = await tree();
    const section = await clauseId('II.4');
    const version = await versionOf(section);
    const draft = await run(CREATE_DOCUMENT, { kind: 'PLAN', title: 'Dự thảo', clauses: [{ label: 'I', kind: 'PART', text: 'Phần I.' }] });
    const foreignParent = (await app.ok(TREE, { id: draft.id })).document.clauses[0].id;
    await expectRefusal(
      MOVE_CLAUSE,
      { id: section, version, parentId: foreignParent },
      'BAD_USER_INPUT',
      /only move within its own document/,
    );
    await expectRefusal(
      MOVE_CLAUSE,
      { id: section, version: version - 1, parentId: await clauseId('III') },
      'CONFLICT',
      /changed by someone else/,
    );
    await expectRefusal(MOVE_CLAUSE, { id: section, parentId: await clauseId('III') }, 'BAD_USER_INPUT', /"version"/);
    await expectRefusal(MOVE_CLAUSE, { id: section, version, position: -1 }, 'BAD_USER_INPUT');
    await expectRefusal(MOVE_CLAUSE, { id: nothing('Clause'), version: 1 }, 'NOT_FOUND', /does not exist/);
    await expectRefusal(MOVE_CLAUSE, { id: section, version, parentId: nothing('Clause') }, 'NOT_FOUND', /does not exist/);
    await expectRefusal(
      MOVE_CLAUSE,
      { id: section, version, parentId: plan.id },
      'BAD_USER_INPUT',
      /parentId .* is not the ID of a Clause/,
    );
    await expectHugeRefused(MOVE_CLAUSE, { id: HUGE, version });
    expect(await tree()).toEqual(before);
    await run(DELETE_DOCUMENT, { id: draft.id, version: await versionOf(draft.id) });
  });

  it('deleteClause of a subtree with tasks answers CONFLICT and deletes nothing', async () => {
    const before = await tree();
    const tasks = await taskCount();
    const section = await clauseId('II.3');
    await expectRefusal(
      DELETE_CLAUSE,
      { id: section, version: await versionOf(section) },
      'CONFLICT',
      /II\.3 and its sub-clauses are the source of 5 task/,
    );
    // A task on a deep clause protects every ancestor.
    const part = await clauseId('II');
    await expectRefusal(DELETE_CLAUSE, { id: part, version: await versionOf(part) }, 'CONFLICT');
    expect(await tree()).toEqual(before);
    expect(await taskCount()).toBe(tasks);
  });

  it('deleteClause refuses missing fields, a stale version, unknown and foreign IDs', async () => {
    const before = await tree();
    await expectRefusal(DELETE_CLAUSE, { id: added }, 'BAD_USER_INPUT', /"version"/);
    await expectRefusal(DELETE_CLAUSE, { id: added, version: (await versionOf(added)) - 1 }, 'CONFLICT', /changed by someone else/);
    await expectRefusal(DELETE_CLAUSE, { id: nothing('Clause'), version: 1 }, 'NOT_FOUND', /does not exist/);
    await expectRefusal(DELETE_CLAUSE, { id: plan.id, version: 1 }, 'BAD_USER_INPUT', /is not the ID of a Clause/);
    await expectHugeRefused(DELETE_CLAUSE, { id: HUGE, version: 1 });
    expect(await tree()).toEqual(before);
  });

  it('deleteClause of a task-free clause closes the gap among its siblings', async () => {
    await run(DELETE_CLAUSE, { id: added, version: await versionOf(added) });
    expect(await childrenOf('II.2')).toEqual([
      ['II.2.1', 0],
      ['II.2.2', 1],
      ['II.2.3', 2],
      ['II.2.4', 3],
      ['II.2.5', 4],
      ['II.2.6', 5],
      ['II.2.7', 6],
    ]);
    expect(await rowCount('clause', 'id = $1', [uuidOf(added).uuid])).toBe(0);
  });

  it('deleteClause of a task-free subtree (part I) removes all of it and closes the gap at the top level', async () => {
    const before = await tree();
    const doomed = before.filter((clause) => clause.path === 'I' || clause.path.startsWith('I.'));
    expect(doomed.map((clause) => clause.path)).toEqual(['I', 'I.1', 'I.2', 'I.3']);
    const part = await clauseId('I');
    expect(await run(DELETE_CLAUSE, { id: part, version: await versionOf(part) })).toEqual({ id: part });

    const after = await tree();
    expect(after).toHaveLength(before.length - 4);
    expect(after.filter((clause) => clause.path === 'I' || clause.path.startsWith('I.'))).toEqual([]);
    expect(await rowCount('clause', 'id = any($1::uuid[])', [doomed.map((clause) => uuidOf(clause.id).uuid)])).toBe(0);
    expect(await childrenOf(null)).toEqual([
      ['preamble', 0],
      ['II', 1],
      ['III', 2],
    ]);
    // Nothing else moved.
    const untouched = (clauses: TreeClause[]) =>
      clauses.filter((clause) => clause.parent).map((clause) => [clause.id, clause.path, clause.position]);
    expect(untouched(after)).toEqual(untouched(before).filter(([, path]) => !(path as string).startsWith('I.')));
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('tasks and assignments', () => {
  let task: string;

  it('createTask stores the task on its source clause with its targets and assignments, leads first', async () => {
    const before = await taskCount();
    const parent = (await app.ok(`{ document(symbol: "19/KH-UBND") { clause(path: "III.2") { tasks { id title } } } }`)).document.clause
      .tasks[0];
    const created = await run(CREATE_TASK, {
      sourceClauseId: await clauseId('II.4'),
      title: '  Đưa tin về kết quả xử lý các hành vi xâm phạm người thi hành công vụ ',
      description: 'Kịp thời đưa tin, nêu gương tập thể, cá nhân thực hiện tốt công tác bảo vệ.',
      dueDate: '2025-06-30',
      duePhrase: 'trước ngày 30/6/2025',
      recurrence: 'QUARTERLY',
      kind: 'ACTION',
      targets: [{ text: ' kéo giảm ít nhất 5% ', comparator: 'REDUCE_BY_AT_LEAST', value: 5, unit: '%' }],
      parentTaskId: parent.id,
      assignments: [
        { agencyId: agencyId(PROCURACY), role: 'COORDINATOR', requested: true },
        { agencyId: agencyId(POLICE), role: 'LEAD' },
      ],
    });
    task = created.id;
    expect(created.title).toBe('Đưa tin về kết quả xử lý các hành vi xâm phạm người thi hành công vụ');
    // The answer's assignments are those the mutation wrote (given to the loaders, not read back): as stored.
    const { task: reread } = await app.ok(`query($id: ID!) { task(id: $id) { ${ASSIGNMENTS_IN_FULL} } }`, { id: task });
    expect(created.assignments).toEqual(reread.assignments);
    expect(await taskCount()).toBe(before + 1);
    const stored = (await app.ok(TASK, { id: task })).task;
    expect(stored).toMatchObject({
      title: 'Đưa tin về kết quả xử lý các hành vi xâm phạm người thi hành công vụ',
      description: 'Kịp thời đưa tin, nêu gương tập thể, cá nhân thực hiện tốt công tác bảo vệ.',
      dueDate: '2025-06-30',
      duePhrase: 'trước ngày 30/6/2025',
      recurrence: 'QUARTERLY',
      kind: 'ACTION',
      progressStatus: 'NOT_STARTED',
      completedOn: null,
      deadlineStatus: 'ON_TRACK',
      targets: [{ text: 'kéo giảm ít nhất 5%', comparator: 'REDUCE_BY_AT_LEAST', value: 5, unit: '%' }],
      sourceClause: { path: 'II.4' },
      document: { symbol: '19/KH-UBND' },
      parentTask: { title: parent.title },
    });
    expect(
      stored.assignments.map((assignment: any) => [assignment.agency.name, assignment.role, assignment.requested, assignment.inherited]),
    ).toEqual([
      [POLICE, 'LEAD', false, false],
      [PROCURACY, 'COORDINATOR', true, false],
    ]);
  });

  it('createTask with one valid and one unknown agency fails whole: no task, no assignment', async () => {
    const tasks = await taskCount();
    const assignments = await rowCount('assignment');
    const input = {
      sourceClauseId: await clauseId('II.5'),
      title: 'Giám sát công tác bảo vệ',
      assignments: [
        { agencyId: agencyId(POLICE), role: 'LEAD' },
        { agencyId: nothing('Agency'), role: 'COORDINATOR' },
      ],
    };
    await expectRefusal(CREATE_TASK, input, 'NOT_FOUND', /do not exist/);
    await expectRefusal(
      CREATE_TASK,
      { ...input, assignments: [input.assignments[0], { agencyId: plan.id, role: 'COORDINATOR' }] },
      'BAD_USER_INPUT',
      /is not the ID of a Agency/,
    );
    await expectRefusal(
      CREATE_TASK,
      { ...input, assignments: [input.assignments[0], { ...input.assignments[0], role: 'COORDINATOR' }] },
      'BAD_USER_INPUT',
      /twice/,
    );
    expect(await taskCount()).toBe(tasks);
    expect(await rowCount('assignment')).toBe(assignments);
    expect(await rowCount('task', 'title = $1', ['Giám sát công tác bảo vệ'])).toBe(0);
  });

  it('createTask refuses missing fields, unknown and foreign IDs, inconsistent dates and 5 MB texts', async () => {
    const tasks = await taskCount();
    const valid = { sourceClauseId: await clauseId('II.5'), title: 'Giám sát công tác bảo vệ' };
    await expectRefusal(CREATE_TASK, without(valid, 'sourceClauseId'), 'BAD_USER_INPUT', /"sourceClauseId"/);
    await expectRefusal(CREATE_TASK, without(valid, 'title'), 'BAD_USER_INPUT', /"title"/);
    await expectRefusal(CREATE_TASK, { ...valid, assignments: [{ agencyId: agencyId(POLICE) }] }, 'BAD_USER_INPUT', /"role"/);
    await expectRefusal(CREATE_TASK, { ...valid, title: '' }, 'BAD_USER_INPUT');
    await expectRefusal(CREATE_TASK, { ...valid, progressStatus: 'DONE' }, 'BAD_USER_INPUT', /completedOn is required/);
    await expectRefusal(CREATE_TASK, { ...valid, completedOn: '2025-01-31' }, 'BAD_USER_INPUT', /completedOn is only for/);
    await expectRefusal(CREATE_TASK, { ...valid, sourceClauseId: nothing('Clause') }, 'NOT_FOUND', /does not exist/);
    await expectRefusal(CREATE_TASK, { ...valid, parentTaskId: nothing('Task') }, 'NOT_FOUND', /does not exist/);
    await expectRefusal(
      CREATE_TASK,
      { ...valid, sourceClauseId: plan.id },
      'BAD_USER_INPUT',
      /sourceClauseId .* is not the ID of a Clause/,
    );
    await expectHugeRefused(CREATE_TASK, { ...valid, title: HUGE });
    await expectHugeRefused(CREATE_TASK, { ...valid, description: HUGE });
    await expectHugeRefused(CREATE_TASK, { ...valid, targets: [{ text: HUGE }] });
    expect(await taskCount()).toBe(tasks);
  });

  it('updateTask changes what it is given, replaces the assignments, and moves the version', async () => {
    const version = await versionOf(task);
    const updated = await run(UPDATE_TASK, {
      id: task,
      version,
      progressStatus: 'DONE',
      completedOn: '2025-07-02',
      assignments: [{ agencyId: agencyId(COURT), role: 'LEAD' }],
    });
    expect(updated).toMatchObject({ progressStatus: 'DONE' });
    const stored = (await app.ok(TASK, { id: task })).task;
    expect(stored).toMatchObject({
      title: 'Đưa tin về kết quả xử lý các hành vi xâm phạm người thi hành công vụ',
      dueDate: '2025-06-30',
      progressStatus: 'DONE',
      completedOn: '2025-07-02',
      deadlineStatus: 'DONE_LATE',
      sourceClause: { path: 'II.4' },
    });
    expect(stored.assignments.map((assignment: any) => [assignment.agency.name, assignment.role])).toEqual([[COURT, 'LEAD']]);
    expect(await versionOf(task)).toBe(version + 1);

    // An assignment change alone still moves the version.
    await run(UPDATE_TASK, { id: task, version: version + 1, assignments: [{ agencyId: agencyId(POLICE), role: 'LEAD' }] });
    expect((await app.ok(TASK, { id: task })).task.assignments.map((assignment: any) => assignment.agency.name)).toEqual([POLICE]);
    expect(await versionOf(task)).toBe(version + 2);
  });

  it('updateTask refuses a stale version and keeps the stored task', async () => {
    const version = await versionOf(task);
    const before = (await app.ok(TASK, { id: task })).task;
    await expectRefusal(
      UPDATE_TASK,
      { id: task, version: version - 1, title: 'overwritten' },
      'CONFLICT',
      /you sent version \d+, it is now at version \d+/,
    );
    await expectRefusal(
      UPDATE_TASK,
      { id: task, version: version - 1, assignments: [{ agencyId: agencyId(COURT), role: 'LEAD' }] },
      'CONFLICT',
    );
    expect((await app.ok(TASK, { id: task })).task).toEqual(before);
    expect(await versionOf(task)).toBe(version);
  });

  it('updateTask refuses missing fields, unknown and foreign IDs, a loop of parent tasks, bad dates and 5 MB texts', async () => {
    const version = await versionOf(task);
    const before = (await app.ok(TASK, { id: task })).task;
    await expectRefusal(UPDATE_TASK, { id: task, title: 'x' }, 'BAD_USER_INPUT', /"version"/);
    await expectRefusal(UPDATE_TASK, { version, title: 'x' }, 'BAD_USER_INPUT', /"id"/);
    await expectRefusal(UPDATE_TASK, { id: nothing('Task'), version: 1, title: 'x' }, 'NOT_FOUND', /does not exist/);
    await expectRefusal(UPDATE_TASK, { id: await clauseId('II.4'), version: 1, title: 'x' }, 'BAD_USER_INPUT', /is not the ID of a Task/);
    await expectRefusal(UPDATE_TASK, { id: task, version, sourceClauseId: nothing('Clause') }, 'NOT_FOUND');
    await expectRefusal(
      UPDATE_TASK,
      { id: task, version, sourceClauseId: agencyId(POLICE) },
      'BAD_USER_INPUT',
      /is not the ID of a Clause/,
    );
    await expectRefusal(UPDATE_TASK, { id: task, version, assignments: [{ agencyId: nothing('Agency'), role: 'LEAD' }] }, 'NOT_FOUND');
    await expectRefusal(UPDATE_TASK, { id: task, version, parentTaskId: task }, 'BAD_USER_INPUT', /cannot carry out itself/);
    await expectRefusal(UPDATE_TASK, { id: task, version, progressStatus: 'IN_PROGRESS' }, 'BAD_USER_INPUT', /completedOn is only for/);
    await expectRefusal(UPDATE_TASK, { id: task, version, dueDate: '30/06/2025' }, 'BAD_USER_INPUT');
    await expectHugeRefused(UPDATE_TASK, { id: task, version, description: HUGE });
    await expectHugeRefused(UPDATE_TASK, { id: task, version, duePhrase: HUGE });
    expect((await app.ok(TASK, { id: task })).task).toEqual(before);
    expect(await versionOf(task)).toBe(version);
  });

  it('two editors saving the same task at once: exactly one wins each round, the other gets CONFLICT', async () => {
    const monitoring = (
      await app.ok(`{ document(symbol: "19/KH-UBND") { clause(path: "III.2") { tasks { id title } } } }`)
    ).document.clause.tasks.find((candidate: { title: string }) => candidate.title.startsWith('Theo dõi')).id;
    const start = await versionOf(monitoring);
    let winners = 0;
    for (let round = 1; round <= 10; round++) {
      const version = await versionOf(monitoring);
      // Every other round the editors also replace the assignments, each with a different lead.
      const inputs = ['A', 'B'].map((editor) => ({
        id: monitoring,
        version,
        title: `Theo dõi, đôn đốc việc thực hiện Kế hoạch này (${editor}, lần ${round})`,
        ...(round % 2 === 0 ? { assignments: [{ agencyId: agencyId(editor === 'A' ? POLICE : PROCURACY), role: 'LEAD' }] } : {}),
      }));
      const responses = await Promise.all(inputs.map((input) => app.gql(UPDATE_TASK, { input })));
      const won = responses.filter((response) => !response.errors);
      const lost = responses.filter((response) => response.errors);
      expect(won, JSON.stringify(responses.map((response) => response.errors?.[0]))).toHaveLength(1);
      expect(lost.map((response) => response.errors![0].extensions?.code)).toEqual(['CONFLICT']);
      winners += won.length;

      const stored = (await app.ok(TASK, { id: monitoring })).task;
      const winner = won[0].data.updateTask.title;
      expect(stored.title).toBe(winner);
      if (round % 2 === 0) {
        const lead = winner.includes('(A,') ? POLICE : PROCURACY;
        expect(stored.assignments.map((assignment: any) => [assignment.agency.name, assignment.role])).toEqual([[lead, 'LEAD']]);
      }
      expect(await versionOf(monitoring)).toBe(version + 1);
    }
    expect(winners).toBe(10);
    expect(await versionOf(monitoring)).toBe(start + winners);
  });

  describe('assignments', () => {
    let assignment: string;

    it('addAssignment puts an agency on the task', async () => {
      const added = await run(ADD_ASSIGNMENT, { taskId: task, agencyId: agencyId(COURT), role: 'COORDINATOR', requested: true });
      assignment = added.id;
      expect(added).toMatchObject({ role: 'COORDINATOR', requested: true, agency: { name: COURT } });
      const stored = (await app.ok(TASK, { id: task })).task;
      expect(stored.assignments.map((item: any) => [item.agency.name, item.role, item.requested])).toEqual([
        [POLICE, 'LEAD', false],
        [COURT, 'COORDINATOR', true],
      ]);
    });

    it('addAssignment refuses an agency already on the task, missing fields, unknown and foreign IDs and a 5 MB ID', async () => {
      const assignments = await rowCount('assignment');
      const valid = { taskId: task, agencyId: agencyId(PROCURACY), role: 'COORDINATOR' };
      await expectRefusal(ADD_ASSIGNMENT, { ...valid, agencyId: agencyId(POLICE) }, 'CONFLICT', /already assigned to this task as LEAD/);
      await expectRefusal(ADD_ASSIGNMENT, without(valid, 'role'), 'BAD_USER_INPUT', /"role"/);
      await expectRefusal(ADD_ASSIGNMENT, without(valid, 'taskId'), 'BAD_USER_INPUT', /"taskId"/);
      await expectRefusal(ADD_ASSIGNMENT, { ...valid, role: 'OBSERVER' }, 'BAD_USER_INPUT');
      await expectRefusal(ADD_ASSIGNMENT, { ...valid, taskId: nothing('Task') }, 'NOT_FOUND', /does not exist/);
      await expectRefusal(ADD_ASSIGNMENT, { ...valid, agencyId: nothing('Agency') }, 'NOT_FOUND', /does not exist/);
      await expectRefusal(ADD_ASSIGNMENT, { ...valid, agencyId: task }, 'BAD_USER_INPUT', /agencyId .* is not the ID of a Agency/);
      await expectHugeRefused(ADD_ASSIGNMENT, { ...valid, taskId: HUGE });
      expect(await rowCount('assignment')).toBe(assignments);
    });

    it('updateAssignment changes the role and moves the version', async () => {
      const version = await versionOf(assignment);
      expect(await run(UPDATE_ASSIGNMENT, { id: assignment, version, role: 'LEAD', requested: false })).toMatchObject({
        role: 'LEAD',
        requested: false,
      });
      const stored = (await app.ok(TASK, { id: task })).task;
      expect(stored.assignments.find((item: any) => item.id === assignment)).toMatchObject({
        role: 'LEAD',
        requested: false,
        agency: { name: COURT },
      });
      expect(await versionOf(assignment)).toBe(version + 1);
    });

    it('updateAssignment refuses a stale version, missing fields, unknown and foreign IDs', async () => {
      const version = await versionOf(assignment);
      await expectRefusal(
        UPDATE_ASSIGNMENT,
        { id: assignment, version: version - 1, role: 'COORDINATOR' },
        'CONFLICT',
        /changed by someone else/,
      );
      await expectRefusal(UPDATE_ASSIGNMENT, { id: assignment, role: 'COORDINATOR' }, 'BAD_USER_INPUT', /"version"/);
      await expectRefusal(UPDATE_ASSIGNMENT, { id: nothing('Assignment'), version: 1, role: 'COORDINATOR' }, 'NOT_FOUND', /does not exist/);
      await expectRefusal(
        UPDATE_ASSIGNMENT,
        { id: task, version: 1, role: 'COORDINATOR' },
        'BAD_USER_INPUT',
        /is not the ID of a Assignment/,
      );
      await expectHugeRefused(UPDATE_ASSIGNMENT, { id: HUGE, version: 1 });
      const stored = (await app.ok(TASK, { id: task })).task;
      expect(stored.assignments.find((item: any) => item.id === assignment).role).toBe('LEAD');
      expect(await versionOf(assignment)).toBe(version);
    });

    it('removeAssignment refuses a stale version, missing fields, unknown and foreign IDs', async () => {
      await expectRefusal(
        REMOVE_ASSIGNMENT,
        { id: assignment, version: (await versionOf(assignment)) - 1 },
        'CONFLICT',
        /changed by someone else/,
      );
      await expectRefusal(REMOVE_ASSIGNMENT, { id: assignment }, 'BAD_USER_INPUT', /"version"/);
      await expectRefusal(REMOVE_ASSIGNMENT, { id: nothing('Assignment'), version: 1 }, 'NOT_FOUND', /does not exist/);
      await expectRefusal(REMOVE_ASSIGNMENT, { id: task, version: 1 }, 'BAD_USER_INPUT', /is not the ID of a Assignment/);
      await expectHugeRefused(REMOVE_ASSIGNMENT, { id: HUGE, version: 1 });
      expect((await app.ok(TASK, { id: task })).task.assignments).toHaveLength(2);
    });

    it('removeAssignment takes the agency off the task', async () => {
      expect(await run(REMOVE_ASSIGNMENT, { id: assignment, version: await versionOf(assignment) })).toEqual({ id: assignment });
      const stored = (await app.ok(TASK, { id: task })).task;
      expect(stored.assignments.map((item: any) => item.agency.name)).toEqual([POLICE]);
      expect(await rowCount('assignment', 'id = $1', [uuidOf(assignment).uuid])).toBe(0);
    });
  });

  describe('reports', () => {
    let report: string;

    it('createReport stores a draft report on the task', async () => {
      const created = await run(CREATE_REPORT, {
        taskId: task,
        agencyId: agencyId(POLICE),
        periodStart: '2025-01-01',
        periodEnd: '2025-03-31',
        kind: 'PERIODIC',
        text: 'Quý I/2025: đã đưa 12 tin, bài.',
        progress: 40,
      });
      report = created.id;
      expect(created.status).toBe('DRAFT');
      expect((await app.ok(REPORT, { id: report })).report).toEqual({
        kind: 'PERIODIC',
        status: 'DRAFT',
        text: 'Quý I/2025: đã đưa 12 tin, bài.',
        progress: 40,
        periodStart: '2025-01-01',
        periodEnd: '2025-03-31',
        submittedAt: null,
        agency: { name: POLICE },
        task: { title: 'Đưa tin về kết quả xử lý các hành vi xâm phạm người thi hành công vụ' },
        document: null,
      });
    });

    it('createReport on a whole document', async () => {
      const created = await run(CREATE_REPORT, {
        documentId: plan.id,
        agencyId: agencyId(POLICE),
        periodStart: '2025-01-01',
        periodEnd: '2025-06-30',
        kind: 'INTERIM_REVIEW',
      });
      expect((await app.ok(REPORT, { id: created.id })).report).toMatchObject({
        kind: 'INTERIM_REVIEW',
        text: '',
        task: null,
        document: { symbol: '19/KH-UBND' },
      });
      await run(DELETE_REPORT, { id: created.id, version: await versionOf(created.id) });
    });

    it('createReport refuses a report on nothing, a reversed period, out-of-range progress, missing fields, unknown and foreign IDs and 5 MB texts', async () => {
      const reports = await rowCount('report');
      const valid = { taskId: task, agencyId: agencyId(POLICE), periodStart: '2025-04-01', periodEnd: '2025-06-30', kind: 'PERIODIC' };
      await expectRefusal(CREATE_REPORT, without(valid, 'taskId'), 'BAD_USER_INPUT', /give taskId or documentId/);
      await expectRefusal(
        CREATE_REPORT,
        { ...valid, periodEnd: '2025-03-31' },
        'BAD_USER_INPUT',
        /periodEnd \(2025-03-31\) is before periodStart/,
      );
      await expectRefusal(CREATE_REPORT, { ...valid, progress: 101 }, 'BAD_USER_INPUT');
      await expectRefusal(CREATE_REPORT, without(valid, 'periodStart'), 'BAD_USER_INPUT', /"periodStart"/);
      await expectRefusal(CREATE_REPORT, without(valid, 'agencyId'), 'BAD_USER_INPUT', /"agencyId"/);
      await expectRefusal(CREATE_REPORT, { ...valid, taskId: nothing('Task') }, 'NOT_FOUND', /does not exist/);
      await expectRefusal(CREATE_REPORT, { ...valid, agencyId: nothing('Agency') }, 'NOT_FOUND', /does not exist/);
      await expectRefusal(CREATE_REPORT, { ...valid, agencyId: task }, 'BAD_USER_INPUT', /agencyId .* is not the ID of a Agency/);
      await expectHugeRefused(CREATE_REPORT, { ...valid, text: HUGE });
      expect(await rowCount('report')).toBe(reports);
    });

    it('updateReport refuses a stale version, a reversed period, missing fields, unknown and foreign IDs and 5 MB texts', async () => {
      const version = await versionOf(report);
      const before = (await app.ok(REPORT, { id: report })).report;
      await expectRefusal(UPDATE_REPORT, { id: report, version: version - 1, text: 'overwritten' }, 'CONFLICT', /changed by someone else/);
      await expectRefusal(UPDATE_REPORT, { id: report, version, periodEnd: '2024-12-31' }, 'BAD_USER_INPUT', /is before periodStart/);
      await expectRefusal(UPDATE_REPORT, { id: report, version, progress: -1 }, 'BAD_USER_INPUT');
      await expectRefusal(UPDATE_REPORT, { id: report, text: 'x' }, 'BAD_USER_INPUT', /"version"/);
      await expectRefusal(UPDATE_REPORT, { id: nothing('Report'), version: 1, text: 'x' }, 'NOT_FOUND', /does not exist/);
      await expectRefusal(UPDATE_REPORT, { id: task, version: 1, text: 'x' }, 'BAD_USER_INPUT', /is not the ID of a Report/);
      await expectHugeRefused(UPDATE_REPORT, { id: report, version, text: HUGE });
      expect((await app.ok(REPORT, { id: report })).report).toEqual(before);
      expect(await versionOf(report)).toBe(version);
    });

    it('updateReport edits the draft, submitReport submits it, each moving the version', async () => {
      const version = await versionOf(report);
      expect(await run(UPDATE_REPORT, { id: report, version, progress: 60 })).toMatchObject({ status: 'DRAFT' });
      expect(await run(SUBMIT_REPORT, { id: report, version: version + 1 })).toMatchObject({ status: 'SUBMITTED' });
      const stored = (await app.ok(REPORT, { id: report })).report;
      expect(stored).toMatchObject({ status: 'SUBMITTED', progress: 60, text: 'Quý I/2025: đã đưa 12 tin, bài.', periodEnd: '2025-03-31' });
      expect(Date.parse(stored.submittedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(await versionOf(report)).toBe(version + 2);
    });

    it('deleteReport refuses a stale version, missing fields, unknown and foreign IDs', async () => {
      await expectRefusal(DELETE_REPORT, { id: report, version: (await versionOf(report)) - 1 }, 'CONFLICT', /changed by someone else/);
      await expectRefusal(DELETE_REPORT, { id: report }, 'BAD_USER_INPUT', /"version"/);
      await expectRefusal(DELETE_REPORT, { id: nothing('Report'), version: 1 }, 'NOT_FOUND', /does not exist/);
      await expectRefusal(DELETE_REPORT, { id: task, version: 1 }, 'BAD_USER_INPUT', /is not the ID of a Report/);
      await expectHugeRefused(DELETE_REPORT, { id: HUGE, version: 1 });
      expect((await app.ok(REPORT, { id: report })).report.status).toBe('SUBMITTED');
    });

    it('deleteReport keeps a submitted report and removes a draft', async () => {
      await expectRefusal(
        DELETE_REPORT,
        { id: report, version: await versionOf(report) },
        'BAD_USER_INPUT',
        /Only a DRAFT report is deleted/,
      );
      const draft = await run(CREATE_REPORT, {
        taskId: task,
        agencyId: agencyId(POLICE),
        periodStart: '2025-07-01',
        periodEnd: '2025-09-30',
        kind: 'PERIODIC',
      });
      expect(await run(DELETE_REPORT, { id: draft.id, version: await versionOf(draft.id) })).toEqual({ id: draft.id });
      expect((await app.ok(REPORT, { id: draft.id })).report).toBeNull();
      expect((await app.ok(REPORT, { id: report })).report.status).toBe('SUBMITTED');
    });
  });

  describe('deleting a task', () => {
    it('deleteTask refuses a stale version, missing fields, unknown and foreign IDs', async () => {
      const tasks = await taskCount();
      await expectRefusal(DELETE_TASK, { id: task, version: (await versionOf(task)) - 1 }, 'CONFLICT', /changed by someone else/);
      await expectRefusal(DELETE_TASK, { id: task }, 'BAD_USER_INPUT', /"version"/);
      await expectRefusal(DELETE_TASK, { id: nothing('Task'), version: 1 }, 'NOT_FOUND', /does not exist/);
      await expectRefusal(DELETE_TASK, { id: plan.id, version: 1 }, 'BAD_USER_INPUT', /is not the ID of a Task/);
      await expectHugeRefused(DELETE_TASK, { id: HUGE, version: 1 });
      expect(await taskCount()).toBe(tasks);
    });

    it('deleteTask removes the task with its assignments and reports', async () => {
      const uuid = uuidOf(task).uuid;
      await run(CREATE_REPORT, {
        taskId: task,
        agencyId: agencyId(POLICE),
        periodStart: '2025-04-01',
        periodEnd: '2025-06-30',
        kind: 'PERIODIC',
      });
      expect(await rowCount('assignment', 'task_id = $1', [uuid])).toBe(1);
      // The submitted report of the reports tests, and this draft.
      expect(await rowCount('report', 'task_id = $1', [uuid])).toBe(2);
      const tasks = await taskCount();

      expect(await run(DELETE_TASK, { id: task, version: await versionOf(task) })).toEqual({ id: task });
      expect((await app.ok(TASK, { id: task })).task).toBeNull();
      expect(await taskCount()).toBe(tasks - 1);
      expect(await rowCount('assignment', 'task_id = $1', [uuid])).toBe(0);
      expect(await rowCount('report', 'task_id = $1', [uuid])).toBe(0);
      // The clause it stood on is free again.
      const clause = await app.ok(`{ document(symbol: "19/KH-UBND") { clause(path: "II.4") { tasks { title } } } }`);
      expect(clause.document.clause.tasks.map((item: { title: string }) => item.title)).not.toContain(
        'Đưa tin về kết quả xử lý các hành vi xâm phạm người thi hành công vụ',
      );
    });
  });
});
