// The rules PostgreSQL itself enforces, whatever code path writes: proven with plain SQL, bypassing the API.
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
let sql: Client;
let plan: { id: string; issuer_id: string };
let clause: (path: string) => Promise<{ id: string; document_id: string }>;

beforeAll(async () => {
  app = await createTestApp();
  sql = new Client({ connectionString: app.databaseUrl });
  await sql.connect();
  plan = (await sql.query(`select id, issuer_id from document where symbol = '19/KH-UBND'`)).rows[0];
  clause = async (path) =>
    (await sql.query(`select id, document_id from clause where document_id = $1 and path = $2`, [plan.id, path])).rows[0];
});
afterAll(async () => {
  await sql?.end();
  await app?.stop();
});

async function refusal(statement: string, params: unknown[] = []): Promise<{ code?: string; constraint?: string }> {
  try {
    await sql.query('begin');
    await sql.query(statement, params);
    await sql.query('commit');
  } catch (error) {
    await sql.query('rollback');
    const { code, constraint } = error as { code?: string; constraint?: string };
    return { code, constraint };
  }
  throw new Error(`PostgreSQL accepted: ${statement}`);
}

describe('PostgreSQL refuses what the registry must never hold', () => {
  it('a task without a source clause', async () => {
    expect(await refusal(`insert into task (id, title) values (gen_random_uuid(), 'no basis')`)).toMatchObject({ code: '23502' });
  });

  it('a clause whose parent is in another document', async () => {
    const other = (await sql.query(`select id from document where symbol = '197-KH/TU'`)).rows[0];
    const parent = await clause('II.3');
    expect(
      await refusal(
        `insert into clause (id, document_id, parent_id, position, label, kind, text, path)
                     values (gen_random_uuid(), $1, $2, 9, 'x', 'ITEM', 'stray', 'stray')`,
        [other.id, parent.id],
      ),
    ).toEqual({ code: '23514', constraint: 'clause_parent_same_document' });
  });

  it('a clause moved under its own sub-clause', async () => {
    const section = await clause('II.3');
    const item = await clause('II.3.1');
    expect(await refusal(`update clause set parent_id = $1 where id = $2`, [item.id, section.id])).toEqual({
      code: '23514',
      constraint: 'clause_no_cycle',
    });
  });

  it('two clauses at the same path of one document', async () => {
    expect(
      await refusal(
        `insert into clause (id, document_id, position, label, kind, text, path)
                     values (gen_random_uuid(), $1, 99, 'I', 'PART', 'again', 'I')`,
        [plan.id],
      ),
    ).toEqual({ code: '23505', constraint: 'clause_document_id_path_unique' });
  });

  it('two documents of one issuer with the same symbol', async () => {
    expect(
      await refusal(
        `insert into document (id, kind, symbol, title, issuer_id) values (gen_random_uuid(), 'PLAN', '19/KH-UBND', 'copy', $1)`,
        [plan.issuer_id],
      ),
    ).toEqual({ code: '23505', constraint: 'document_issuer_id_symbol_unique' });
  });

  it('a reference whose citing clause is not in the citing document', async () => {
    const regulation = (await sql.query(`select id from document where symbol = '183-QĐ/TW'`)).rows[0];
    const citing = (await sql.query(`select id from document where symbol = '197-KH/TU'`)).rows[0];
    const preamble = await clause('preamble');
    expect(
      await refusal(
        `insert into document_relation (id, from_document_id, to_document_id, type, citing_clause_id)
                     values (gen_random_uuid(), $1, $2, 'CITES', $3)`,
        [citing.id, regulation.id, preamble.id],
      ),
    ).toEqual({ code: '23514', constraint: 'document_relation_citing_clause_of_source' });
  });

  it('an assignment role or progress outside the allowed values', async () => {
    const task = (await sql.query(`select id from task limit 1`)).rows[0];
    const agency = (await sql.query(`select id from agency where name = 'Sở Tư pháp' or true limit 1`)).rows[0];
    expect((await refusal(`update assignment set role = 'OWNER' where task_id = $1`, [task.id])).code).toBe('23514');
    expect(
      (
        await refusal(
          `insert into report (id, task_id, agency_id, period_start, period_end, kind, progress)
                      values (gen_random_uuid(), $1, $2, '2025-01-01', '2025-03-31', 'PERIODIC', 140)`,
          [task.id, agency.id],
        )
      ).constraint,
    ).toBe('report_progress_range');
  });

  it("and the API explains the same refusal in the caller's terms", async () => {
    const response = await app.gql(`mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`, {
      input: {
        kind: 'PLAN',
        symbol: '19/KH-UBND',
        title: 'copy',
        issuerId: (await app.ok(`{ document(symbol: "19/KH-UBND") { issuer { id } } }`)).document.issuer.id,
      },
    });
    expect(response.errors?.[0]).toMatchObject({
      message: 'This issuer already has a document with this symbol',
      extensions: { code: 'CONFLICT', constraint: 'document_issuer_id_symbol_unique' },
    });
  });
});
