// Every filter and ordering of every connection, and the edges of Relay pagination, through the real HTTP endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { moveReport } from '../support/report-workflow';
import { createTestApp, TEST_TODAY, type TestApp } from '../support/test-app';

let app: TestApp;

// ---------------------------------------------------------------------------------------------------------------
// The demo plan 19/KH-UBND and what it names

const PROVINCE = 'Ủy ban nhân dân tỉnh Đắk Nông';
const PROVINCE_OFFICE = 'Văn phòng Ủy ban nhân dân tỉnh Đắk Nông';
const POLICE = 'Công an tỉnh Đắk Nông';
const PROCURACY = 'Viện kiểm sát nhân dân tỉnh Đắk Nông';
const COURT = 'Tòa án nhân dân tỉnh Đắk Nông';
const PROVINCIAL_PARTY = 'Tỉnh ủy Đắk Nông';
const HEADS = 'Các cơ quan, đơn vị, địa phương tỉnh Đắk Nông';

const PLAN = '19/KH-UBND';
const PARTY_PLAN = '197-KH/TU';
const REGULATION = '183-QĐ/TW';
/** A decision of the provincial police entered by this file, so that filters have more than one answer to tell apart. */
const DECISION = '120/QĐ-CAT';

const DEMO_TASKS = 21;
const MONITORING_TITLE = 'Theo dõi, đôn đốc, kiểm tra, hướng dẫn việc thực hiện Kế hoạch này';

/**
 * Tasks of the decision, one or more per deadline status as seen on TEST_TODAY (2025-03-01, due soon = within 7 days).
 * Their titles start with distinct ASCII letters so that ordering by title does not depend on the database collation.
 */
const FIXTURE_TASKS = {
  onTrack: { title: 'Kiểm tra công tác bảo vệ tại Công an các huyện', dueDate: '2025-06-30', clause: '1', expected: 'ON_TRACK' },
  dayAfterWindow: { title: 'Lập danh sách người thi hành công vụ cần bảo vệ', dueDate: '2025-03-09', clause: '1', expected: 'ON_TRACK' },
  dueSoon: {
    title: 'Báo cáo nhanh tình hình bảo vệ phiên tòa lưu động',
    dueDate: '2025-03-05',
    progressStatus: 'IN_PROGRESS',
    kind: 'REPORTING',
    clause: '1',
    expected: 'DUE_SOON',
  },
  dueToday: {
    title: 'Họp giao ban Tổ kiểm tra liên ngành',
    dueDate: TEST_TODAY,
    progressStatus: 'IN_PROGRESS',
    clause: '1',
    expected: 'DUE_SOON',
  },
  lastDayOfWindow: { title: 'Gửi kế hoạch kiểm tra đến các đơn vị', dueDate: '2025-03-08', clause: '1', expected: 'DUE_SOON' },
  overdue: {
    title: 'Rà soát phương án bảo vệ kho vật chứng',
    dueDate: '2025-02-15',
    progressStatus: 'IN_PROGRESS',
    clause: '1',
    expected: 'OVERDUE',
  },
  dueYesterday: {
    title: 'Theo dõi việc khắc phục sau kiểm tra',
    dueDate: '2025-02-28',
    kind: 'MONITORING',
    clause: '1',
    expected: 'OVERDUE',
  },
  doneOnTime: {
    title: 'Phân công thành viên Tổ kiểm tra',
    dueDate: '2025-02-20',
    progressStatus: 'DONE',
    completedOn: '2025-02-20',
    clause: '2',
    expected: 'DONE_ON_TIME',
  },
  doneLate: {
    title: 'Nộp báo cáo kết quả kiểm tra đợt 1',
    dueDate: '2025-02-10',
    progressStatus: 'DONE',
    completedOn: '2025-02-25',
    clause: '2',
    expected: 'DONE_LATE',
  },
} as const;
type FixtureKey = keyof typeof FIXTURE_TASKS;
const title = (key: FixtureKey) => FIXTURE_TASKS[key].title;
const ALL_TASKS = DEMO_TASKS + Object.keys(FIXTURE_TASKS).length;

const ids = {
  agency: {} as Record<string, string>,
  document: {} as Record<string, string>,
  /** Clauses of the plan by path, and of the decision as `decision:<path>`. */
  clause: {} as Record<string, string>,
  task: {} as Record<FixtureKey, string>,
  report: {} as Record<string, string>,
};

function globalId(typeName: string, uuid: string): string {
  return Buffer.from(`${typeName}:${uuid}`, 'utf8').toString('base64url');
}

// ---------------------------------------------------------------------------------------------------------------
// Reading connections

