// The workloads of issue 7: the API's query, the same answer by hand-written SQL (the floor), and PostGraphile's.

import type { Client } from 'pg';

import { encodeGlobalId } from '../server/graphql/global-id';
import { BENCH_TODAY } from './accounts';
import { Random } from './random';

export type WorkloadName = 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W6';

export interface GraphQLBody {
  query: string;
  variables: Record<string, unknown>;
}

export interface Workload {
  name: WorkloadName;
  title: string;
  /** Writes: run last, as the editor, never against the read-only peer. */
  writes: boolean;
  /** The API request for the n-th parameter set. */
  api(n: number): GraphQLBody;
  /** The floor server's route and JSON body for the n-th parameter set. */
  floor(n: number): { path: string; body: Record<string, unknown> };
  /** The PostGraphile request for the n-th parameter set, when the peer has an equivalent. */
  peer?(n: number): GraphQLBody;
}

/** The registry's own deadline status of the task row `t` (`deadlineStatusSql`): $2 today, $3 DUE_SOON days, $4 time zone. */
const DEADLINE_STATUS_SQL = (t: string) => `(select s.status from task_deadline_status(${t}, $2::date, $3::int, $4) s)`;

/** The floor's SQL, one statement per workload; $1 is the workload's key, $2–$4 the deadline settings (W2, W3). */
export const FLOOR_SQL: Record<Exclude<WorkloadName, 'W4' | 'W5' | 'W6'>, string> = {
  W1: `with recursive
  chosen as (select id, title, source_clause_id from task where id = $1),
  chain(id, parent_id, document_id, path, label, text, depth) as (
    select c.id, c.parent_id, c.document_id, c.path, c.label, c.text, 0 from clause c join chosen on c.id = chosen.source_clause_id
    union all
    select p.id, p.parent_id, p.document_id, p.path, p.label, p.text, chain.depth + 1 from clause p join chain on p.id = chain.parent_id),
  home as (select d.id, d.symbol, d.title from document d where d.id = (select document_id from chain where depth = 0)),
  walk(relation_id, next, depth, seen) as (
    select r.id, r.to_document_id, 1, array[r.from_document_id, r.to_document_id]
      from document_relation r where r.from_document_id = (select id from home) and r.type in ('IMPLEMENTS', 'BASED_ON')
    union all
    select r.id, r.to_document_id, walk.depth + 1, walk.seen || r.to_document_id
      from document_relation r join walk on r.from_document_id = walk.next
     where r.type in ('IMPLEMENTS', 'BASED_ON') and not r.to_document_id = any(walk.seen) and walk.depth < 32),
  steps as (select distinct on (relation_id) relation_id, depth from walk order by relation_id, depth),
  step_relations as (select s.depth, r.* from steps s join document_relation r on r.id = s.relation_id)
select json_build_object(
  'id', chosen.id, 'title', chosen.title,
  'trace', json_build_object(
    'clauses', (select json_agg(json_build_object('path', path, 'label', label, 'text', text) order by depth desc) from chain),
    'document', (select json_build_object('symbol', symbol, 'title', title) from home),
    'lineage', (select coalesce(json_agg(json_build_object('depth', r.depth, 'type', r.type,
                  'to', json_build_object('symbol', d.symbol, 'title', d.title),
                  'citingClause', case when cc.id is null then null else json_build_object('path', cc.path) end) order by r.depth, r.id), '[]')
                  from step_relations r join document d on d.id = r.to_document_id left join clause cc on cc.id = r.citing_clause_id),
    'roots', coalesce(
      (select json_agg(json_build_object('symbol', d.symbol, 'title', d.title)) from document d
        where d.id in (select to_document_id from step_relations) and d.id not in (select from_document_id from step_relations)),
      (select json_agg(json_build_object('symbol', symbol, 'title', title)) from home))))::text as answer
from chosen`,

  // The agency's tasks by its assignments first, then sorted, as the registry reads them (task.service.ts): as a join,
  // PostgreSQL may walk all tasks by due date instead.
  W2: `with page as (
    select t.* from task t
     where t.id = any(array(select a.task_id from assignment a where a.agency_id = $1))
     order by t.due_date asc nulls last, t.id limit 50),
  page_assignments as (
    select a.task_id, json_agg(json_build_object('role', a.role, 'agency', json_build_object('name', g.name, 'shortName', g.short_name))
                               order by a.role desc, a.created_at, a.id) as assignments
      from assignment a join agency g on g.id = a.agency_id
     where a.task_id in (select id from page)
     group by a.task_id)
select json_build_object(
  'totalCount', (select count(*) from assignment a where a.agency_id = $1),
  'nodes', coalesce((select json_agg(json_build_object(
      'id', p.id, 'title', p.title, 'dueDate', p.due_date, 'deadlineStatus', ${DEADLINE_STATUS_SQL('t')},
      'sourceClause', json_build_object('path', c.path, 'document', json_build_object('symbol', d.symbol, 'title', d.title)),
      'assignments', coalesce(pa.assignments, '[]'))
      order by p.due_date asc nulls last, p.id)
    from page p join task t on t.id = p.id join clause c on c.id = p.source_clause_id join document d on d.id = c.document_id
    left join page_assignments pa on pa.task_id = p.id), '[]'))::text as answer`,

  W3: `with document_clauses as (select * from clause where document_id = $1),
  clause_tasks as (
    select t.*, ${DEADLINE_STATUS_SQL('t')} as deadline_status from task t where t.source_clause_id in (select id from document_clauses)),
  task_assignments as (
    select a.task_id, json_agg(json_build_object('role', a.role, 'agency', json_build_object('name', g.name))
                               order by a.role desc, a.created_at, a.id) as assignments
      from assignment a join agency g on g.id = a.agency_id
     where a.task_id in (select id from clause_tasks)
     group by a.task_id),
  tasks_by_clause as (
    select t.source_clause_id, json_agg(json_build_object('id', t.id, 'title', t.title, 'dueDate', t.due_date,
        'deadlineStatus', t.deadline_status, 'assignments', coalesce(ta.assignments, '[]'))
        order by t.created_at, t.id) as tasks
      from clause_tasks t left join task_assignments ta on ta.task_id = t.id
     group by t.source_clause_id)
select json_build_object('id', d.id, 'symbol', d.symbol, 'title', d.title, 'clauses', (
  select coalesce(json_agg(json_build_object('id', c.id, 'path', c.path, 'label', c.label, 'heading', c.heading, 'text', c.text,
    'tasks', coalesce(tc.tasks, '[]')) order by c.tree_order), '[]')
  from document_clauses c left join tasks_by_clause tc on tc.source_clause_id = c.id))::text as answer
from document d where d.id = $1`,
};

