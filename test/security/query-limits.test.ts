// What one GraphQL request may ask, through the real endpoint: depth, aliases, directives, tokens, cost, page size,
// validation errors and body size; hostile search strings answered as plain text.
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { QUERY_LIMITS } from '../../server/graphql/armor';
import { DRAFT_FIELDS, TREE } from '../importer/draft-query';
import { createTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ production: true });
});
afterAll(async () => app?.stop());

/** A clause and `levels` parents above it: 2 + levels selection levels deep. */
function parents(levels: number): string {
  return `{ clause(documentId: $documentId, path: "II.3.3") { ${'parent { '.repeat(levels)}path${' }'.repeat(levels)} } }`;
}

async function planId(): Promise<string> {
  return (await app.ok(`{ document(symbol: "19/KH-UBND") { id } }`)).document.id;
}

describe('depth', () => {
  it(`refuses a query 20 levels deep with 400 and what the limit is`, async () => {
    const response = await app.gql(`query($documentId: ID) ${parents(18)}`, { documentId: await planId() });
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: `Query depth limit of ${QUERY_LIMITS.maxDepth} exceeded, found 20.`,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
  });

  it(`answers a query exactly ${QUERY_LIMITS.maxDepth} levels deep`, async () => {
    const data = await app.ok(`query($documentId: ID) ${parents(QUERY_LIMITS.maxDepth - 2)}`, { documentId: await planId() });
    expect(data.clause.parent.parent.parent).toBeNull();
    expect((await app.gql(`query($documentId: ID) ${parents(QUERY_LIMITS.maxDepth - 1)}`, { documentId: await planId() })).status).toBe(
      400,
    );
  });

  it('lets the console ask for an import draft with its clause tree five levels down', async () => {
    const data = await app.ok(`query($text: String!) { previewImport(text: $text) { ${DRAFT_FIELDS} } } ${TREE}`, {
      text: 'ỦY BAN NHÂN DÂN TỈNH X\nSố: 1/KH-UBND\nKẾ HOẠCH\nThử\nI. MỤC ĐÍCH\n1. Một\na) Hai\n',
    });
    expect(data.previewImport.clauses.length).toBeGreaterThan(0);
  });
});

describe('aliases, directives, tokens, validation errors', () => {
  it('refuses 50 aliases and answers 15', async () => {
    const aliases = (count: number) =>
      `{ ${Array.from({ length: count }, (_, index) => `a${index}: documents(first: 1) { totalCount }`).join(' ')} }`;
    const refused = await app.gql(aliases(50));
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]).toMatchObject({
      message: `Aliases limit of ${QUERY_LIMITS.maxAliases} exceeded, found 50.`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const data = await app.ok(aliases(QUERY_LIMITS.maxAliases));
    expect(Object.keys(data)).toHaveLength(QUERY_LIMITS.maxAliases);
  });

  it(`refuses more than ${QUERY_LIMITS.maxDirectives} directives`, async () => {
    const fields = Array.from({ length: QUERY_LIMITS.maxDirectives + 1 }, () => 'totalCount @include(if: true)').join(' ');
    const response = await app.gql(`{ documents { ${fields} } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].message).toBe(
      `Directives limit of ${QUERY_LIMITS.maxDirectives} exceeded, found ${QUERY_LIMITS.maxDirectives + 1}.`,
    );
  });

  it(`refuses a query text of more than ${QUERY_LIMITS.maxTokens} tokens before parsing it all`, async () => {
    const response = await app.gql(`{ documents { ${'totalCount '.repeat(QUERY_LIMITS.maxTokens)} } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      // (graphql-js's own words, typo included)
      message: expect.stringMatching(
        new RegExp(`^Syntax Error: Document contains more tha[nt] ${QUERY_LIMITS.maxTokens} tokens\\. Parsing aborted\\.$`),
      ),
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it(`stops validating after ${QUERY_LIMITS.maxErrors} errors`, async () => {
    const response = await app.gql(`{ ${Array.from({ length: 40 }, (_, index) => `nothing${index}`).join(' ')} }`);
    expect(response.status).toBe(400);
    expect(response.errors).toHaveLength(QUERY_LIMITS.maxErrors + 1);
    expect(response.errors?.at(-1)?.message).toBe('Too many validation errors, error limit reached. Validation aborted.');
  });
});

describe('cost and page size', () => {
  // Up to 100 tasks, each with its clause, agencies and trace, and the same for its sub-tasks and its parent: about 95,000.
  const heavy = (first: string) => `query${first === '$first' ? '($first: Int)' : ''} {
      tasks(first: ${first}) { nodes { ...task childTasks { ...task } parentTask { ...task } } }
    }
    fragment task on Task { title
      sourceClause { citation text document { symbol title issuer { name shortName } } ancestors { path text } }
      assignments { role agency { name shortName parent { name } } }
      trace { clauses { path text } lineage { depth from { symbol } to { symbol title } citingClause { path text } } roots { symbol title } }
    }`;

  it('refuses a costly query before running it, whether its page size is written in or passed as a variable', async () => {
    for (const [first, variables] of [
      ['100', {}],
      ['$first', { first: 100 }],
    ] as const) {
      const response = await app.gql(heavy(first), variables);
      expect(response.status).toBe(400);
      expect(response.sqlStatements).toBe(0);
      expect(response.errors).toEqual([
        {
          message: expect.stringMatching(new RegExp(`^Query cost limit of ${QUERY_LIMITS.maxCost} exceeded, found \\d+: ask for fewer`)),
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost: expect.any(Number), maxCost: QUERY_LIMITS.maxCost },
        },
      ]);
    }
  });

  it('answers the same query on a smaller page', async () => {
    const data = await app.ok(heavy('$first'), { first: 10 });
    expect(data.tasks.nodes).toHaveLength(10);
  });

  it('refuses first: 100000 with a clear BAD_USER_INPUT, literal or variable', async () => {
    for (const [query, variables] of [
      ['{ tasks(first: 100000) { totalCount } }', {}],
      ['query($first: Int) { documents(first: $first) { nodes { symbol } } }', { first: 100_000 }],
      ['{ agencies(last: 100000) { totalCount } }', {}],
    ] as const) {
      const response = await app.gql(query, variables);
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(response.errors)).toMatch(/(first|last) can be at most 100; page through with (after|before)/);
    }
  });
});

describe('body size', () => {
  it('refuses a 10 MB body with 413 and a GraphQL error', async () => {
    const body = JSON.stringify({ query: '{ documents { totalCount } }', variables: { padding: 'x'.repeat(10 * 1024 * 1024) } });
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0]).toEqual({
      message: `The request body is larger than ${app.config.maxBodyBytes} bytes`,
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });
  });
});

