// An auditor searches the trail: by record, by who, by when, one mutation at a time, page by page; cheaply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type TestApp } from '../support/test-app';

let app: TestApp;

const EVENTS = /* GraphQL */ `
  query ($filter: AuditEventFilter, $first: Int, $after: String, $last: Int, $before: String) {
    auditEvents(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
      }
      nodes {
        id
        at
        action
        entityType
        entityId
        transactionId
        actor {
          kind
          name
        }
        changes {
          field
          before
          after
        }
      }
    }
  }
`;

let documentId: string;
let editedAt: string;
let editTransaction: string;
let placeBefore: string | null;

beforeAll(async () => {
  app = await createTestApp();
  const { document } = await app.ok(`{ document(symbol: "19/KH-UBND") { id version title place } }`);
  documentId = document.id;
  placeBefore = document.place;
  await new Promise((resolve) => setTimeout(resolve, 5));
  await app.ok(`mutation($input: UpdateDocumentInput!) { updateDocument(input: $input) { id } }`, {
    input: { id: document.id, version: document.version, title: `${document.title} (sửa)`, place: 'Gia Nghĩa' },
  });
  const { auditEvents } = await app.ok(EVENTS, { filter: { entityId: documentId }, first: 1 });
  editedAt = auditEvents.nodes[0].at;
  editTransaction = auditEvents.nodes[0].transactionId;
});
afterAll(async () => app?.stop());