/**
 * W4 by hand: one `like` per word, as the index expression is written, so the trigram index answers each; the
 * statement is written for the number of words (each word is $1, $2 …).
 */
export function floorSearchSql(words: number): string {
  const conditions = Array.from(
    { length: words },
    (_, index) => `search_text(variadic array[g.name, g.short_name] || g.aliases) like search_text($${index + 1})`,
  );
  return `with hits as (select g.id, g.name, g.short_name from agency g where ${conditions.join(' and ') || 'true'})
select json_build_object('totalCount', (select count(*) from hits), 'nodes', coalesce((
  select json_agg(json_build_object('id', id, 'name', name, 'shortName', short_name) order by search_text(name), name, id)
    from (select * from hits order by search_text(name), name, id limit 10) page), '[]'))::text as answer`;
}

/** The LIKE pattern of one search word, with LIKE's own characters escaped. */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The quarter W5 asks about: before BENCH_TODAY, so its reports are due and can be missing. */
export const OVERSIGHT_RANGE = { from: '2025-01-01', to: '2025-03-31' };

/**
 * W5 by hand, for one agency: its tasks by deadline status, its reports by status (latest revisions), the reports
 * its duties expected by what became of them, and the missing ones, in one statement. The deadline and duty rules are
 * the registry's own SQL functions (task_deadline_status, expected_reports): the floor is the same definition, read
 * without the API. $1 agency, $2 today, $3 from, $4 to, $5 DUE_SOON days, $6 time zone.
 */