describe('hostile text in every search filter', () => {
  const HOSTILE = [
    `'; DROP TABLE document; --`,
    `" OR 1=1; --`,
    `') OR ('1'='1`,
    '%',
    '_',
    '\\',
    '\\%',
    '%_\\',
    '$1',
    '<script>alert(1)</script>',
    '\u0000',
  ];
  const SEARCHES = ['documents', 'agencies', 'clauses', 'tasks'] as const;

  async function counts(): Promise<number[]> {
    const data = await app.ok(`{ ${SEARCHES.map((name) => `${name} { totalCount }`).join(' ')} }`);
    return SEARCHES.map((name) => data[name].totalCount);
  }

  it('answers each as text to look for, and the data is intact after', async () => {
    const before = await counts();
    expect(before.every((count) => count > 0)).toBe(true);
    for (const search of HOSTILE) {
      for (const name of SEARCHES) {
        const response = await app.gql(`query($search: String) { ${name}(filter: { search: $search }) { totalCount nodes { id } } }`, {
          search,
        });
        if (search === '\u0000') {
          // PostgreSQL text cannot hold NUL: a refusal in the caller's terms, never a driver error.
          expect(response.status).toBe(400);
          expect(response.errors).toEqual([
            { message: 'Text may not contain the NUL character (\\u0000)', extensions: { code: 'BAD_USER_INPUT' } },
          ]);
          continue;
        }
        expect(response.errors, `${name} ${JSON.stringify(search)}`).toBeUndefined();
        expect(response.data[name].totalCount, `${name} ${JSON.stringify(search)}`).toBe(0);
      }
    }
    // And in the arguments that name one record.
    for (const search of HOSTILE.slice(0, 3)) {
      expect(await app.ok(`query($s: String) { document(symbol: $s) { id } }`, { s: search })).toEqual({ document: null });
      const byId = await app.gql(`query($s: ID!) { node(id: $s) { id } }`, { s: search });
      expect(byId.errors?.[0].extensions?.code ?? 'answered').toMatch(/answered|BAD_USER_INPUT/);
      const filtered = await app.gql(`query($s: ID) { tasks(filter: { documentId: $s }) { totalCount } }`, { s: search });
      expect(filtered.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await counts()).toEqual(before);
    const sql = new Client({ connectionString: app.databaseUrl });
    await sql.connect();
    try {
      expect((await sql.query(`select to_regclass('public.document') is not null as present`)).rows[0].present).toBe(true);
    } finally {
      await sql.end();
    }
  });

  it('refuses NUL written in the query itself, also when the same query comes again (its parse is remembered)', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await app.gql(`{ agencies(filter: { search: "a\\u0000b" }) { totalCount } }`);
      expect(response.status).toBe(400);
      expect(response.errors).toEqual([
        { message: 'Text may not contain the NUL character (\\u0000)', extensions: { code: 'BAD_USER_INPUT' } },
      ]);
    }
    expect(await app.ok(`{ agencies(filter: { search: "a b" }) { totalCount } }`)).toEqual({
      agencies: { totalCount: expect.any(Number) },
    });
  });
});
