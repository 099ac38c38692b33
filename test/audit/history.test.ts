// An auditor reads who changed a clause, what it said before, and how it read when a task was handed out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Role } from '../../server/modules/account/actor';
import { createTestApp, type TestApp } from '../support/test-app';

let app: TestApp;

const CLAUSE = /* GraphQL */ `
  query ($path: String!) {
    document(symbol: "19/KH-UBND") {
      id
      clause(path: $path) {
        id
        version
        text
        tasks {
          id
          title
        }
      }
    }
  }
`;

const UPDATE_CLAUSE = /* GraphQL */ `
  mutation ($input: UpdateClauseInput!) {
    updateClause(input: $input) {
      id
      version
      text
    }
  }
`;

const HISTORY = /* GraphQL */ `
  query ($id: ID!) {
    clause(id: $id) {
      history {
        id
        at
        action
        entityType
        entityId
        transactionId
        actor {
          kind
          id
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

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

const changeOf = (event: { changes: Change[] }, field: string) => event.changes.find((change) => change.field === field);

/** Requests are the admin's once accounts exist, anonymous or the registry's own before: whoever it is, it is named. */
function expectSomeActor(actor: { kind: string; name: string }) {
  expect(['USER', 'TOKEN', 'SYSTEM', 'ANONYMOUS']).toContain(actor.kind);
  expect(actor.name.length).toBeGreaterThan(0);
}

let clauseId: string;
let original: string;
let taskId: string;
let createdAt: string;
let firstEditAt: string;
let secondEditAt: string;

beforeAll(async () => {
  app = await createTestApp();
  const { document } = await app.ok(CLAUSE, { path: 'II.3.3' });
  clauseId = document.clause.id;
  original = document.clause.text;
  taskId = document.clause.tasks[0].id;
  const first = await app.ok(UPDATE_CLAUSE, { input: { id: clauseId, version: document.clause.version, text: 'Lần sửa thứ nhất.' } });
  await app.ok(UPDATE_CLAUSE, { input: { id: clauseId, version: first.updateClause.version, text: 'Lần sửa thứ hai.' } });
  const { clause } = await app.ok(HISTORY, { id: clauseId });
  [secondEditAt, firstEditAt] = clause.history.map((event: { at: string }) => event.at);
  createdAt = clause.history.find((event: { action: string }) => event.action === 'CREATE').at;
});
afterAll(async () => app?.stop());

describe('history', () => {
  it("shows each edit of a clause's text, newest first, before → after, with the actor", async () => {
    const { clause } = await app.ok(HISTORY, { id: clauseId });
    const [second, first] = clause.history;
    expect(second.action).toBe('UPDATE');
    expect(changeOf(second, 'text')).toEqual({ field: 'text', before: 'Lần sửa thứ nhất.', after: 'Lần sửa thứ hai.' });
    expect(changeOf(first, 'text')).toEqual({ field: 'text', before: original, after: 'Lần sửa thứ nhất.' });
    // Only what changed: no bookkeeping, no untouched fields.
    expect(second.changes.map((change: Change) => change.field)).toEqual(['text']);
    expectSomeActor(second.actor);
    expect(second.entityType).toBe('Clause');
    expect(second.entityId).toBe(clauseId);
    expect(Number(second.id)).toBeGreaterThan(Number(first.id));
    expect(second.transactionId).not.toBe(first.transactionId);
    expect(new Date(second.at).getTime()).toBeGreaterThanOrEqual(new Date(first.at).getTime());
  });

  it('starts with the demo data, created by the registry itself', async () => {
    const { clause } = await app.ok(HISTORY, { id: clauseId });
    const created = clause.history.find((event: { action: string }) => event.action === 'CREATE');
    expect(created.actor).toEqual({ kind: 'SYSTEM', id: null, name: 'system' });
    expect(changeOf(created, 'text')).toEqual({ field: 'text', before: null, after: original });
    expect(changeOf(created, 'label')?.after).toBe('3.3');
    // Relations are global IDs, as everywhere in the API.
    const { document } = await app.ok(CLAUSE, { path: 'II.3.3' });
    expect(changeOf(created, 'document')?.after).toBe(document.id);
  });

  it('is on documents, tasks, agencies and reports too', async () => {
    const data = await app.ok(`{
      document(symbol: "19/KH-UBND") { history { action actor { name } } issuer { history { action } } }
      tasks(first: 1) { nodes { history { action } assignments { history { action } } } }
    }`);
    expect(data.document.history.at(-1)).toEqual({ action: 'CREATE', actor: { name: 'system' } });
    // JSON and array columns are recorded as JSON, not as the text the database keeps them in.
    const created = await app.ok(
      `{ document(symbol: "19/KH-UBND") { history(first: 100) { changes { field after } } issuer { aliases history(first: 100) { changes { field after } } } } }`,
    );
    const recipients = changeOf(created.document.history.at(-1), 'recipients')?.after as { name: string }[];
    expect(recipients[0]).toMatchObject({ name: 'Văn phòng Chính phủ' });
    expect(changeOf(created.document.issuer.history.at(-1), 'aliases')?.after).toEqual(created.document.issuer.aliases);
    expect(data.document.issuer.history.at(-1).action).toBe('CREATE');
    expect(data.tasks.nodes[0].history.at(-1).action).toBe('CREATE');
    expect(data.tasks.nodes[0].assignments[0].history.at(-1).action).toBe('CREATE');
    const { agencies } = await app.ok(`{ agencies(first: 1) { nodes { id } } }`);
    const { createReport } = await app.ok(
      `mutation($input: CreateReportInput!) { createReport(input: $input) { id version history { action changes { field after } } } }`,
      {
        input: {
          taskId,
          agencyId: agencies.nodes[0].id,
          periodStart: '2025-01-01',
          periodEnd: '2025-03-31',
          kind: 'PERIODIC',
          text: 'Đã triển khai.',
        },
      },
    );
    expect(createReport.history).toHaveLength(1);
    expect(changeOf(createReport.history[0], 'text')?.after).toBe('Đã triển khai.');
    expect(changeOf(createReport.history[0], 'task')?.after).toBe(taskId);
  });

  it('is read by those who may read the audit trail, not by reporters or integrators', async () => {
    const ONE = `query($id: ID!) { clause(id: $id) { history(first: 1) { action actor { name } } } }`;
    expect((await app.as(Role.AUDITOR).ok(ONE, { id: clauseId })).clause.history).toHaveLength(1);
    expect(await app.as(Role.INTEGRATOR).errorCode(ONE, { id: clauseId })).toBe('FORBIDDEN');
    expect(await app.as(Role.REPORTER).errorCode(ONE, { id: clauseId })).toBe('FORBIDDEN');
    // The text at a moment is the registry's, not the trail's: every reader may ask for it.
    const TEXT = `query($id: ID!, $at: DateTime!) { clause(id: $id) { textAt(at: $at) } }`;
    expect((await app.as(Role.INTEGRATOR).ok(TEXT, { id: clauseId, at: createdAt })).clause.textAt).toBe(original);
  });

  it('pages with first', async () => {
    const { clause } = await app.ok(
      `query($id: ID!) { clause(id: $id) { all: history(first: 100) { id } one: history(first: 1) { id } } }`,
      {
        id: clauseId,
      },
    );
    expect(clause.one).toEqual([clause.all[0]]);
    expect(await app.errorCode(`query($id: ID!) { clause(id: $id) { history(first: 101) { id } } }`, { id: clauseId })).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('a clause at a moment', () => {
  const TEXT_AT = `query($id: ID!, $at: DateTime!) { clause(id: $id) { text textAt(at: $at) } }`;

  it('reads as it did when the demo was loaded, after the first edit, and after the second', async () => {
    const textAt = async (at: string) => (await app.ok(TEXT_AT, { id: clauseId, at })).clause.textAt;
    expect(await textAt(createdAt)).toBe(original);
    expect(await textAt(new Date(new Date(firstEditAt).getTime() - 1).toISOString())).toBe(original);
    expect(await textAt(firstEditAt)).toBe('Lần sửa thứ nhất.');
    expect(await textAt(new Date(new Date(secondEditAt).getTime() - 1).toISOString())).toBe('Lần sửa thứ nhất.');
    expect(await textAt(secondEditAt)).toBe('Lần sửa thứ hai.');
    expect(await textAt(new Date().toISOString())).toBe('Lần sửa thứ hai.');
  });

  it('is null before the clause existed', async () => {
    const before = new Date(new Date(createdAt).getTime() - 1).toISOString();
    expect((await app.ok(TEXT_AT, { id: clauseId, at: before })).clause.textAt).toBeNull();
  });

  it("gives a task's trace with the texts as they read then", async () => {
    const TRACE = `query($id: ID!, $at: DateTime) { task(id: $id) { trace(at: $at) { sourceClause { id path text } clauses { path text } roots { symbol } } } }`;
    const now = (await app.ok(TRACE, { id: taskId })).task.trace;
    const then = (await app.ok(TRACE, { id: taskId, at: createdAt })).task.trace;
    const between = (await app.ok(TRACE, { id: taskId, at: firstEditAt })).task.trace;
    expect(now.sourceClause.text).toBe('Lần sửa thứ hai.');
    expect(then.sourceClause).toEqual({ ...now.sourceClause, text: original });
    expect(between.sourceClause.text).toBe('Lần sửa thứ nhất.');
    expect(then.clauses.map((clause: { path: string }) => clause.path)).toEqual(['II', 'II.3', 'II.3.3']);
    expect(then.clauses.slice(0, 2)).toEqual(now.clauses.slice(0, 2));
    expect(then.clauses[2].text).toBe(original);
    expect(then.roots).toEqual(now.roots);
    const tooEarly = new Date(new Date(createdAt).getTime() - 1000).toISOString();
    expect(await app.errorCode(TRACE, { id: taskId, at: tooEarly })).toBe('BAD_USER_INPUT');
  });

  it('follows a task to the clause it stood on then, though that clause has since been deleted', async () => {
    const ADD = `mutation($input: AddClauseInput!) { addClause(input: $input) { id path } }`;
    const { document } = await app.ok(`{ document(symbol: "19/KH-UBND") { id } }`);
    const part = (await app.ok(ADD, { input: { documentId: document.id, label: 'VIII', kind: 'PART', text: 'Phần thử.' } })).addClause;
    const first = (
      await app.ok(ADD, { input: { documentId: document.id, parentId: part.id, label: '1', kind: 'SECTION', text: 'Mục cũ.' } })
    ).addClause;
    const { agencies } = await app.ok(`{ agencies(first: 1) { nodes { id } } }`);
    const { createTask } = await app.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id version } }`, {
      input: { sourceClauseId: first.id, title: 'Việc theo mục cũ', assignments: [{ agencyId: agencies.nodes[0].id, role: 'LEAD' }] },
    });
    const assigned = (await app.ok(`query($id: ID!) { task(id: $id) { history { at } } }`, { id: createTask.id })).task.history[0].at;

    const second = (
      await app.ok(ADD, { input: { documentId: document.id, parentId: part.id, label: '2', kind: 'SECTION', text: 'Mục mới.' } })
    ).addClause;
    await app.ok(`mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }`, {
      input: { id: createTask.id, version: createTask.version, sourceClauseId: second.id },
    });
    const { clause: old } = await app.ok(`query($id: ID!) { clause(id: $id) { version } }`, { id: first.id });
    await app.ok(`mutation($input: DeleteInput!) { deleteClause(input: $input) { id } }`, {
      input: { id: first.id, version: old.version },
    });

    const TRACE = `query($id: ID!, $at: DateTime) { task(id: $id) { title trace(at: $at) { task { title } sourceClause { id text } clauses { path text } } } }`;
    const now = (await app.ok(TRACE, { id: createTask.id })).task.trace;
    const then = (await app.ok(TRACE, { id: createTask.id, at: assigned })).task.trace;
    expect(now.clauses).toEqual([
      { path: 'VIII', text: 'Phần thử.' },
      { path: 'VIII.2', text: 'Mục mới.' },
    ]);
    expect(then.sourceClause).toEqual({ id: first.id, text: 'Mục cũ.' });
    expect(then.clauses).toEqual([
      { path: 'VIII', text: 'Phần thử.' },
      { path: 'VIII.1', text: 'Mục cũ.' },
    ]);
    expect(then.task.title).toBe('Việc theo mục cũ');
    // The clause added later did not exist then.
    expect((await app.ok(TEXT_AT, { id: second.id, at: assigned })).clause.textAt).toBeNull();
  });
});