export const FLOOR_W5_SQL = `with scoped as (
    select t.id, (select s.status from task_deadline_status(t, $2::date, $5::int, $6) s) as status
      from task t join assignment a on a.task_id = t.id
     where a.agency_id = $1 and (t.due_date is null or t.due_date <= $4::date) and (t.completed_on is null or t.completed_on >= $3::date)),
  expected as (select * from expected_reports($3::date, $4::date, $2::date, $6, null, $1, null)),
  latest_reports as (
    select r.status from report r
     where r.agency_id = $1 and r.period_end >= $3::date and r.period_start <= $4::date
       and not exists (select 1 from report later
         where coalesce(later.task_id, later.document_id) = coalesce(r.task_id, r.document_id) and later.agency_id = r.agency_id
           and later.period_start = r.period_start and later.period_end = r.period_end and later.revision > r.revision))
select json_build_object(
  'taskCount', (select count(distinct id) from scoped),
  'tasksByDeadlineStatus', (select coalesce(json_agg(json_build_object('status', status, 'count', count) order by status), '[]')
                              from (select status, count(distinct id) from scoped group by status) g),
  'reportsByStatus', (select coalesce(json_agg(json_build_object('status', status, 'count', count) order by status), '[]')
                        from (select status, count(*) from latest_reports group by status) g),
  'expectedReportsByStatus', (select coalesce(json_agg(json_build_object('status', status, 'count', count) order by status), '[]')
                                from (select status, count(*) from expected group by status) g),
  'missingReports', (select coalesce(json_agg(json_build_object('dueOn', due_on, 'periodEnd', period_end) order by due_on, task_id), '[]')
                       from expected where status = 'MISSING'))::text as answer`;

/** The title of every task W6 creates, so that a run can remove them (removeWrittenTasks). */
export const W6_TITLE = 'Nhiệm vụ đo hiệu năng';

/**
 * Every run reads the data as generated: the tasks W6 wrote (tens of thousands a run, on the benchmark's own agencies)
 * would otherwise fill the next run's pages and change its plans. Their audit events stay (the trail is append-only);
 * no workload reads them.
 */
export async function removeWrittenTasks(client: Client): Promise<void> {
  const { rowCount } = await client.query('delete from task where title like $1', [`${W6_TITLE} %`]);
  if (rowCount) {
    await client.query('vacuum analyze task, assignment');
    console.log(`Removed the ${rowCount} tasks W6 wrote.`);
  }
}

/** W6 by hand: the task, its two assignments and their three audit events, in one statement (one transaction). */
export const FLOOR_W6_SQL = `with new_task as (
    insert into task (id, source_clause_id, title, due_date) values ($1, $2, $3, $4) returning *),
  new_assignments as (
    insert into assignment (id, task_id, agency_id, role)
    select id, $1, agency_id, role from (values ($5::uuid, $6::uuid, 'LEAD'), ($7::uuid, $8::uuid, 'COORDINATOR')) as v(id, agency_id, role)
    returning *),
  events as (
    insert into audit_event (actor_kind, actor_id, actor_name, entity_type, entity_id, action, changes)
    select 'USER', $9::uuid, 'bench-editor', 'Task', id, 'CREATE', jsonb_build_object('after', to_jsonb(new_task)) from new_task
    union all
    select 'USER', $9::uuid, 'bench-editor', 'Assignment', id, 'CREATE', jsonb_build_object('after', to_jsonb(new_assignments)) from new_assignments
    returning 1)
select json_build_object('id', t.id, 'title', t.title, 'assignments', (
  select json_agg(json_build_object('role', a.role, 'agency', json_build_object('name', g.name)) order by a.role desc)
    from new_assignments a join agency g on g.id = a.agency_id))::text as answer
from new_task t, (select count(*) from events) written`;