interface Page<T> {
  totalCount: number;
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const PAGE_INFO = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** The variable declarations and arguments of a query on `field` that passes `args` as variables. */
function argumentsOf(field: string, args: Record<string, unknown>): { declared: string; passed: string } {
  const names = Object.keys(args);
  return {
    declared: names.length ? `(${names.map((name) => `$${name}: ${ARG_TYPES[field][name]}`).join(', ')})` : '',
    passed: names.length ? `(${names.map((name) => `${name}: $${name}`).join(', ')})` : '',
  };
}

async function connection<T>(field: string, args: Record<string, unknown>, selection: string): Promise<Page<T>> {
  const { declared, passed } = argumentsOf(field, args);
  const data = await app.ok<{ page: Page<T> }>(
    `query${declared} { page: ${field}${passed} { ${PAGE_INFO} edges { cursor node { ${selection} } } } }`,
    args,
  );
  return { ...data.page, nodes: data.page.edges.map((edge) => edge.node) };
}

const COMMON_ARGS = { first: 'Int', last: 'Int', after: 'String', before: 'String' };
const ARG_TYPES: Record<string, Record<string, string>> = {
  documents: { ...COMMON_ARGS, filter: 'DocumentFilter', orderBy: '[DocumentOrder!]' },
  agencies: { ...COMMON_ARGS, filter: 'AgencyFilter', orderBy: '[AgencyOrder!]' },
  clauses: { ...COMMON_ARGS, filter: 'ClauseFilter' },
  tasks: { ...COMMON_ARGS, filter: 'TaskFilter', orderBy: '[TaskOrder!]' },
  reports: { ...COMMON_ARGS, filter: 'ReportFilter' },
};

const documents = (args: Record<string, unknown> = {}) => connection<{ symbol: string }>('documents', args, 'symbol');
const agencies = (args: Record<string, unknown> = {}) => connection<{ name: string }>('agencies', args, 'name');
const clauses = (args: Record<string, unknown> = {}) =>
  connection<{ path: string; document: { symbol: string } }>('clauses', args, 'path document { symbol }');
const tasks = (args: Record<string, unknown> = {}) =>
  connection<{ id: string; title: string; dueDate: string | null; deadlineStatus: string }>(
    'tasks',
    args,
    'id title dueDate deadlineStatus',
  );
const reports = (args: Record<string, unknown> = {}) => connection<{ id: string }>('reports', args, 'id');

const symbols = (page: Page<{ symbol: string }>) => page.nodes.map((node) => node.symbol);
const names = (page: Page<{ name: string }>) => page.nodes.map((node) => node.name);
const paths = (page: Page<{ path: string }>) => page.nodes.map((node) => node.path);
const titles = (page: Page<{ title: string }>) => page.nodes.map((node) => node.title);
const reportKeys = (page: Page<{ id: string }>) =>
  page.nodes.map((node) => Object.keys(ids.report).find((key) => ids.report[key] === node.id));

/** The code of the first error of a connection query that must fail, and that it answered no data. */
async function refusal(field: string, args: Record<string, unknown>): Promise<string | undefined> {
  const { declared, passed } = argumentsOf(field, args);
  const response = await app.gql(`query${declared} { ${field}${passed} { totalCount } }`, args);
  expect(response.errors, `expected an error, got ${JSON.stringify(response.data)}`).toBeDefined();
  expect(response.data ?? null).toBeNull();
  return response.errors![0].extensions?.code;
}

// ---------------------------------------------------------------------------------------------------------------
// Setup: the demo's IDs, a decision of the provincial police with its tasks, and reports

beforeAll(async () => {
  app = await createTestApp();
  expect(app.config.dueSoonDays).toBe(7);

  const known = await app.ok(`{
    agencies(first: 100) { nodes { id name } }
    documents(first: 100) { nodes { id symbol } }
    plan: document(symbol: "${PLAN}") { clauses { id path } }
  }`);
  for (const agency of known.agencies.nodes) ids.agency[agency.name] = agency.id;
  for (const document of known.documents.nodes) ids.document[document.symbol] = document.id;
  for (const clause of known.plan.clauses) ids.clause[clause.path] = clause.id;

  const { createDocument: decision } = await app.ok(
    `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id clauses { id path } } }`,
    {
      input: {
        kind: 'DECISION',
        symbol: DECISION,
        title: 'Thành lập Tổ kiểm tra liên ngành năm 2025',
        issuedOn: '2025-02-20',
        issuerId: ids.agency[POLICE],
        status: 'DRAFT',
        clauses: [
          {
            label: '1',
            kind: 'SECTION',
            text: 'Thành lập Tổ kiểm tra liên ngành gồm đại diện Công an tỉnh và Viện kiểm sát nhân dân tỉnh.',
          },
          { label: '2', kind: 'SECTION', text: 'Tổ kiểm tra có nhiệm vụ báo cáo kết quả trước ngày 25/02/2025.' },
        ],
      },
    },
  );
  ids.document[DECISION] = decision.id;
  for (const clause of decision.clauses) ids.clause[`decision:${clause.path}`] = clause.id;

  // Công an tỉnh leads two of them and coordinates one; Viện kiểm sát leads one and coordinates one; Tòa án leads one.
  const assignments: Partial<Record<FixtureKey, { agency: string; role: string }[]>> = {
    onTrack: [{ agency: POLICE, role: 'LEAD' }],
    dueSoon: [
      { agency: POLICE, role: 'LEAD' },
      { agency: PROCURACY, role: 'COORDINATOR' },
    ],
    overdue: [
      { agency: PROCURACY, role: 'LEAD' },
      { agency: POLICE, role: 'COORDINATOR' },
    ],
    doneOnTime: [{ agency: COURT, role: 'LEAD' }],
  };
  // One request per task, in this order, so that creation order (the default order) is the order of FIXTURE_TASKS.
  for (const [key, task] of Object.entries(FIXTURE_TASKS) as [FixtureKey, (typeof FIXTURE_TASKS)[FixtureKey]][]) {
    const { clause, expected: _expected, ...fields } = task;
    const { createTask } = await app.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id deadlineStatus } }`, {
      input: {
        ...fields,
        sourceClauseId: ids.clause[`decision:${clause}`],
        assignments: (assignments[key] ?? []).map(({ agency, role }) => ({ agencyId: ids.agency[agency], role })),
      },
    });
    ids.task[key] = createTask.id;
  }

  const report = async (key: string, input: Record<string, unknown>, status?: 'SUBMITTED' | 'ACCEPTED' | 'RETURNED') => {
    const { createReport } = await app.ok(`mutation($input: CreateReportInput!) { createReport(input: $input) { id status version } }`, {
      input,
    });
    expect(createReport.status).toBe('DRAFT');
    ids.report[key] = createReport.id;
    if (status) expect((await moveReport(app, createReport, status)).status).toBe(status);
  };
  await report('policeJanuary', {
    taskId: ids.task.dueSoon,
    agencyId: ids.agency[POLICE],
    kind: 'PERIODIC',
    periodStart: '2025-01-01',
    periodEnd: '2025-01-31',
    progress: 30,
  });
  await report(
    'procuracyFebruary',
    {
      taskId: ids.task.dueSoon,
      agencyId: ids.agency[PROCURACY],
      kind: 'INTERIM_REVIEW',
      periodStart: '2025-02-01',
      periodEnd: '2025-02-28',
    },
    'SUBMITTED',
  );
  await report(
    'policeOnThePlan',
    {
      documentId: ids.document[PLAN],
      agencyId: ids.agency[POLICE],
      kind: 'FINAL_REVIEW',
      periodStart: '2025-01-13',
      periodEnd: '2025-12-31',
    },
    'ACCEPTED',
  );
  await report(
    'courtDecember',
    { taskId: ids.task.doneOnTime, agencyId: ids.agency[COURT], kind: 'AD_HOC', periodStart: '2024-12-01', periodEnd: '2024-12-15' },
    'RETURNED',
  );
});

afterAll(async () => app?.stop());

// ---------------------------------------------------------------------------------------------------------------
// documents

describe('documents: an integrator filters and orders the register', () => {
  it('lists every document, referenced ones included, newest issue first by default', async () => {
    const page = await documents();
    expect(page.totalCount).toBe(4);
    expect(symbols(page)).toEqual([DECISION, PLAN, PARTY_PLAN, REGULATION]);
  });

  it('filters by kind, issuer, year of issue, status and referenced', async () => {
    expect(symbols(await documents({ filter: { kind: ['PLAN'] } }))).toEqual([PLAN, PARTY_PLAN]);
    expect(symbols(await documents({ filter: { kind: ['REGULATION', 'DECISION'] } }))).toEqual([DECISION, REGULATION]);
    expect((await documents({ filter: { kind: ['DIRECTIVE'] } })).totalCount).toBe(0);

    expect(symbols(await documents({ filter: { issuerId: ids.agency[PROVINCE] } }))).toEqual([PLAN]);
    expect(symbols(await documents({ filter: { issuerId: ids.agency[PROVINCIAL_PARTY] } }))).toEqual([PARTY_PLAN]);
    expect(symbols(await documents({ filter: { issuerId: ids.agency['Bộ Chính trị'] } }))).toEqual([REGULATION]);
    expect(symbols(await documents({ filter: { issuerId: ids.agency[POLICE] } }))).toEqual([DECISION]);
    expect((await documents({ filter: { issuerId: ids.agency[COURT] } })).totalCount).toBe(0);

    expect(symbols(await documents({ filter: { year: 2025 } }))).toEqual([DECISION, PLAN]);
    expect(symbols(await documents({ filter: { year: 2024 } }))).toEqual([PARTY_PLAN, REGULATION]);
    expect((await documents({ filter: { year: 2023 } })).totalCount).toBe(0);

    expect(symbols(await documents({ filter: { status: ['DRAFT'] } }))).toEqual([DECISION]);
    expect(symbols(await documents({ filter: { status: ['IN_EFFECT'] } }))).toEqual([PLAN, PARTY_PLAN, REGULATION]);
    expect((await documents({ filter: { status: ['EXPIRED', 'SUPERSEDED'] } })).totalCount).toBe(0);

    expect(symbols(await documents({ filter: { referenced: true } }))).toEqual([PARTY_PLAN, REGULATION]);
    expect(symbols(await documents({ filter: { referenced: false } }))).toEqual([DECISION, PLAN]);
  });

  it('combines filters: all of them must hold', async () => {
    expect(symbols(await documents({ filter: { kind: ['PLAN'], referenced: false } }))).toEqual([PLAN]);
    expect(symbols(await documents({ filter: { year: 2024, kind: ['REGULATION'] } }))).toEqual([REGULATION]);
    expect((await documents({ filter: { year: 2025, referenced: true } })).totalCount).toBe(0);
  });

  it('searches the symbol and title with or without diacritics', async () => {
    expect(symbols(await documents({ filter: { search: 'bao ve co quan' } }))).toEqual([PLAN, PARTY_PLAN, REGULATION]);
    expect(symbols(await documents({ filter: { search: 'bảo vệ cơ quan' } }))).toEqual([PLAN, PARTY_PLAN, REGULATION]);
    expect(symbols(await documents({ filter: { search: 'trien khai bao ve co quan' } }))).toEqual([PLAN]);
    expect(symbols(await documents({ filter: { search: '19/KH' } }))).toEqual([PLAN]);
    expect(symbols(await documents({ filter: { search: 'kh-ubnd' } }))).toEqual([PLAN]);
    expect(symbols(await documents({ filter: { search: '183-QD/TW' } }))).toEqual([PLAN, PARTY_PLAN, REGULATION]);
    expect(symbols(await documents({ filter: { search: 'to kiem tra lien nganh' } }))).toEqual([DECISION]);
    expect(symbols(await documents({ filter: { search: 'Tổ KIỂM TRA' } }))).toEqual([DECISION]);
    expect((await documents({ filter: { search: 'phòng cháy chữa cháy' } })).totalCount).toBe(0);
  });

  it('takes % and _ in a search literally', async () => {
    expect((await documents({ filter: { search: '%' } })).totalCount).toBe(0);
    expect((await documents({ filter: { search: '19_KH' } })).totalCount).toBe(0);
  });

  it('orders by each field, both directions', async () => {
    const order = async (field: string, direction: string) => symbols(await documents({ orderBy: [{ field, direction }] }));
    expect(await order('ISSUED_ON', 'ASC')).toEqual([REGULATION, PARTY_PLAN, PLAN, DECISION]);
    expect(await order('ISSUED_ON', 'DESC')).toEqual([DECISION, PLAN, PARTY_PLAN, REGULATION]);
    expect(await order('TITLE', 'ASC')).toEqual([DECISION, PARTY_PLAN, PLAN, REGULATION]);
    expect(await order('TITLE', 'DESC')).toEqual([REGULATION, PLAN, PARTY_PLAN, DECISION]);
    // The demo loads the plan first, then the two documents it cites; this file adds the decision last.
    expect(await order('CREATED_AT', 'ASC')).toEqual([PLAN, PARTY_PLAN, REGULATION, DECISION]);
    expect(await order('CREATED_AT', 'DESC')).toEqual([DECISION, REGULATION, PARTY_PLAN, PLAN]);
    // "19/KH-UBND" against "197-KH/TU" depends on the collation; the rest does not.
    const bySymbol = await order('SYMBOL', 'ASC');
    expect(bySymbol.slice(0, 2)).toEqual([DECISION, REGULATION]);
    expect(new Set(bySymbol.slice(2))).toEqual(new Set([PLAN, PARTY_PLAN]));
    expect(await order('SYMBOL', 'DESC')).toEqual([...bySymbol].reverse());
  });

  it('orders by ASC when the direction is left out, and pages through an ordered, filtered list', async () => {
    expect(symbols(await documents({ orderBy: [{ field: 'ISSUED_ON' }] }))).toEqual([REGULATION, PARTY_PLAN, PLAN, DECISION]);
    const first = await documents({ filter: { status: ['IN_EFFECT'] }, orderBy: [{ field: 'ISSUED_ON', direction: 'ASC' }], first: 2 });
    expect(symbols(first)).toEqual([REGULATION, PARTY_PLAN]);
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await documents({
      filter: { status: ['IN_EFFECT'] },
      orderBy: [{ field: 'ISSUED_ON', direction: 'ASC' }],
      first: 2,
      after: first.pageInfo.endCursor,
    });
    expect(symbols(second)).toEqual([PLAN]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('refuses an issuerId that is not the ID of an agency, a year out of range and an empty search', async () => {
    expect(await refusal('documents', { filter: { issuerId: ids.document[PLAN] } })).toBe('BAD_USER_INPUT');
    expect(await refusal('documents', { filter: { issuerId: 'not-an-id' } })).toBe('BAD_USER_INPUT');
    expect(await refusal('documents', { filter: { year: 0 } })).toBe('BAD_USER_INPUT');
    expect(await refusal('documents', { filter: { search: '' } })).toBe('BAD_USER_INPUT');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// agencies

describe('agencies: finding the bodies the plan names', () => {
  it('lists all 17 agencies, groups included, by name', async () => {
    const page = await agencies({ first: 100 });
    expect(page.totalCount).toBe(17);
    expect(names(page)[0]).toBe('Báo Đắk Nông');
    expect(names(page)).toContain(HEADS);
  });

  it('searches name, short name and aliases without diacritics', async () => {
    expect(names(await agencies({ filter: { search: 'cong an tinh' } }))).toEqual([POLICE]);
    expect(names(await agencies({ filter: { search: 'Công an tỉnh' } }))).toEqual([POLICE]);
    expect(names(await agencies({ filter: { search: 'VKSND' } }))).toEqual([PROCURACY]);
    expect(names(await agencies({ filter: { search: 'vksnd tinh' } }))).toEqual([PROCURACY]);
    expect(names(await agencies({ filter: { search: 'toa an' } }))).toEqual([COURT]);
    expect(names(await agencies({ filter: { search: 'PT&TH' } }))).toEqual(['Đài Phát thanh và Truyền hình tỉnh Đắk Nông']);
    // Only an alias says "Báo Đắc Nông", the slip of section II.4.
    expect(names(await agencies({ filter: { search: 'bao dac nong' } }))).toEqual(['Báo Đắk Nông']);
    expect(names(await agencies({ filter: { search: 'VPCP' } }))).toEqual(['Văn phòng Chính phủ']);
    // Every agency of the province carries "Đắk Nông" (or "Đăk Nông") in its name or aliases; the two central bodies do not.
    expect((await agencies({ filter: { search: 'dak nong' } })).totalCount).toBe(15);
    expect((await agencies({ filter: { search: 'cong an huyen' } })).totalCount).toBe(0);
    expect((await agencies({ filter: { search: '_' } })).totalCount).toBe(0);
  });

  it('filters by kind, level, group and parent', async () => {
    expect(names(await agencies({ filter: { kind: ['POLICE'] } }))).toEqual([POLICE]);
    expect(names(await agencies({ filter: { kind: ['PROCURACY', 'COURT'] } }))).toEqual([COURT, PROCURACY]);
    expect((await agencies({ filter: { kind: ['MEDIA'] } })).totalCount).toBe(3);
    expect((await agencies({ filter: { kind: ['OTHER'] } })).totalCount).toBe(3);
    expect((await agencies({ filter: { kind: ['MILITARY'] } })).totalCount).toBe(0);

    expect(names(await agencies({ filter: { level: ['CENTRAL'] } }))).toEqual(['Bộ Chính trị', 'Văn phòng Chính phủ']);
    expect(names(await agencies({ filter: { level: ['DISTRICT'] } }))).toEqual(['Ủy ban nhân dân các huyện, thành phố tỉnh Đắk Nông']);
    expect((await agencies({ filter: { level: ['PROVINCE'] } })).totalCount).toBe(14);
    expect((await agencies({ filter: { level: ['CENTRAL', 'DISTRICT'] } })).totalCount).toBe(3);

    const groups = await agencies({ filter: { isGroup: true } });
    expect(groups.totalCount).toBe(5);
    expect(new Set(names(groups))).toEqual(
      new Set([
        'Các Sở, Ban, ngành, đoàn thể tỉnh Đắk Nông',
        'Các cơ quan thông tin đại chúng trên địa bàn tỉnh Đắk Nông',
        'Các cơ quan, đơn vị liên quan tỉnh Đắk Nông',
        HEADS,
        'Ủy ban nhân dân các huyện, thành phố tỉnh Đắk Nông',
      ]),
    );
    expect((await agencies({ filter: { isGroup: false } })).totalCount).toBe(12);

    expect(names(await agencies({ filter: { parentId: ids.agency[PROVINCE] } }))).toEqual([PROVINCE_OFFICE]);
    expect((await agencies({ filter: { parentId: ids.agency[POLICE] } })).totalCount).toBe(0);

    expect(names(await agencies({ filter: { kind: ['MEDIA'], isGroup: false } }))).toEqual([
      'Báo Đắk Nông',
      'Đài Phát thanh và Truyền hình tỉnh Đắk Nông',
    ]);
    expect(names(await agencies({ filter: { kind: ['PEOPLES_COMMITTEE'], level: ['PROVINCE'] } }))).toEqual([PROVINCE]);
    expect(names(await agencies({ filter: { search: 'van phong', level: ['CENTRAL'] } }))).toEqual(['Văn phòng Chính phủ']);
  });

  it('orders by name and by creation, both directions', async () => {
    const byName = names(await agencies({ first: 100, orderBy: [{ field: 'NAME', direction: 'ASC' }] }));
    expect(byName).toHaveLength(17);
    expect(byName[0]).toBe('Báo Đắk Nông');
    // Names that differ in a plain letter come in alphabetical order whatever the collation.
    const ascii = ['Bộ Chính trị', POLICE, 'Cục Thi hành án dân sự tỉnh Đắk Nông', COURT, 'Văn phòng Chính phủ'];
    expect(byName.filter((name) => ascii.includes(name))).toEqual(ascii);
    expect(names(await agencies({ first: 100, orderBy: [{ field: 'NAME', direction: 'DESC' }] }))).toEqual([...byName].reverse());

    // The demo creates the agencies in the order the dataset lists them.
    const byCreation = names(await agencies({ first: 100, orderBy: [{ field: 'CREATED_AT', direction: 'ASC' }] }));
    expect(byCreation.slice(0, 4)).toEqual([PROVINCE, PROVINCE_OFFICE, POLICE, PROCURACY]);
    expect(byCreation.at(-1)).toBe('Các cơ quan, đơn vị liên quan tỉnh Đắk Nông');
    expect(names(await agencies({ first: 100, orderBy: [{ field: 'CREATED_AT', direction: 'DESC' }] }))).toEqual([...byCreation].reverse());
  });

  it('pages through the agencies', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (const expected of [5, 5, 5, 2]) {
      const page: Page<{ name: string }> = await agencies({ first: 5, ...(after ? { after } : {}) });
      expect(page.nodes).toHaveLength(expected);
      expect(page.totalCount).toBe(17);
      seen.push(...names(page));
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(names(await agencies({ first: 100 })));
  });

  it('refuses a parentId that is not the ID of an agency, and more than 100 a page', async () => {
    expect(await refusal('agencies', { filter: { parentId: ids.task.onTrack } })).toBe('BAD_USER_INPUT');
    expect(await refusal('agencies', { first: 101 })).toBe('BAD_USER_INPUT');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// clauses

describe('clauses: reading the clause tree across documents', () => {
  it('lists the 29 clauses of the plan in printed order (the preamble first), 20 a page by default', async () => {
    const page = await clauses({ filter: { documentId: ids.document[PLAN] } });
    expect(page.totalCount).toBe(29);
    expect(page.nodes).toHaveLength(20);
    expect(paths(page).slice(0, 9)).toEqual(['preamble', 'I', 'I.1', 'I.2', 'I.3', 'II', 'II.1', 'II.2', 'II.2.1']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = await clauses({ filter: { documentId: ids.document[PLAN] }, after: page.pageInfo.endCursor });
    expect(paths(rest)).toEqual(['II.3.5', 'II.4', 'II.5', 'II.6', 'II.6.1', 'II.6.2', 'III', 'III.1', 'III.2']);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(new Set(rest.nodes.map((node) => node.document.symbol))).toEqual(new Set([PLAN]));
  });

  it('filters by document: all documents together, the decision, and a referenced document without text', async () => {
    expect((await clauses()).totalCount).toBe(31);
    expect(paths(await clauses({ filter: { documentId: ids.document[DECISION] } }))).toEqual(['1', '2']);
    expect((await clauses({ filter: { documentId: ids.document[REGULATION] } })).totalCount).toBe(0);
    expect((await clauses({ filter: { documentId: ids.document[PARTY_PLAN] } })).totalCount).toBe(0);
  });

  it('filters by kind', async () => {
    expect(paths(await clauses({ filter: { kind: ['PART'] } }))).toEqual(['I', 'II', 'III']);
    expect(paths(await clauses({ filter: { kind: ['PARAGRAPH'] } }))).toEqual(['preamble']);
    expect((await clauses({ filter: { kind: ['ITEM'] } })).totalCount).toBe(14);
    expect((await clauses({ filter: { kind: ['SECTION'] } })).totalCount).toBe(13);
    expect((await clauses({ filter: { kind: ['SECTION'], documentId: ids.document[PLAN] } })).totalCount).toBe(11);
    expect((await clauses({ filter: { kind: ['PART', 'PARAGRAPH'], documentId: ids.document[PLAN] } })).totalCount).toBe(4);
    expect((await clauses({ filter: { kind: ['POINT', 'BULLET'] } })).totalCount).toBe(0);
  });

  it('searches label, heading and text without diacritics', async () => {
    expect(paths(await clauses({ filter: { search: 'canh gac' } }))).toEqual(['II.3.3']);
    expect(paths(await clauses({ filter: { search: 'phien toa luu dong' } }))).toEqual(['II.3.4']);
    // The heading of II.3 names the procuracy, and so does the text of II.2.2 ("kiểm sát viên").
    expect(paths(await clauses({ filter: { search: 'vien kiem sat', documentId: ids.document[PLAN] } }))).toEqual(['II.2.2', 'II.3']);
    // The heading of II.4 prints "Báo Đắc Nông".
    expect(paths(await clauses({ filter: { search: 'bao dac nong' } }))).toEqual(['II.4']);
    expect(paths(await clauses({ filter: { search: '2.5' } }))).toEqual(['II.2.5']);
    expect(paths(await clauses({ filter: { search: 'to quoc', kind: ['SECTION'] } }))).toEqual(['II.5']);
    expect(paths(await clauses({ filter: { search: 'Tổ kiểm tra liên ngành' } }))).toEqual(['1']);
    expect((await clauses({ filter: { search: 'vu trang canh gac', documentId: ids.document[DECISION] } })).totalCount).toBe(0);
  });

  it('refuses a documentId that is not the ID of a document', async () => {
    expect(await refusal('clauses', { filter: { documentId: ids.clause['II.3'] } })).toBe('BAD_USER_INPUT');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// tasks

describe('tasks: who must do what, by when', () => {
  it('lists the 21 tasks of the plan and the 9 of the decision, in creation order by default', async () => {
    const page = await tasks({ first: 100 });
    expect(page.totalCount).toBe(ALL_TASKS);
    expect(titles(page)[0]).toBe(
      'Tổ chức quán triệt, tuyên truyền, giáo dục, phổ biến và triển khai thực hiện nghiêm Quy định số 183-QĐ/TW',
    );
    expect(titles(page)[DEMO_TASKS - 1]).toBe('Định kỳ tham mưu sơ kết, tổng kết, báo cáo Ủy ban nhân dân tỉnh');
    expect(titles(page).slice(DEMO_TASKS)).toEqual(Object.keys(FIXTURE_TASKS).map((key) => title(key as FixtureKey)));
  });

  it('finds the tasks of an agency, as lead or as coordinator', async () => {
    const police = ids.agency[POLICE];
    // II.3.1–II.3.5 and the two tasks of III.2 from the plan; onTrack, dueSoon and overdue from the decision.
    expect((await tasks({ filter: { agencyId: police } })).totalCount).toBe(10);
    expect((await tasks({ filter: { agencyId: police, role: 'LEAD' } })).totalCount).toBe(9);
    expect(titles(await tasks({ filter: { agencyId: police, role: 'COORDINATOR' } }))).toEqual([title('overdue')]);

    // Văn phòng UBND tỉnh only coordinates the monitoring task of III.2.
    const office = ids.agency[PROVINCE_OFFICE];
    expect(titles(await tasks({ filter: { agencyId: office } }))).toEqual([MONITORING_TITLE]);
    expect(titles(await tasks({ filter: { agencyId: office, role: 'COORDINATOR' } }))).toEqual([MONITORING_TITLE]);
    expect((await tasks({ filter: { agencyId: office, role: 'LEAD' } })).totalCount).toBe(0);

    const procuracy = ids.agency[PROCURACY];
    expect((await tasks({ filter: { agencyId: procuracy, role: 'LEAD' } })).totalCount).toBe(6);
    expect(titles(await tasks({ filter: { agencyId: procuracy, role: 'COORDINATOR' } }))).toEqual([title('dueSoon')]);

    // The heads of every agency lead II.1, II.2.1–II.2.7 and the two tasks of III.1.
    expect((await tasks({ filter: { agencyId: ids.agency[HEADS], role: 'LEAD' } })).totalCount).toBe(10);
    expect((await tasks({ filter: { agencyId: ids.agency['Bộ Chính trị'] } })).totalCount).toBe(0);
  });

  it('refuses a role without an agency', async () => {
    const response = await app.gql(`{ tasks(filter: { role: LEAD }) { totalCount } }`);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/agencyId/);
    expect(response.data ?? null).toBeNull();
  });

  it('filters by document and by source clause', async () => {
    expect((await tasks({ filter: { documentId: ids.document[PLAN] } })).totalCount).toBe(DEMO_TASKS);
    expect((await tasks({ filter: { documentId: ids.document[DECISION] } })).totalCount).toBe(9);
    expect((await tasks({ filter: { documentId: ids.document[REGULATION] } })).totalCount).toBe(0);

    expect(titles(await tasks({ filter: { sourceClauseId: ids.clause['III.2'] } }))).toEqual([
      MONITORING_TITLE,
      'Định kỳ tham mưu sơ kết, tổng kết, báo cáo Ủy ban nhân dân tỉnh',
    ]);
    expect(titles(await tasks({ filter: { sourceClauseId: ids.clause['II.4'] } }))).toEqual([
      'Phổ biến, tuyên truyền việc triển khai thực hiện Quy định số 183-QĐ/TW và Kế hoạch này',
    ]);
    expect(titles(await tasks({ filter: { sourceClauseId: ids.clause['decision:2'] } }))).toEqual([title('doneOnTime'), title('doneLate')]);
    // A task stands on the clause itself, not on its sub-clauses.
    expect((await tasks({ filter: { sourceClauseId: ids.clause['II.3'] } })).totalCount).toBe(0);
    // Both filters at once: a clause of another document gives nothing.
    expect((await tasks({ filter: { sourceClauseId: ids.clause['III.2'], documentId: ids.document[DECISION] } })).totalCount).toBe(0);
  });

  it('filters by kind and progress status', async () => {
    const reporting = titles(await tasks({ filter: { kind: ['REPORTING'] } }));
    expect(reporting).toEqual([
      'Định kỳ sơ kết, tổng kết, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Công an tỉnh)',
      'Định kỳ tham mưu sơ kết, tổng kết, báo cáo Ủy ban nhân dân tỉnh',
      title('dueSoon'),
    ]);
    expect(titles(await tasks({ filter: { kind: ['MONITORING'] } }))).toEqual([
      'Tổ chức kiểm tra, giám sát việc triển khai, thực hiện Quy định số 183-QĐ/TW',
      MONITORING_TITLE,
      title('dueYesterday'),
    ]);
    expect((await tasks({ filter: { kind: ['ACTION'] } })).totalCount).toBe(ALL_TASKS - 6);
    expect((await tasks({ filter: { kind: ['REPORTING', 'MONITORING'], documentId: ids.document[PLAN] } })).totalCount).toBe(4);

    expect((await tasks({ filter: { progressStatus: ['NOT_STARTED'] } })).totalCount).toBe(DEMO_TASKS + 4);
    expect(titles(await tasks({ filter: { progressStatus: ['IN_PROGRESS'] } }))).toEqual([
      title('dueSoon'),
      title('dueToday'),
      title('overdue'),
    ]);
    expect(titles(await tasks({ filter: { progressStatus: ['DONE'] } }))).toEqual([title('doneOnTime'), title('doneLate')]);
    expect((await tasks({ filter: { progressStatus: ['IN_PROGRESS', 'DONE'] } })).totalCount).toBe(5);
    expect((await tasks({ filter: { progressStatus: ['CANCELLED'] } })).totalCount).toBe(0);
  });

  it('derives every deadline status, and the filter agrees with the field on every task', async () => {
    const all = (await tasks({ first: 100 })).nodes;
    for (const [key, task] of Object.entries(FIXTURE_TASKS)) {
      expect(all.find((node) => node.id === ids.task[key as FixtureKey])?.deadlineStatus, key).toBe(task.expected);
    }
    // The demo tasks have no due date: they are on track.
    expect(all.slice(0, DEMO_TASKS).every((node) => node.deadlineStatus === 'ON_TRACK')).toBe(true);

    const expectedCounts = { ON_TRACK: DEMO_TASKS + 2, DUE_SOON: 3, OVERDUE: 2, DONE_ON_TIME: 1, DONE_LATE: 1 };
    for (const [status, count] of Object.entries(expectedCounts)) {
      const filtered = await tasks({ first: 100, filter: { deadlineStatus: [status] } });
      expect(filtered.totalCount, status).toBe(count);
      expect(filtered.nodes.map((node) => node.id)).toEqual(all.filter((node) => node.deadlineStatus === status).map((node) => node.id));
      expect(filtered.nodes.every((node) => node.deadlineStatus === status)).toBe(true);
    }
    expect(titles(await tasks({ filter: { deadlineStatus: ['OVERDUE', 'DUE_SOON'] } }))).toEqual([
      title('dueSoon'),
      title('dueToday'),
      title('lastDayOfWindow'),
      title('overdue'),
      title('dueYesterday'),
    ]);
    expect(titles(await tasks({ filter: { deadlineStatus: ['ON_TRACK'], documentId: ids.document[DECISION] } }))).toEqual([
      title('onTrack'),
      title('dayAfterWindow'),
    ]);
  });

  it('filters by due date, both bounds inclusive', async () => {
    expect(titles(await tasks({ filter: { dueFrom: TEST_TODAY } }))).toEqual([
      title('onTrack'),
      title('dayAfterWindow'),
      title('dueSoon'),
      title('dueToday'),
      title('lastDayOfWindow'),
    ]);
    expect(titles(await tasks({ filter: { dueTo: '2025-02-28' } }))).toEqual([
      title('overdue'),
      title('dueYesterday'),
      title('doneOnTime'),
      title('doneLate'),
    ]);
    expect(titles(await tasks({ filter: { dueFrom: TEST_TODAY, dueTo: '2025-03-08' } }))).toEqual([
      title('dueSoon'),
      title('dueToday'),
      title('lastDayOfWindow'),
    ]);
    expect(titles(await tasks({ filter: { dueFrom: '2025-02-20', dueTo: '2025-02-20' } }))).toEqual([title('doneOnTime')]);
    expect((await tasks({ filter: { dueFrom: '2025-07-01' } })).totalCount).toBe(0);
    expect((await tasks({ filter: { dueFrom: '2025-03-09', dueTo: '2025-03-01' } })).totalCount).toBe(0);
  });

  it('searches title, description and due phrase without diacritics', async () => {
    // II.3.3 of the plan ("kho bảo quản vật chứng") and the decision's overdue task ("kho vật chứng").
    expect(titles(await tasks({ filter: { search: 'kho vat chung' } }))).toEqual([
      'Bố trí lực lượng canh gác, bảo vệ an toàn trụ sở, tài sản, hồ sơ, cơ sở giam giữ, kho bảo quản vật chứng',
      title('overdue'),
    ]);
    // The due phrase of III.1's first task, and the text of II.2.5.
    expect(titles(await tasks({ filter: { search: 'khan truong' } }))).toEqual([
      'Tiếp nhận, giải quyết các yêu cầu, đề nghị áp dụng biện pháp bảo vệ của cơ quan, tổ chức, người thi hành công vụ',
      'Xây dựng văn bản triển khai thực hiện Quy định số 183-QĐ/TW',
    ]);
    expect((await tasks({ filter: { search: 'thuong xuyen' } })).totalCount).toBe(3);
    expect(titles(await tasks({ filter: { search: 'theo doi don doc' } }))).toEqual([MONITORING_TITLE]);
    expect(titles(await tasks({ filter: { search: 'khắc phục' } }))).toEqual([
      'Tiếp nhận, giải quyết các yêu cầu, đề nghị áp dụng biện pháp bảo vệ của cơ quan, tổ chức, người thi hành công vụ',
      'Phối hợp triển khai các biện pháp bảo vệ cần thiết để ngăn chặn, chấm dứt các hành vi xâm phạm, đe dọa xâm phạm',
      title('dueYesterday'),
    ]);
    expect(titles(await tasks({ filter: { search: 'phien toa luu dong' } }))).toEqual([
      'Bố trí lực lượng bảo vệ, xây dựng phương án bảo vệ các hoạt động tố tụng, thi hành án ngoài trụ sở',
      title('dueSoon'),
    ]);
    expect(titles(await tasks({ filter: { search: 'dinh ky', kind: ['REPORTING'] } }))).toEqual([
      'Định kỳ sơ kết, tổng kết, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Công an tỉnh)',
      'Định kỳ tham mưu sơ kết, tổng kết, báo cáo Ủy ban nhân dân tỉnh',
    ]);
    expect((await tasks({ filter: { search: 'phòng cháy' } })).totalCount).toBe(0);
  });

  it('combines an agency with a search, a deadline status and a document', async () => {
    const police = ids.agency[POLICE];
    expect(titles(await tasks({ filter: { agencyId: police, search: 'kiem tra' } }))).toEqual([
      'Tổ chức triển khai thực hiện các nhiệm vụ được giao tại Mục 2, Phần II Kế hoạch này',
      MONITORING_TITLE,
      title('onTrack'),
    ]);
    expect(titles(await tasks({ filter: { agencyId: police, deadlineStatus: ['DUE_SOON', 'OVERDUE'] } }))).toEqual([
      title('dueSoon'),
      title('overdue'),
    ]);
    expect(titles(await tasks({ filter: { agencyId: police, role: 'LEAD', documentId: ids.document[DECISION] } }))).toEqual([
      title('onTrack'),
      title('dueSoon'),
    ]);
  });

  it('orders by due date, tasks without one last in both directions', async () => {
    const ascending = await tasks({ first: 100, orderBy: [{ field: 'DUE_DATE', direction: 'ASC' }] });
    const dated = [
      'doneLate',
      'overdue',
      'doneOnTime',
      'dueYesterday',
      'dueToday',
      'dueSoon',
      'lastDayOfWindow',
      'dayAfterWindow',
      'onTrack',
    ];
    expect(titles(ascending).slice(0, 9)).toEqual(dated.map((key) => title(key as FixtureKey)));
    expect(ascending.nodes.slice(9).every((node) => node.dueDate === null)).toBe(true);

    const descending = await tasks({ first: 100, orderBy: [{ field: 'DUE_DATE', direction: 'DESC' }] });
    expect(titles(descending).slice(0, 9)).toEqual([...dated].reverse().map((key) => title(key as FixtureKey)));
    expect(descending.nodes.slice(9).every((node) => node.dueDate === null)).toBe(true);

    const dueDates = ascending.nodes.slice(0, 9).map((node) => node.dueDate);
    expect(dueDates).toEqual([...dueDates].sort());
  });

  it('orders by title, both directions, and by due date then title', async () => {
    const decision = { documentId: ids.document[DECISION] };
    const byTitle = [
      'dueSoon',
      'lastDayOfWindow',
      'dueToday',
      'onTrack',
      'dayAfterWindow',
      'doneLate',
      'doneOnTime',
      'overdue',
      'dueYesterday',
    ];
    expect(titles(await tasks({ filter: decision, orderBy: [{ field: 'TITLE', direction: 'ASC' }] }))).toEqual(
      byTitle.map((key) => title(key as FixtureKey)),
    );
    expect(titles(await tasks({ filter: decision, orderBy: [{ field: 'TITLE', direction: 'DESC' }] }))).toEqual(
      [...byTitle].reverse().map((key) => title(key as FixtureKey)),
    );

    const all = titles(await tasks({ first: 100, orderBy: [{ field: 'TITLE', direction: 'ASC' }] }));
    expect(all).toHaveLength(ALL_TASKS);
    // Titles that begin with different plain letters come in alphabetical order whatever the collation.
    const initials = all.map((name) => name[0]).filter((initial) => /[A-Z]/.test(initial));
    expect(initials).toEqual([...initials].sort());
    expect(initials[0]).toBe('B');
    expect(titles(await tasks({ first: 100, orderBy: [{ field: 'TITLE', direction: 'DESC' }] }))).toEqual([...all].reverse());

    // Two orders: the plan's tasks (no due date) fall to the end, among themselves by title.
    const twoKeys = titles(await tasks({ first: 100, orderBy: [{ field: 'DUE_DATE' }, { field: 'TITLE' }] }));
    expect(twoKeys.slice(9)).toEqual(all.filter((name) => !Object.values(FIXTURE_TASKS).some((task) => task.title === name)));
  });

  it('refuses IDs of the wrong type in every ID filter', async () => {
    expect(await refusal('tasks', { filter: { documentId: ids.task.onTrack } })).toBe('BAD_USER_INPUT');
    expect(await refusal('tasks', { filter: { agencyId: ids.document[PLAN] } })).toBe('BAD_USER_INPUT');
    expect(await refusal('tasks', { filter: { sourceClauseId: ids.document[PLAN] } })).toBe('BAD_USER_INPUT');
    expect(await refusal('tasks', { filter: { documentId: 'bm90aGluZw' } })).toBe('BAD_USER_INPUT');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// reports

describe('reports: what the agencies reported', () => {
  it('lists every report, latest period first', async () => {
    const page = await reports();
    expect(page.totalCount).toBe(4);
    expect(reportKeys(page)).toEqual(['procuracyFebruary', 'policeOnThePlan', 'policeJanuary', 'courtDecember']);
  });

  it('filters by task, document and submitting agency', async () => {
    expect(reportKeys(await reports({ filter: { taskId: ids.task.dueSoon } }))).toEqual(['procuracyFebruary', 'policeJanuary']);
    expect(reportKeys(await reports({ filter: { taskId: ids.task.doneOnTime } }))).toEqual(['courtDecember']);
    expect((await reports({ filter: { taskId: ids.task.onTrack } })).totalCount).toBe(0);

    expect(reportKeys(await reports({ filter: { documentId: ids.document[PLAN] } }))).toEqual(['policeOnThePlan']);
    expect((await reports({ filter: { documentId: ids.document[REGULATION] } })).totalCount).toBe(0);

    expect(reportKeys(await reports({ filter: { agencyId: ids.agency[POLICE] } }))).toEqual(['policeOnThePlan', 'policeJanuary']);
    expect(reportKeys(await reports({ filter: { agencyId: ids.agency[PROCURACY] } }))).toEqual(['procuracyFebruary']);
    expect((await reports({ filter: { agencyId: ids.agency[PROVINCE_OFFICE] } })).totalCount).toBe(0);
    expect(reportKeys(await reports({ filter: { agencyId: ids.agency[POLICE], taskId: ids.task.dueSoon } }))).toEqual(['policeJanuary']);
  });

  it('filters by status and kind', async () => {
    expect(reportKeys(await reports({ filter: { status: ['DRAFT'] } }))).toEqual(['policeJanuary']);
    expect(reportKeys(await reports({ filter: { status: ['SUBMITTED', 'ACCEPTED'] } }))).toEqual(['procuracyFebruary', 'policeOnThePlan']);
    expect(reportKeys(await reports({ filter: { status: ['RETURNED'] } }))).toEqual(['courtDecember']);

    expect(reportKeys(await reports({ filter: { kind: ['PERIODIC'] } }))).toEqual(['policeJanuary']);
    expect(reportKeys(await reports({ filter: { kind: ['INTERIM_REVIEW'] } }))).toEqual(['procuracyFebruary']);
    expect(reportKeys(await reports({ filter: { kind: ['FINAL_REVIEW', 'AD_HOC'] } }))).toEqual(['policeOnThePlan', 'courtDecember']);
    expect((await reports({ filter: { kind: ['PERIODIC'], status: ['ACCEPTED'] } })).totalCount).toBe(0);
  });

  it('filters by period: periods that overlap [periodFrom, periodTo]', async () => {
    expect(reportKeys(await reports({ filter: { periodFrom: '2025-02-01' } }))).toEqual(['procuracyFebruary', 'policeOnThePlan']);
    // periodFrom is inclusive: a period ending on that day counts.
    expect(reportKeys(await reports({ filter: { periodFrom: '2025-01-31' } }))).toEqual([
      'procuracyFebruary',
      'policeOnThePlan',
      'policeJanuary',
    ]);
    expect(reportKeys(await reports({ filter: { periodTo: '2024-12-31' } }))).toEqual(['courtDecember']);
    // periodTo is inclusive: a period starting on that day counts.
    expect(reportKeys(await reports({ filter: { periodTo: '2025-01-13' } }))).toEqual([
      'policeOnThePlan',
      'policeJanuary',
      'courtDecember',
    ]);
    expect(reportKeys(await reports({ filter: { periodFrom: '2025-01-31', periodTo: '2025-01-31' } }))).toEqual([
      'policeOnThePlan',
      'policeJanuary',
    ]);
    expect((await reports({ filter: { periodFrom: '2024-12-16', periodTo: '2024-12-31' } })).totalCount).toBe(0);
  });

  it('refuses IDs of the wrong type', async () => {
    expect(await refusal('reports', { filter: { taskId: ids.agency[POLICE] } })).toBe('BAD_USER_INPUT');
    expect(await refusal('reports', { filter: { documentId: ids.task.dueSoon } })).toBe('BAD_USER_INPUT');
    expect(await refusal('reports', { filter: { agencyId: ids.report.policeJanuary } })).toBe('BAD_USER_INPUT');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// pagination

describe('pagination: first/after and last/before over the 30 tasks', () => {
  let everyTask: string[];
  beforeAll(async () => {
    everyTask = (await tasks({ first: 100 })).nodes.map((node) => node.id);
    expect(everyTask).toHaveLength(ALL_TASKS);
    expect(new Set(everyTask).size).toBe(ALL_TASKS);
  });

  it('gives 20 by default, with the page info of the first page', async () => {
    const page = await tasks();
    expect(page.totalCount).toBe(ALL_TASKS);
    expect(page.nodes.map((node) => node.id)).toEqual(everyTask.slice(0, 20));
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: page.edges[0].cursor,
      endCursor: page.edges[19].cursor,
    });
  });

  it('answers first: 0 with no edges and the count', async () => {
    const page = await tasks({ first: 0 });
    expect(page.edges).toEqual([]);
    expect(page.totalCount).toBe(ALL_TASKS);
    expect(page.pageInfo.startCursor).toBeNull();
    expect(page.pageInfo.endCursor).toBeNull();
    expect(page.pageInfo.hasPreviousPage).toBe(false);
  });

  it('allows first: 100 and last: 100', async () => {
    const forward = await tasks({ first: 100 });
    expect(forward.nodes).toHaveLength(ALL_TASKS);
    expect(forward.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const backward = await tasks({ last: 100 });
    expect(backward.nodes.map((node) => node.id)).toEqual(everyTask);
    expect(backward.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('refuses more than 100, a negative size, and first with last', async () => {
    expect(await refusal('tasks', { first: 101 })).toBe('BAD_USER_INPUT');
    expect(await refusal('tasks', { last: 101 })).toBe('BAD_USER_INPUT');
    expect(await refusal('tasks', { first: -1 })).toBe('BAD_USER_INPUT');
    expect(await refusal('tasks', { first: 5, last: 5 })).toBe('BAD_USER_INPUT');
    expect(await refusal('documents', { last: 101 })).toBe('BAD_USER_INPUT');
    expect(await refusal('clauses', { first: 101 })).toBe('BAD_USER_INPUT');
    expect(await refusal('reports', { first: 1, last: 1 })).toBe('BAD_USER_INPUT');
  });

  it('keeps totalCount whatever the page size', async () => {
    for (const first of [0, 1, 7, 100]) expect((await tasks({ first })).totalCount).toBe(ALL_TASKS);
    expect((await tasks({ last: 3 })).totalCount).toBe(ALL_TASKS);
    expect((await tasks({ first: 1, filter: { documentId: ids.document[DECISION] } })).totalCount).toBe(9);
    expect((await tasks({ first: 2, filter: { deadlineStatus: ['ON_TRACK'] } })).totalCount).toBe(DEMO_TASKS + 2);
  });

  it('walks forward with first/after: every task once, in order', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page<{ id: string }> = await tasks({ first: 7, ...(after ? { after } : {}) });
      expect(page.totalCount).toBe(ALL_TASKS);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      seen.push(...page.nodes.map((node) => node.id));
      sizes.push(page.nodes.length);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(sizes).toEqual([7, 7, 7, 7, 2]);
    expect(seen).toEqual(everyTask);

    const beyond = await tasks({ first: 7, after: (await tasks({ first: 100 })).pageInfo.endCursor });
    expect(beyond.edges).toEqual([]);
    expect(beyond.pageInfo).toMatchObject({ hasNextPage: false, startCursor: null, endCursor: null });
  });

  it('walks backward with last/before: every task once, in the same order', async () => {
    const pages: string[][] = [];
    const sizes: number[] = [];
    let before: string | null = null;
    for (;;) {
      const page: Page<{ id: string }> = await tasks({ last: 7, ...(before ? { before } : {}) });
      expect(page.totalCount).toBe(ALL_TASKS);
      if (before === null) expect(page.pageInfo.hasNextPage).toBe(false);
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      pages.unshift(page.nodes.map((node) => node.id));
      sizes.push(page.nodes.length);
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(sizes).toEqual([7, 7, 7, 7, 2]);
    expect(pages.flat()).toEqual(everyTask);

    const before0 = await tasks({ last: 7, before: (await tasks({ first: 1 })).pageInfo.startCursor });
    expect(before0.edges).toEqual([]);
    expect(before0.pageInfo).toMatchObject({ hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  it('gives the same cursors forward and backward, and pages between two cursors', async () => {
    const forward = await tasks({ first: 100 });
    const backward = await tasks({ last: 10 });
    expect(backward.edges).toEqual(forward.edges.slice(-10));
    const between = await tasks({ after: forward.edges[4].cursor, before: forward.edges[10].cursor });
    expect(between.nodes.map((node) => node.id)).toEqual(everyTask.slice(5, 10));
    const lastBetween = await tasks({ last: 2, after: forward.edges[4].cursor, before: forward.edges[10].cursor });
    expect(lastBetween.nodes.map((node) => node.id)).toEqual(everyTask.slice(8, 10));
  });

  it('pages through a filtered, ordered list without losing a task', async () => {
    const filter = { documentId: ids.document[DECISION] };
    const orderBy = [{ field: 'DUE_DATE', direction: 'DESC' }];
    const first = await tasks({ filter, orderBy, first: 4 });
    const second = await tasks({ filter, orderBy, first: 4, after: first.pageInfo.endCursor });
    const third = await tasks({ filter, orderBy, first: 4, after: second.pageInfo.endCursor });
    expect([first, second, third].map((page) => page.nodes.length)).toEqual([4, 4, 1]);
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const dueDates = [first, second, third].flatMap((page) => page.nodes.map((node) => node.dueDate));
    expect(dueDates).toEqual([...dueDates].sort().reverse());
  });

  it('refuses a cursor it did not give out', async () => {
    expect(await refusal('tasks', { after: 'not a cursor' })).toBe('BAD_USER_INPUT');
    expect(await refusal('tasks', { before: 'bm90aGluZw' })).toBe('BAD_USER_INPUT');
    expect(await refusal('tasks', { after: Buffer.from('offset:-1').toString('base64url') })).toBe('BAD_USER_INPUT');
    expect(await refusal('agencies', { after: ids.agency[POLICE] })).toBe('BAD_USER_INPUT');
  });

  it('refuses an ID of the wrong type (a Task ID as documentId), and a well-formed ID of nothing finds nothing', async () => {
    const response = await app.gql(`query($id: ID!) { tasks(filter: { documentId: $id }) { totalCount } }`, { id: ids.task.onTrack });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/documentId/);
    const nothing = globalId('Document', '00000000-0000-4000-8000-000000000000');
    expect((await tasks({ filter: { documentId: nothing } })).totalCount).toBe(0);
  });
});

describe('orders the way a Vietnamese reader expects', () => {
  it("sorts agency names with Đ among the d's and Ủy among the u's, not after every unaccented letter", async () => {
    const data = await app.ok(`{ agencies(first: 100, orderBy: [{ field: NAME }], filter: { isGroup: false }) { nodes { name } } }`);
    const names: string[] = data.agencies.nodes.map((agency: { name: string }) => agency.name);
    expect(names.indexOf('Đài Phát thanh và Truyền hình tỉnh Đắk Nông')).toBeLessThan(names.indexOf(COURT));
    expect(names.indexOf(PROVINCE)).toBeLessThan(names.indexOf(PROVINCE_OFFICE));
    expect(names.indexOf(PROVINCE)).toBeLessThan(names.indexOf(PROCURACY));
    expect(names.at(-1)).toBe(PROCURACY);
  });

  it('lists clause II.2.10 after II.2.9, in printed order rather than text order', async () => {
    const { document } = await app.ok(`{ document(symbol: "${PLAN}") { id clause(path: "II.2") { id } } }`);
    for (const label of ['2.8', '2.9', '2.10']) {
      await app.ok(`mutation($input: AddClauseInput!) { addClause(input: $input) { path } }`, {
        input: { documentId: document.id, parentId: document.clause.id, label, kind: 'ITEM', text: `Điểm ${label} thêm để thử thứ tự.` },
      });
    }
    const page = await app.ok(`query($id: ID!) { clauses(first: 100, filter: { documentId: $id }) { nodes { path } } }`, {
      id: document.id,
    });
    const order: string[] = page.clauses.nodes.map((clause: { path: string }) => clause.path);
    expect(order.slice(order.indexOf('II.2.7'), order.indexOf('II.2.7') + 5)).toEqual(['II.2.7', 'II.2.8', 'II.2.9', 'II.2.10', 'II.3']);
  });
});