describe('writes the services make around the unit of work', () => {
  const EVENTS = `query($filter: AuditEventFilter!) { auditEvents(filter: $filter, first: 100) { totalCount nodes { action entityType entityId transactionId changes { field before after } } } }`;

  it('replacing the assignments of a task records each removed and each new assignment, in the same transaction', async () => {
    const { task } = await app.ok(`query($id: ID!) { task(id: $id) { id version assignments { id agency { id } } } }`, { id: taskId });
    const { agencies } = await app.ok(`{ agencies(first: 3) { nodes { id } } }`);
    const { updateTask } = await app.ok(`mutation($input: UpdateTaskInput!) { updateTask(input: $input) { assignments { id } } }`, {
      input: { id: task.id, version: task.version, assignments: [{ agencyId: agencies.nodes[2].id, role: 'LEAD' }] },
    });
    const removedEvents = await app.ok(EVENTS, { filter: { entityId: task.assignments[0].id } });
    const removal = removedEvents.auditEvents.nodes[0];
    expect(removal.action).toBe('DELETE');
    expect(changeOf(removal, 'task')?.before).toBe(task.id);
    expect(changeOf(removal, 'agency')?.before).toBe(task.assignments[0].agency.id);
    const { auditEvents } = await app.ok(EVENTS, { filter: { transactionId: removal.transactionId } });
    const actions = auditEvents.nodes.map((event: { action: string; entityType: string }) => `${event.action} ${event.entityType}`);
    expect(actions.filter((action: string) => action === 'DELETE Assignment')).toHaveLength(task.assignments.length);
    expect(auditEvents.nodes.find((event: { entityId: string }) => event.entityId === updateTask.assignments[0].id).action).toBe('CREATE');
  });

  it('deleting a task records the assignments and reports PostgreSQL deletes with it', async () => {
    const { clauses } = await app.ok(`{ clauses(first: 1, filter: { search: "Lần sửa thứ hai" }) { nodes { id } } }`);
    const { agencies } = await app.ok(`{ agencies(first: 2) { nodes { id } } }`);
    const { createTask } = await app.ok(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { id version assignments { id } } }`,
      {
        input: {
          sourceClauseId: clauses.nodes[0].id,
          title: 'Nhiệm vụ sẽ xoá',
          assignments: [
            { agencyId: agencies.nodes[0].id, role: 'LEAD' },
            { agencyId: agencies.nodes[1].id, role: 'COORDINATOR' },
          ],
        },
      },
    );
    const { createReport } = await app.ok(`mutation($input: CreateReportInput!) { createReport(input: $input) { id } }`, {
      input: { taskId: createTask.id, agencyId: agencies.nodes[0].id, periodStart: '2025-01-01', periodEnd: '2025-01-31', kind: 'AD_HOC' },
    });
    await app.ok(`mutation($input: DeleteInput!) { deleteTask(input: $input) { id } }`, {
      input: { id: createTask.id, version: createTask.version },
    });
    const { auditEvents } = await app.ok(EVENTS, { filter: { entityId: createTask.id, action: ['DELETE'] } });
    expect(auditEvents.totalCount).toBe(1);
    const deleted = await app.ok(EVENTS, { filter: { transactionId: auditEvents.nodes[0].transactionId } });
    const gone = deleted.auditEvents.nodes.map((event: { action: string; entityId: string }) => `${event.action} ${event.entityId}`).sort();
    expect(gone).toEqual(
      [createTask.id, createReport.id, ...createTask.assignments.map((assignment: { id: string }) => assignment.id)]
        .map((id) => `DELETE ${id}`)
        .sort(),
    );
    const reportGone = deleted.auditEvents.nodes.find((event: { entityId: string }) => event.entityId === createReport.id);
    expect(changeOf(reportGone, 'kind')?.before).toBe('AD_HOC');
  });

  it('deleting a clause records its whole subtree, and the references that lose it', async () => {
    const { document } = await app.ok(`{ document(symbol: "19/KH-UBND") { id clauses { id path version } } }`);
    const { addClause } = await app.ok(`mutation($input: AddClauseInput!) { addClause(input: $input) { id version } }`, {
      input: { documentId: document.id, label: 'IX', kind: 'PART', text: 'Phần tạm.' },
    });
    const { addClause: child } = await app.ok(`mutation($input: AddClauseInput!) { addClause(input: $input) { id } }`, {
      input: { documentId: document.id, parentId: addClause.id, label: '1', kind: 'SECTION', text: 'Mục tạm.' },
    });
    const { createDocument: cited } = await app.ok(`mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`, {
      input: { kind: 'REGULATION', symbol: '1-QĐ/THU', title: 'Quy định được trích', referenced: true },
    });
    const { createDocumentRelation } = await app.ok(
      `mutation($input: CreateDocumentRelationInput!) { createDocumentRelation(input: $input) { id } }`,
      { input: { fromId: document.id, toId: cited.id, type: 'CITES', citingClauseId: child.id } },
    );
    const { clause } = await app.ok(`query($id: ID!) { clause(id: $id) { version } }`, { id: addClause.id });
    await app.ok(`mutation($input: DeleteInput!) { deleteClause(input: $input) { id } }`, {
      input: { id: addClause.id, version: clause.version },
    });

    const childEvents = (await app.ok(EVENTS, { filter: { entityId: child.id } })).auditEvents.nodes;
    expect(childEvents[0].action).toBe('DELETE');
    expect(changeOf(childEvents[0], 'text')?.before).toBe('Mục tạm.');
    expect(changeOf(childEvents[0], 'parent')?.before).toBe(addClause.id);
    const relationEvents = (await app.ok(EVENTS, { filter: { entityId: createDocumentRelation.id } })).auditEvents.nodes;
    expect(relationEvents[0].action).toBe('UPDATE');
    expect(changeOf(relationEvents[0], 'citingClause')).toEqual({ field: 'citingClause', before: child.id, after: null });
    expect(relationEvents[0].transactionId).toBe(childEvents[0].transactionId);
  });

  it('deleting a document records the clauses and references PostgreSQL deletes with it', async () => {
    const { createDocument } = await app.ok(
      `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id version clauses { id } } }`,
      {
        input: {
          kind: 'PLAN',
          symbol: '2/KH-XOA',
          title: 'Kế hoạch sẽ xoá',
          clauses: [{ label: 'I', kind: 'PART', text: 'Phần.', children: [{ label: '1', kind: 'SECTION', text: 'Mục.' }] }],
        },
      },
    );
    const { document: cited } = await app.ok(`{ document(symbol: "19/KH-UBND") { id } }`);
    const { createDocumentRelation } = await app.ok(
      `mutation($input: CreateDocumentRelationInput!) { createDocumentRelation(input: $input) { id } }`,
      { input: { fromId: createDocument.id, toId: cited.id, type: 'IMPLEMENTS', citingClauseId: createDocument.clauses[1].id } },
    );
    const { document } = await app.ok(`query($id: ID!) { document(id: $id) { version } }`, { id: createDocument.id });
    await app.ok(`mutation($input: DeleteInput!) { deleteDocument(input: $input) { id } }`, {
      input: { id: createDocument.id, version: document.version },
    });
    const { auditEvents } = await app.ok(EVENTS, { filter: { entityId: createDocument.id, action: ['DELETE'] } });
    const together = (await app.ok(EVENTS, { filter: { transactionId: auditEvents.nodes[0].transactionId } })).auditEvents.nodes;
    expect(together.map((event: { action: string; entityId: string }) => `${event.action} ${event.entityId}`).sort()).toEqual(
      [createDocument.id, createDocumentRelation.id, ...createDocument.clauses.map((clause: { id: string }) => clause.id)]
        .map((id) => `DELETE ${id}`)
        .sort(),
    );
  });

  it("records the old value of a document's original text, which updates do not load", async () => {
    const { document } = await app.ok(`{ document(symbol: "19/KH-UBND") { id version originalText } }`);
    await app.ok(`mutation($input: UpdateDocumentInput!) { updateDocument(input: $input) { id } }`, {
      input: { id: document.id, version: document.version, originalText: 'Văn bản gốc đã sửa.' },
    });
    const { auditEvents } = await app.ok(EVENTS, { filter: { entityId: document.id, action: ['UPDATE'] } });
    expect(auditEvents.nodes[0].changes).toEqual([{ field: 'originalText', before: document.originalText, after: 'Văn bản gốc đã sửa.' }]);
  });

  it("records a group's members before → after", async () => {
    const { agencies } = await app.ok(`{ agencies(first: 3, filter: { isGroup: false }) { nodes { id } } }`);
    const [a, b, c] = agencies.nodes.map((agency: { id: string }) => agency.id);
    const { createAgency } = await app.ok(`mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id version } }`, {
      input: { name: 'Nhóm thử nghiệm kiểm toán', kind: 'OTHER', level: 'PROVINCE', memberIds: [a, b] },
    });
    await app.ok(`mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { id } }`, {
      input: { id: createAgency.id, version: createAgency.version, memberIds: [b, c] },
    });
    const { agency } = await app.ok(`query($id: ID!) { agency(id: $id) { history { action changes { field before after } } } }`, {
      id: createAgency.id,
    });
    const [update, create] = agency.history;
    const sorted = (ids: unknown) => [...(ids as string[])].sort();
    expect(sorted(changeOf(create, 'members')?.after)).toEqual([a, b].sort());
    expect(sorted(changeOf(update, 'members')?.before)).toEqual([a, b].sort());
    expect(sorted(changeOf(update, 'members')?.after)).toEqual([b, c].sort());
  });
});