export interface WorkloadParameters {
  taskIds: string[];
  agencyIds: string[];
  documentIds: string[];
  searchTerms: string[];
  clauseIds: string[];
  /** Agencies for W6's lead and coordinator. */
  agencyPairs: [string, string][];
}

/** Parameters drawn once, with a fixed seed, from the loaded data: the same requests on every run at a scale. */
export async function drawParameters(client: Client, count = 1000): Promise<WorkloadParameters> {
  const random = new Random(7);
  const column = async (sql: string) => (await client.query<{ id: string }>(sql)).rows.map((row) => row.id);
  const draw = (ids: string[]) => Array.from({ length: count }, () => random.pick(ids));
  const tasks = await column('select id from task order by id');
  const agencies = await column('select distinct agency_id as id from assignment order by 1');
  const documents = await column('select distinct document_id as id from clause order by 1');
  const clauses = await column(`select id from clause where kind not in ('PART', 'PARAGRAPH') order by id`);
  // Province-level names without their accents, as someone would type them: "cong an tinh dak nong".
  const terms = await column(`select search_text(name) as id from agency where level = 'PROVINCE' and not is_group order by id`);
  const allAgencies = await column('select id from agency where not is_group order by id');
  return {
    taskIds: draw(tasks),
    agencyIds: draw(agencies),
    documentIds: draw(documents),
    searchTerms: draw(terms),
    clauseIds: draw(clauses),
    agencyPairs: Array.from({ length: count }, () => {
      const [lead, coordinator] = random.sample(allAgencies, 2);
      return [lead, coordinator] as [string, string];
    }),
  };
}

/**
 * PostGraphile's field for the registry's task_deadline_status(), with the settings the bench's registry runs with (the
 * defaults of server/config.ts: 7 days, Asia/Ho_Chi_Minh) and the bench's today.
 */
const PEER_DEADLINE_STATUS = `deadlineStatus(today: "${BENCH_TODAY}", dueSoonDays: 7, timeZone: "Asia/Ho_Chi_Minh") { nodes }`;