describe('auditEvents', () => {
  it('lists the whole trail, newest first, the demo load included', async () => {
    const { auditEvents } = await app.ok(EVENTS, { first: 100 });
    expect(auditEvents.totalCount).toBeGreaterThan(100);
    const ids = auditEvents.nodes.map((event: { id: string }) => Number(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(auditEvents.nodes[0].entityId).toBe(documentId);
  });

  it('filters by record: entityType and entityId', async () => {
    const { auditEvents } = await app.ok(EVENTS, { filter: { entityType: 'Document', entityId: documentId } });
    expect(auditEvents.nodes.map((event: { action: string }) => event.action)).toEqual(['UPDATE', 'CREATE']);
    const update = auditEvents.nodes[0];
    expect(update.changes.map((change: { field: string }) => change.field).sort()).toEqual(['place', 'title']);
    expect(update.changes.find((change: { field: string }) => change.field === 'place')).toMatchObject({
      before: placeBefore,
      after: 'Gia Nghĩa',
    });

    const documents = await app.ok(EVENTS, { filter: { entityType: 'Document', action: ['CREATE'] }, first: 100 });
    expect(documents.auditEvents.totalCount).toBe(3);
    expect(documents.auditEvents.nodes.every((event: { entityType: string }) => event.entityType === 'Document')).toBe(true);
  });

  it('filters by actor', async () => {
    const system = await app.ok(EVENTS, { filter: { actorName: 'system' }, first: 5 });
    expect(system.auditEvents.totalCount).toBeGreaterThan(100);
    expect(system.auditEvents.nodes.every((event: { actor: { kind: string } }) => event.actor.kind === 'SYSTEM')).toBe(true);
    const nobody = await app.ok(EVENTS, { filter: { actorName: 'nobody-by-this-name' } });
    expect(nobody.auditEvents.totalCount).toBe(0);
    expect(nobody.auditEvents.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  it('filters by time: from and to are inclusive', async () => {
    const since = await app.ok(EVENTS, { filter: { from: editedAt } });
    expect(since.auditEvents.nodes.map((event: { transactionId: string }) => event.transactionId)).toEqual(
      since.auditEvents.nodes.map(() => editTransaction),
    );
    const before = await app.ok(EVENTS, { filter: { to: new Date(new Date(editedAt).getTime() - 1).toISOString(), entityId: documentId } });
    expect(before.auditEvents.nodes.map((event: { action: string }) => event.action)).toEqual(['CREATE']);
    const window = await app.ok(EVENTS, { filter: { from: editedAt, to: editedAt } });
    expect(window.auditEvents.totalCount).toBe(since.auditEvents.totalCount);
  });

  it('groups the events of one mutation by transactionId', async () => {
    const { auditEvents } = await app.ok(EVENTS, { filter: { transactionId: editTransaction } });
    expect(auditEvents.totalCount).toBe(1);
    const demo = await app.ok(EVENTS, { filter: { entityId: documentId, action: ['CREATE'] } });
    const load = await app.ok(EVENTS, { filter: { transactionId: demo.auditEvents.nodes[0].transactionId }, first: 1 });
    // The whole demo plan (agencies, document, clauses, tasks, assignments) was one transaction.
    expect(load.auditEvents.totalCount).toBeGreaterThan(100);
  });

  it('pages forward and backward with cursors', async () => {
    const filter = { entityType: 'Agency' };
    const all = (await app.ok(EVENTS, { filter, first: 100 })).auditEvents;
    const first = (await app.ok(EVENTS, { filter, first: 10 })).auditEvents;
    const second = (await app.ok(EVENTS, { filter, first: 10, after: first.pageInfo.endCursor })).auditEvents;
    expect(first.nodes).toEqual(all.nodes.slice(0, 10));
    expect(second.nodes).toEqual(all.nodes.slice(10, 20));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    const back = (await app.ok(EVENTS, { filter, last: 5, before: second.pageInfo.startCursor })).auditEvents;
    expect(back.nodes).toEqual(all.nodes.slice(5, 10));
    expect(second.totalCount).toBe(all.totalCount);
  });

  it('refuses filters that cannot mean anything', async () => {
    expect(await app.errorCode(EVENTS, { filter: { entityId: 'not-an-id' } })).toBe('BAD_USER_INPUT');
    expect(await app.errorCode(EVENTS, { filter: { entityType: 'Task', entityId: documentId } })).toBe('BAD_USER_INPUT');
    expect(await app.errorCode(EVENTS, { filter: { transactionId: '1; drop table audit_event' } })).toBe('BAD_USER_INPUT');
    expect(await app.errorCode(EVENTS, { first: 1000 })).toBe('BAD_USER_INPUT');
  });

  it('keeps what secrets hold out of the trail', async () => {
    // Accounts (when present) are created through the ORM like everything else: their hashes must read as masked.
    const { auditEvents } = await app.ok(EVENTS, { filter: { entityType: 'User' }, first: 100 });
    const hashes = auditEvents.nodes.flatMap((event: { changes: { field: string; after: unknown }[] }) =>
      event.changes.filter((change) => change.field === 'passwordHash'),
    );
    if (app.orm.getMetadata().find('User')?.properties.passwordHash) expect(hashes.length).toBeGreaterThan(0);
    for (const change of hashes) expect(change.after).toBe('[masked]');
    for (const event of auditEvents.nodes) {
      for (const change of event.changes.filter((candidate: { field: string }) => /hash|password|secret/i.test(candidate.field))) {
        for (const value of [change.before, change.after]) expect([null, '[masked]']).toContain(value);
      }
    }
  });
});

describe('SQL statements', () => {
  const TASKS = `query($first: Int!) { tasks(first: $first) { nodes { title history { action at actor { name } changes { field after } } assignments { history { action } } } } }`;

  it('are the same for the history of a page of 2 tasks and of 20', async () => {
    const small = await app.gql(TASKS, { first: 2 });
    const large = await app.gql(TASKS, { first: 20 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.tasks.nodes).toHaveLength(20);
    expect(large.data.tasks.nodes.every((task: { history: unknown[] }) => task.history.length > 0)).toBe(true);
    expect(large.sqlStatements).toBe(small.sqlStatements);
  });

  it("are the same for a page of traces at a moment and for one, with each clause's text then", async () => {
    const TRACES = `query($first: Int!, $at: DateTime!) { tasks(first: $first) { nodes { trace(at: $at) { clauses { text textAt(at: $at) } } } } }`;
    const one = await app.gql(TRACES, { first: 1, at: editedAt });
    const many = await app.gql(TRACES, { first: 20, at: editedAt });
    expect(many.errors).toBeUndefined();
    expect(many.data.tasks.nodes).toHaveLength(20);
    expect(many.sqlStatements).toBe(one.sqlStatements);
  });
});
