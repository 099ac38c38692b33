// createTask writes its records in one statement, beside the unit of work: what it stores and what the audit trail
// keeps of it must be what a flush of the same records stores and keeps, field by field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { decodeGlobalId, encodeGlobalId } from '../../server/graphql/global-id';
import { Agency } from '../../server/modules/agency/agency.entity';
import { Clause } from '../../server/modules/clause/clause.entity';
import { Assignment, Task } from '../../server/modules/task/task.entity';
import { AssignmentRole, ProgressStatus, Recurrence, TargetComparator, TaskKind } from '../../server/modules/task/task.enums';
import { createTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
let clause: string;
let parent: string;
let [lead, coordinator, group]: string[] = [];

const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`;

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return app.orm.em.fork().getConnection().execute<T[]>(sql, params);
}

/** What a record's CREATE events hold, with what must differ between two writes of it (times, the new task's key) named. */
async function eventsOf(taskUuid: string) {
  const events = await query<{ entity_type: string; action: string; changes: Record<string, { after: unknown }> }>(
    `select entity_type, action, changes from audit_event
      where entity_id = ? or entity_id in (select id from assignment where task_id = ?) order by id`,
    [taskUuid, taskUuid],
  );
  return events.map(({ entity_type, action, changes }) => {
    for (const field of ['createdAt', 'updatedAt']) {
      expect(Date.parse(changes[field].after as string), `${entity_type}.${field}`).toBeGreaterThan(0);
      changes[field] = { after: 'the time of writing' };
    }
    if (changes.task?.after === taskUuid) changes.task = { after: 'the new task' };
    return { entity_type, action, changes };
  });
}

/** The stored rows of a task and its assignments, without their keys and times. */
async function rowsOf(taskUuid: string) {
  const [task] = await query<{ row: Record<string, unknown> }>(
    `select to_jsonb(t) - 'id' - 'created_at' - 'updated_at' as row from task t where id = ?`,
    [taskUuid],
  );
  const assignments = await query<{ row: Record<string, unknown> }>(
    `select to_jsonb(a) - 'id' - 'task_id' - 'created_at' - 'updated_at' as row from assignment a where task_id = ? order by role desc`,
    [taskUuid],
  );
  return [task.row, ...assignments.map((assignment) => assignment.row)];
}

async function counts() {
  const [row] = await query<Record<string, string>>(
    `select (select count(*) from task) as tasks, (select count(*) from assignment) as assignments,
            (select count(*) from audit_event) as events`,
  );
  return row;
}

beforeAll(async () => {
  app = await createTestApp();
  const id = async (sql: string) => (await query<{ id: string }>(sql))[0].id;
  clause = await id(`select id from clause where kind not in ('PART', 'PARAGRAPH') order by id limit 1`);
  parent = await id(`select id from task order by id limit 1`);
  [lead, coordinator] = (await query<{ id: string }>(`select id from agency where not is_group order by id limit 2`)).map((row) => row.id);
  group = await id(`select id from agency where is_group order by id limit 1`);
});
afterAll(async () => app?.stop());

describe('a task written in one statement', () => {
  const values = {
    title: 'Báo cáo kết quả thực hiện hằng quý',
    description: 'Tổng hợp, báo cáo',
    dueDate: '2025-06-30',
    duePhrase: 'trước ngày 30/6/2025',
    recurrence: Recurrence.QUARTERLY,
    kind: TaskKind.REPORTING,
    targets: [{ text: 'kéo giảm ít nhất 5%', comparator: TargetComparator.AT_LEAST, value: 5, unit: '%' }],
  };
  const duty = { dueDay: 20, dueMonthOffset: 1, startsOn: '2025-01-01' };

  it('stores what a flush stores, and leaves the audit events a flush leaves', async () => {
    const created = await app.ok<{ createTask: { id: string } }>(CREATE_TASK, {
      input: {
        ...values,
        sourceClauseId: encodeGlobalId('Clause', clause),
        parentTaskId: encodeGlobalId('Task', parent),
        reportingDuty: { ...duty, reportToId: encodeGlobalId('Agency', lead), reporterGroupId: encodeGlobalId('Agency', group) },
        assignments: [
          { agencyId: encodeGlobalId('Agency', lead), role: 'LEAD' },
          { agencyId: encodeGlobalId('Agency', coordinator), role: 'COORDINATOR', requested: true },
        ],
      },
    });

    // The same records through the unit of work, as every other write makes them.
    const em = app.orm.em.fork();
    const task = em.create(Task, {
      ...values,
      sourceClause: em.getReference(Clause, clause),
      parentTask: em.getReference(Task, parent),
      completedOn: null,
      progressStatus: ProgressStatus.NOT_STARTED,
      reportTo: em.getReference(Agency, lead),
      reportVia: null,
      reporterGroup: em.getReference(Agency, group),
      reportDueDay: duty.dueDay,
      reportDueMonthOffset: duty.dueMonthOffset,
      reportingStartsOn: duty.startsOn,
      reportingEndsOn: null,
    });
    em.create(Assignment, { task, agency: em.getReference(Agency, lead), role: AssignmentRole.LEAD, requested: false, inherited: false });
    em.create(Assignment, {
      task,
      agency: em.getReference(Agency, coordinator),
      role: AssignmentRole.COORDINATOR,
      requested: true,
      inherited: false,
    });
    await em.flush();

    const written = decodeGlobalId(created.createTask.id)!.uuid;
    expect(await rowsOf(written)).toEqual(await rowsOf(task.uuid));
    const [inOneStatement, flushed] = [await eventsOf(written), await eventsOf(task.uuid)];
    expect(inOneStatement.map((event) => event.entity_type)).toEqual(['Task', 'Assignment', 'Assignment']);
    expect(inOneStatement).toEqual(flushed);
    expect(inOneStatement[0].changes.targets).toEqual({ after: values.targets });
  });

  it('refuses, writing nothing, what names a record that is missing, and says which', async () => {
    const before = await counts();
    const missing = '00000000-0000-4000-8000-000000000001';
    const input = {
      ...values,
      sourceClauseId: encodeGlobalId('Clause', clause),
      reportingDuty: { reportToId: encodeGlobalId('Agency', lead) },
      assignments: [{ agencyId: encodeGlobalId('Agency', lead), role: 'LEAD' }],
    };
    const refusal = async (changed: Record<string, unknown>) => {
      const response = await app.gql(CREATE_TASK, { input: { ...input, ...changed } });
      expect(response.data).toBeNull();
      return [response.errors![0].extensions!.code, response.errors![0].message];
    };
    const agency = encodeGlobalId('Agency', missing);
    expect(await refusal({ sourceClauseId: encodeGlobalId('Clause', missing), assignments: [{ agencyId: agency, role: 'LEAD' }] })).toEqual(
      ['NOT_FOUND', `Source clause ${missing} does not exist (it may have been deleted)`],
    );
    expect(await refusal({ assignments: [{ agencyId: agency, role: 'LEAD' }] })).toEqual([
      'NOT_FOUND',
      `assignments name agencies that do not exist: ${missing}`,
    ]);
    expect(await refusal({ parentTaskId: encodeGlobalId('Task', missing) })).toEqual([
      'NOT_FOUND',
      `Parent task ${missing} does not exist (it may have been deleted)`,
    ]);
    expect(await refusal({ reportingDuty: { reportViaId: agency } })).toEqual([
      'NOT_FOUND',
      `reportingDuty.reportViaId: agency ${missing} does not exist (it may have been deleted)`,
    ]);
    const [code, message] = await refusal({ reportingDuty: { reporterGroupId: encodeGlobalId('Agency', lead) } });
    expect(code).toBe('BAD_USER_INPUT');
    expect(message).toMatch(/is not a group of agencies/);
    expect(await counts()).toEqual(before);
  });
});

describe('a new task named by IDs whose UUIDs are written in capitals', () => {
  it('name the same records as in small letters: a UUID has one value, whatever its case', async () => {
    const upper = (type: string, uuid: string) => encodeGlobalId(type, uuid.toUpperCase());
    const created = await app.ok<{ createTask: { id: string; assignments: { agency: { id: string } }[] } }>(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { id assignments { agency { id } } } }`,
      {
        input: {
          sourceClauseId: upper('Clause', clause),
          title: 'Báo cáo định kỳ',
          kind: 'REPORTING',
          reportingDuty: { reportToId: upper('Agency', lead) },
          assignments: [{ agencyId: upper('Agency', lead), role: 'LEAD' }],
        },
      },
    );
    expect(created.createTask.assignments).toEqual([{ agency: { id: encodeGlobalId('Agency', lead) } }]);
    const uuid = decodeGlobalId(created.createTask.id)!.uuid;
    const { node } = await app.ok<{ node: { id: string } | null }>(`query($id: ID!) { node(id: $id) { id } }`, { id: upper('Task', uuid) });
    expect(node).toEqual({ id: created.createTask.id });
  });
});