export function workloads(parameters: WorkloadParameters): Workload[] {
  const at = <T>(values: T[], n: number) => values[n % values.length];
  return [
    {
      name: 'W1',
      title: 'trace one random task to its root',
      writes: false,
      api: (n) => ({
        query: `query W1($id: ID!) { task(id: $id) { id title trace {
          clauses { path label text } document { symbol title }
          lineage { depth type to { symbol title } citingClause { path } } roots { symbol title } } } }`,
        variables: { id: encodeGlobalId('Task', at(parameters.taskIds, n)) },
      }),
      floor: (n) => ({ path: '/W1', body: { key: at(parameters.taskIds, n) } }),
    },
    {
      name: 'W2',
      title: 'tasks of one agency with deadline status, first 50, nested clause, document, assignments and agencies',
      writes: false,
      api: (n) => ({
        query: `query W2($agencyId: ID!) { tasks(first: 50, filter: { agencyId: $agencyId }, orderBy: [{ field: DUE_DATE, direction: ASC }]) {
          totalCount nodes { id title dueDate deadlineStatus sourceClause { path document { symbol title } }
          assignments { role agency { name shortName } } } } }`,
        variables: { agencyId: encodeGlobalId('Agency', at(parameters.agencyIds, n)) },
      }),
      floor: (n) => ({ path: '/W2', body: { key: at(parameters.agencyIds, n) } }),
      // PostGraphile's generated schema reaches an agency's tasks through its assignments; without plugins it orders by
      // the assignment's key, not the due date. It exposes task_deadline_status() as a computed column, so it answers
      // the same statuses (the runs before 2026-11-23 19:30 asked it none, which made its W2 and W3 cheaper than ours).
      peer: (n) => ({
        query: `query W2($agencyId: UUID!) { agencyById(id: $agencyId) { assignmentsByAgencyId(first: 50) { totalCount nodes {
          taskByTaskId { id title dueDate ${PEER_DEADLINE_STATUS}
            clauseBySourceClauseId { path documentByDocumentId { symbol title } }
            assignmentsByTaskId { nodes { role agencyByAgencyId { name shortName } } } } } } } }`,
        variables: { agencyId: at(parameters.agencyIds, n) },
      }),
    },
    {
      name: 'W3',
      title: 'one document with its whole clause tree and tasks',
      writes: false,
      api: (n) => ({
        query: `query W3($id: ID!) { document(id: $id) { id symbol title clauses { id path label heading text
          tasks { id title dueDate deadlineStatus assignments { role agency { name } } } } } }`,
        variables: { id: encodeGlobalId('Document', at(parameters.documentIds, n)) },
      }),
      floor: (n) => ({ path: '/W3', body: { key: at(parameters.documentIds, n) } }),
      peer: (n) => ({
        query: `query W3($id: UUID!) { documentById(id: $id) { id symbol title clausesByDocumentId(orderBy: TREE_ORDER_ASC) { nodes {
          id path label heading text tasksBySourceClauseId { nodes { id title dueDate ${PEER_DEADLINE_STATUS}
            assignmentsByTaskId { nodes { role agencyByAgencyId { name } } } } } } } } }`,
        variables: { id: at(parameters.documentIds, n) },
      }),
    },
    {
      name: 'W4',
      title: 'search agencies without diacritics ("cong an tinh dak nong")',
      writes: false,
      api: (n) => ({
        query: `query W4($term: String!) { agencies(first: 10, filter: { search: $term }) { totalCount nodes { id name shortName } } }`,
        variables: { term: at(parameters.searchTerms, n) },
      }),
      floor: (n) => ({ path: '/W4', body: { key: at(parameters.searchTerms, n) } }),
    },
    {
      name: 'W5',
      title: 'the oversight aggregates of one agency for a quarter',
      writes: false,
      api: (n) => ({
        query: `query W5($agencyId: ID!, $from: LocalDate!, $to: LocalDate!) { oversight(from: $from, to: $to, agencyId: $agencyId) {
          agencies { agency { name } taskCount tasksByDeadlineStatus { status count } reportsByStatus { status count }
            expectedReportsByStatus { status count } missingReports { dueOn periodEnd } } } }`,
        variables: { agencyId: encodeGlobalId('Agency', at(parameters.agencyIds, n)), ...OVERSIGHT_RANGE },
      }),
      floor: (n) => ({ path: '/W5', body: { key: at(parameters.agencyIds, n) } }),
    },
    {
      name: 'W6',
      title: 'create a task with two assignments',
      writes: true,
      api: (n) => {
        const [lead, coordinator] = at(parameters.agencyPairs, n);
        return {
          query: `mutation W6($input: CreateTaskInput!) { createTask(input: $input) { id title assignments { role agency { name } } } }`,
          variables: {
            input: {
              sourceClauseId: encodeGlobalId('Clause', at(parameters.clauseIds, n)),
              title: `${W6_TITLE} ${n}`,
              dueDate: '2026-12-31',
              assignments: [
                { agencyId: encodeGlobalId('Agency', lead), role: 'LEAD' },
                { agencyId: encodeGlobalId('Agency', coordinator), role: 'COORDINATOR' },
              ],
            },
          },
        };
      },
      floor: (n) => {
        const [lead, coordinator] = at(parameters.agencyPairs, n);
        return {
          path: '/W6',
          body: { key: at(parameters.clauseIds, n), title: `${W6_TITLE} ${n}`, lead, coordinator },
        };
      },
    },
  ];
}
