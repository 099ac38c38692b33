// The lists' filters written as SQL (server/graphql/filter-sql.ts) select and order the same rows as MikroORM's query
// builder does with the same filter, on the real database, for every form the services write.
import { RawQueryFragment } from '@mikro-orm/core';
import type { EntityMetadata, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { forMikroOrm, orderForMikroOrm, paginate } from '../../server/graphql/connection';
import { filterSql, orderSql, sqlCondition, sqlOrder } from '../../server/graphql/filter-sql';
import { searchFilter } from '../../server/graphql/search';
import { Agency } from '../../server/modules/agency/agency.entity';
import { Clause } from '../../server/modules/clause/clause.entity';
import { Document } from '../../server/modules/document/document.entity';
import { deadlineStatusFilter } from '../../server/modules/task/deadline';
import { Task } from '../../server/modules/task/task.entity';
import { DeadlineStatus, ProgressStatus, TaskKind } from '../../server/modules/task/task.enums';
import { createTestApp, TEST_TODAY, type TestApp } from '../support/test-app';

describe('filters as SQL', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.stop());

  /** Rows of `entity` by `where` and `orderBy`, through MikroORM and through filterSql/orderSql, as UUIDs in order. */
  async function both<T extends object>(
    entity: EntityName<T>,
    where: () => Record<string, unknown>,
    orderBy: () => Record<string, unknown>[],
  ) {
    const em = app.orm.em.fork();
    const meta = em.getMetadata().find(entity)! as EntityMetadata;
    // Made afresh for each reading: MikroORM rewrites the order maps it is given, and forgets a raw fragment once read.
    const order = () => [...orderBy(), { uuid: 'asc' }];
    const viaMikroOrm = await RawQueryFragment.run(async () => {
      const found = await em.find(entity, forMikroOrm(where()) as FilterQuery<T>, {
        orderBy: orderForMikroOrm(order()) as never,
        limit: 200,
      });
      return found.map((row) => (row as unknown as { uuid: string }).uuid);
    });
    // No MikroORM raw fragment, so no RawQueryFragment.run.
    const condition = filterSql(meta, where(), 't');
    const ordering = orderSql(meta, order(), 't');
    expect(condition, 'the filter is written as SQL').toBeDefined();
    expect(ordering, 'the order is written as SQL').toBeDefined();
    const rows = await em
      .getConnection()
      .execute<{ id: string }[]>(`select t.id from "${meta.tableName}" t where ${condition!.sql} order by ${ordering!.sql} limit 200`, [
        ...condition!.params,
        ...ordering!.params,
      ]);
    return { viaMikroOrm, viaSql: rows.map((row) => row.id) };
  }

  it('selects and orders the same tasks for every filter the task list writes', async () => {
    const em = app.orm.em.fork();
    const [task] = await em.find(Task, {}, { limit: 1, populate: ['sourceClause'], orderBy: { createdAt: 'asc' } });
    const clause = task.sourceClause;
    const [lead] = await em
      .getConnection()
      .execute<{ agency_id: string }[]>(`select agency_id from assignment group by agency_id order by count(*) desc limit 1`);
    const settings = { today: TEST_TODAY, dueSoonDays: 7, timeZone: 'Asia/Ho_Chi_Minh' };
    const cases: { name: string; where: () => Record<string, unknown>; orderBy: () => Record<string, unknown>[] }[] = [
      { name: 'none', where: () => ({ $and: [] }), orderBy: () => [{ createdAt: 'asc nulls last' }] },
      {
        name: 'agency',
        where: () => ({
          $and: [
            sqlCondition((t) => `exists (select 1 from assignment a where a.task_id = ${t}.id and a.agency_id = ?)`, [lead.agency_id]),
          ],
        }),
        orderBy: () => [{ dueDate: 'asc nulls last' }],
      },
      {
        name: 'document',
        where: () => ({ $and: [{ sourceClause: { document: clause.document.uuid } }] }),
        orderBy: () => [{ dueDate: 'desc nulls last' }],
      },
      { name: 'clause', where: () => ({ $and: [{ sourceClause: clause.uuid }] }), orderBy: () => [] },
      {
        name: 'statuses, kinds',
        where: () => ({
          $and: [
            { progressStatus: { $in: [ProgressStatus.NOT_STARTED, ProgressStatus.IN_PROGRESS, ProgressStatus.DONE] } },
            { kind: { $in: [TaskKind.ACTION, TaskKind.REPORTING] } },
          ],
        }),
        orderBy: () => [{ dueDate: 'asc nulls last' }],
      },
      {
        name: 'deadline status',
        where: () => ({ $and: [deadlineStatusFilter([DeadlineStatus.ON_TRACK, DeadlineStatus.OVERDUE], settings)] }),
        orderBy: () => [],
      },
      {
        name: 'search, Vietnamese order',
        where: () => ({ $and: [searchFilter('$.title, $.description, $.due_phrase', 'bao cao')] }),
        orderBy: () => [sqlOrder((alias) => `search_text(${alias}.title)`, 'asc nulls last'), { title: 'asc nulls last' }],
      },
    ];
    for (const { name, where, orderBy } of cases) {
      const { viaMikroOrm, viaSql } = await both(Task, where, orderBy);
      expect(viaMikroOrm.length, name).toBeGreaterThan(0);
      expect(viaSql, name).toEqual(viaMikroOrm);
    }
  });

  it('selects the same documents, clauses and agencies (booleans, references, nulls, a reference ordered by its key)', async () => {
    const em = app.orm.em.fork();
    const [document] = await em.find(Document, { issuer: { $ne: null } }, { limit: 1 });
    const { viaMikroOrm: documents, viaSql: documentsSql } = await both(
      Document,
      () => ({
        $and: [{ issuer: document.issuer!.uuid }, { referenced: false }, { issuedOn: { $gte: '2000-01-01', $lte: '2030-12-31' } }],
      }),
      () => [{ issuedOn: 'desc nulls last' }],
    );
    expect(documents.length).toBeGreaterThan(0);
    expect(documentsSql).toEqual(documents);

    const { viaMikroOrm: clauses, viaSql: clausesSql } = await both(
      Clause,
      () => ({ $and: [{ document: document.uuid }] }),
      () => [{ document: { uuid: 'asc' } }, { treeOrder: 'asc' }],
    );
    expect(clauses.length).toBeGreaterThan(0);
    expect(clausesSql).toEqual(clauses);

    const { viaMikroOrm: agencies, viaSql: agenciesSql } = await both(
      Agency,
      () => ({ $and: [{ parent: null }, { isGroup: false }] }),
      () => [{ name: 'asc nulls last' }],
    );
    expect(agencies.length).toBeGreaterThan(0);
    expect(agenciesSql).toEqual(agencies);
  });

  it('leaves to MikroORM the forms it does not write, and keeps no raw fragment after a list', async () => {
    const meta = app.orm.em.getMetadata().find(Task)! as EntityMetadata;
    expect(filterSql(meta, { $or: [{ title: 'a' }, { title: 'b' }] }, 't')).toBeUndefined();
    expect(filterSql(meta, { assignments: { agency: 'x' } }, 't')).toBeUndefined();
    expect(filterSql(meta, { targets: [] }, 't')).toBeUndefined();
    expect(filterSql(meta, { createdAt: new Date() }, 't')).toBeUndefined();

    const before = RawQueryFragment.checkCacheSize();
    for (let i = 0; i < 5; i++) {
      await app.ok(`{ tasks(first: 5, filter: { search: "bao cao", deadlineStatus: [OVERDUE] }) { totalCount } }`);
    }
    expect(RawQueryFragment.checkCacheSize()).toBe(before);

    // A list with a form left to MikroORM takes its SQL conditions and orders as raw fragments, with the same answer.
    const search = searchFilter('$.title, $.description, $.due_phrase', 'bao cao');
    const order = () => [sqlOrder((alias) => `search_text(${alias}.title)`, 'asc nulls last')];
    const kinds = [TaskKind.ACTION, TaskKind.REPORTING];
    const byMikroOrm = await paginate(app.orm.em.fork(), Task, { $and: [search, { $or: kinds.map((kind) => ({ kind })) }] }, order(), {
      first: 5,
    });
    const bySql = await paginate(app.orm.em.fork(), Task, { $and: [search, { kind: { $in: kinds } }] }, order(), { first: 5 });
    expect(byMikroOrm.totalCount).toBeGreaterThan(5);
    expect(byMikroOrm.totalCount).toBe(bySql.totalCount);
    expect(byMikroOrm.nodes.map((task) => task.uuid)).toEqual(bySql.nodes.map((task) => task.uuid));
    expect(RawQueryFragment.checkCacheSize()).toBe(before);
  });
});
