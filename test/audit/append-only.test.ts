// History cannot be rewritten, and no change is kept without its event.
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { withDatabase } from '../support/database';
import { createTestApp, type TestApp } from '../support/test-app';

let app: TestApp;

/** Runs SQL in the test database as `url`'s user, and gives back PostgreSQL's error, if any. */
async function sql(url: string, statement: string): Promise<{ error?: Error & { code?: string }; rows: Record<string, unknown>[] }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return { rows: (await client.query(statement)).rows };
  } catch (error) {
    return { error: error as Error & { code?: string }, rows: [] };
  } finally {
    await client.end();
  }
}

/** The test database as its owner sees it: for setting up a failure the application itself could never cause. */
const ownerUrl = () => withDatabase(inject('adminDatabaseUrl'), new URL(app.databaseUrl).pathname.slice(1));

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => app?.stop());

describe('PostgreSQL keeps the trail append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on audit events, from the application user', async () => {
    const before = await sql(app.databaseUrl, 'select count(*)::int as n, max(id)::text as last from audit_event');
    expect(before.rows[0].n).toBeGreaterThan(100);
    for (const statement of [
      `update audit_event set actor_name = 'someone else' where id = ${before.rows[0].last}`,
      `update audit_event set changes = '{}'`,
      `delete from audit_event where id = ${before.rows[0].last}`,
      'delete from audit_event',
      'truncate audit_event',
    ]) {
      const { error } = await sql(app.databaseUrl, statement);
      expect(error?.message, statement).toMatch(/audit_event is append-only: (UPDATE|DELETE|TRUNCATE) is refused/);
      expect(error?.code).toBe('42501');
    }
    const after = await sql(app.databaseUrl, 'select count(*)::int as n from audit_event where actor_name = $$someone else$$');
    expect(after.rows[0].n).toBe(0);
    expect((await sql(app.databaseUrl, 'select count(*)::int as n from audit_event')).rows[0].n).toBe(before.rows[0].n);
  });

  it('still takes new events', async () => {
    const { document } = await app.ok(`{ document(symbol: "19/KH-UBND") { id version } }`);
    await app.ok(`mutation($input: UpdateDocumentInput!) { updateDocument(input: $input) { id } }`, {
      input: { id: document.id, version: document.version, signerName: 'Tôn Thị Ngọc Hạnh' },
    });
    const { auditEvents } = await app.ok(
      `query($id: ID!) { auditEvents(first: 1, filter: { entityId: $id }) { nodes { changes { field after } } } }`,
      {
        id: document.id,
      },
    );
    expect(auditEvents.nodes[0].changes).toEqual([{ field: 'signerName', after: 'Tôn Thị Ngọc Hạnh' }]);
  });
});

describe('a change whose event cannot be written', () => {
  const CLAUSE = `{ document(symbol: "19/KH-UBND") { clause(path: "II.3.3") { id version text } } }`;

  it('is not written either: the mutation fails and the clause keeps its text', async () => {
    const { document } = await app.ok(CLAUSE);
    const events = await sql(app.databaseUrl, 'select count(*)::int as n from audit_event');
    // The trail refuses new rows for a moment (as a full disk or a broken constraint would).
    const sabotage = await sql(
      ownerUrl(),
      `create function audit_event_refuse_insert() returns trigger language plpgsql as $$
         begin raise exception 'the audit trail cannot be written'; end $$;
       create trigger audit_event_refuse_insert before insert on audit_event for each row execute function audit_event_refuse_insert();`,
    );
    expect(sabotage.error).toBeUndefined();
    try {
      const response = await app.gql(`mutation($input: UpdateClauseInput!) { updateClause(input: $input) { text } }`, {
        input: { id: document.clause.id, version: document.clause.version, text: 'Văn bản không được ghi vết.' },
      });
      expect(response.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      const task = await app.gql(`mutation($input: DeleteInput!) { deleteClause(input: $input) { id } }`, {
        input: { id: document.clause.id, version: document.clause.version },
      });
      expect(task.errors).toBeDefined();
    } finally {
      await sql(ownerUrl(), 'drop trigger audit_event_refuse_insert on audit_event; drop function audit_event_refuse_insert();');
    }
    const after = await app.ok(CLAUSE);
    expect(after.document.clause).toEqual(document.clause);
    expect((await sql(app.databaseUrl, 'select count(*)::int as n from audit_event')).rows[0].n).toBe(events.rows[0].n);
  });

  it('is not written either when it bypasses the unit of work (replacing assignments deletes them directly)', async () => {
    const { tasks } = await app.ok(`{ tasks(first: 1) { nodes { id version assignments { id role agency { id } } } } }`);
    const task = tasks.nodes[0];
    await sql(
      ownerUrl(),
      `create function audit_event_refuse_delete_events() returns trigger language plpgsql as $$
         begin if new.action = 'DELETE' then raise exception 'the audit trail cannot be written'; end if; return new; end $$;
       create trigger audit_event_refuse_delete_events before insert on audit_event for each row execute function audit_event_refuse_delete_events();`,
    );
    try {
      const response = await app.gql(`mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }`, {
        input: { id: task.id, version: task.version, assignments: [{ agencyId: task.assignments[0].agency.id, role: 'COORDINATOR' }] },
      });
      expect(response.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await sql(
        ownerUrl(),
        'drop trigger audit_event_refuse_delete_events on audit_event; drop function audit_event_refuse_delete_events();',
      );
    }
    const { task: after } = await app.ok(`query($id: ID!) { task(id: $id) { id version assignments { id role agency { id } } } }`, {
      id: task.id,
    });
    expect(after).toEqual(task);
  });
});
