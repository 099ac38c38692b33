// react-admin's data provider over the public GraphQL API: Relay connections behind pages, version sent back on writes.
import type { DataProvider, GetListParams, GetListResult, RaRecord } from 'react-admin';

import { graphql } from './graphql-client';
import { type RecordData, RESOURCES, type ResourceSpec } from './resources';

/** The API pages at most 100 at a time. */
const MAX_PAGE = 100;
/** node(id) aliases per request, under the API's alias limit of 15. */
const NODES_PER_REQUEST = 12;

interface Connection {
  totalCount: number;
  edges: { cursor: string; node: RecordData }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

function specOf(resource: string): ResourceSpec {
  const spec = RESOURCES[resource];
  if (!spec) throw new Error(`Unknown resource ${resource}`);
  return spec;
}

const decorated = (spec: ResourceSpec, record: RecordData) => (spec.decorate ? spec.decorate(record) : record) as RaRecord;

/**
 * Cursors are opaque, so page N is reached from the end cursor of page N-1; the end cursors seen are remembered per
 * query (resource, filter, order, page size) and the pages not yet seen are walked through, fetching cursors only.
 */
const endCursors = new Map<string, Map<number, string>>();

function orderArgument(spec: ResourceSpec, sort: GetListParams['sort']) {
  const field = sort?.field && spec.order?.fields[sort.field];
  return field ? [{ field, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' }] : undefined;
}

async function fetchConnection(
  spec: ResourceSpec,
  selection: string,
  variables: { filter?: unknown; orderBy?: unknown; first: number; after?: string | null },
): Promise<Connection> {
  const parameters = ['$first: Int', '$after: String'];
  const argumentsList = ['first: $first', 'after: $after'];
  if (spec.filterType) {
    parameters.push(`$filter: ${spec.filterType}`);
    argumentsList.push('filter: $filter');
  }
  if (spec.order) {
    parameters.push(`$orderBy: [${spec.order.type}!]`);
    argumentsList.push('orderBy: $orderBy');
  }
  const query = `query(${parameters.join(', ')}) { result: ${spec.connection}(${argumentsList.join(', ')}) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${selection} } } } }`;
  const data = await graphql<{ result: Connection }>(query, variables);
  return data.result;
}

async function cursorBefore(spec: ResourceSpec, key: string, page: number, perPage: number, variables: object): Promise<string | null> {
  if (page <= 1) return null;
  const known = endCursors.get(key) ?? new Map<number, string>();
  endCursors.set(key, known);
  let from = page - 1;
  while (from > 0 && !known.has(from)) from -= 1;
  let cursor = from > 0 ? known.get(from)! : null;
  for (let walked = from + 1; walked < page; walked += 1) {
    const connection = await fetchConnection(spec, 'id', { ...variables, first: perPage, after: cursor });
    if (!connection.pageInfo.endCursor) return cursor;
    cursor = connection.pageInfo.endCursor;
    known.set(walked, cursor);
  }
  return cursor;
}

async function getList(resource: string, params: Partial<GetListParams>): Promise<GetListResult> {
  const spec = specOf(resource);
  const perPage = Math.min(params.pagination?.perPage ?? 25, MAX_PAGE);
  const page = params.pagination?.page ?? 1;
  const variables = {
    filter: spec.filterType ? (spec.toFilter?.(params.filter ?? {}) ?? params.filter ?? {}) : undefined,
    orderBy: orderArgument(spec, params.sort),
  };
  const key = JSON.stringify([resource, variables, perPage]);
  const after = await cursorBefore(spec, key, page, perPage, variables);
  const connection = await fetchConnection(spec, spec.listFields ?? spec.fields, { ...variables, first: perPage, after });
  if (connection.pageInfo.endCursor) {
    const known = endCursors.get(key) ?? new Map<number, string>();
    known.set(page, connection.pageInfo.endCursor);
    endCursors.set(key, known);
  }
  return {
    data: connection.edges.map((edge) => decorated(spec, edge.node)),
    total: connection.totalCount,
    pageInfo: { hasNextPage: connection.pageInfo.hasNextPage, hasPreviousPage: page > 1 },
  };
}

/** Accounts, tokens and audit events are not Nodes: found by paging through their connection. */
async function findWithoutNode(spec: ResourceSpec, ids: string[]): Promise<RecordData[]> {
  const wanted = new Set(ids);
  const found: RecordData[] = [];
  let after: string | null = null;
  for (;;) {
    const connection: Connection = await fetchConnection(spec, spec.fields, {
      first: MAX_PAGE,
      after,
      filter: spec.filterType ? {} : undefined,
    });
    for (const edge of connection.edges) if (wanted.has(String(edge.node.id))) found.push(edge.node);
    if (found.length === wanted.size || !connection.pageInfo.hasNextPage) return found;
    after = connection.pageInfo.endCursor;
  }
}

async function getNodes(spec: ResourceSpec, ids: string[]): Promise<RecordData[]> {
  if (spec.notNode) return findWithoutNode(spec, ids);
  const records: RecordData[] = [];
  for (let start = 0; start < ids.length; start += NODES_PER_REQUEST) {
    const batch = ids.slice(start, start + NODES_PER_REQUEST);
    const parameters = batch.map((_, index) => `$id${index}: ID!`).join(', ');
    const selections = batch.map((_, index) => `n${index}: node(id: $id${index}) { ... on ${spec.type} { ${spec.fields} } }`).join('\n');
    const variables = Object.fromEntries(batch.map((id, index) => [`id${index}`, id]));
    const data = await graphql<Record<string, RecordData | null>>(`query(${parameters}) { ${selections} }`, variables);
    for (const index of batch.keys()) {
      const record = data[`n${index}`];
      if (record?.id) records.push(record);
    }
  }
  return records;
}

async function mutate(mutation: string, inputType: string, input: RecordData, selection: string): Promise<RecordData> {
  const data = await graphql<{ result: RecordData }>(
    `mutation($input: ${inputType}!) { result: ${mutation}(input: $input) { ${selection} } }`,
    {
      input,
    },
  );
  return data.result;
}

async function update(resource: string, id: string, data: RecordData, previous: RecordData): Promise<RaRecord> {
  const spec = specOf(resource);
  if (!spec.update) throw new Error(`${resource} cannot be edited`);
  // The version the editor read, not the newest: a change made meanwhile must answer CONFLICT.
  const version = (previous?.version ?? data.version) as number;
  const input = { ...spec.update.toInput(data, previous ?? {}), id, version };
  return decorated(spec, await mutate(spec.update.mutation, spec.update.inputType, input, spec.fields));
}

/** Typed loosely inside (records are the API's JSON) and checked as a DataProvider at the boundary. */
export const dataProvider = {
  getList: (resource, params) => getList(resource, params),

  async getOne(resource, params) {
    const spec = specOf(resource);
    const [record] = await getNodes(spec, [String(params.id)]);
    if (!record) throw Object.assign(new Error('ra.notification.item_doesnt_exist'), { status: 404 });
    return { data: decorated(spec, record) };
  },

  async getMany(resource, params) {
    const spec = specOf(resource);
    const records = await getNodes(spec, [...new Set(params.ids.map(String))]);
    return { data: records.map((record) => decorated(spec, record)) };
  },

  async getManyReference(resource, params) {
    return getList(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } });
  },

  async create(resource, params) {
    const spec = specOf(resource);
    if (!spec.create) throw new Error(`${resource} cannot be created`);
    const { mutation, inputType, toInput, resultPath } = spec.create;
    const selection = resultPath ? `${resultPath} { ${spec.fields} } secret` : spec.fields;
    const result = await mutate(mutation, inputType, toInput(params.data as RecordData), selection);
    if (resultPath) {
      // A new API token's secret is answered once: handed to the page with the record, never stored.
      return { data: { ...(result[resultPath] as RecordData), secret: result.secret } as RaRecord };
    }
    return { data: decorated(spec, result) };
  },

  update: (resource, params) =>
    update(resource, String(params.id), params.data as RecordData, params.previousData as RecordData).then((data) => ({ data })),

  async updateMany(resource, params) {
    const records = await getNodes(specOf(resource), params.ids.map(String));
    for (const record of records) await update(resource, String(record.id), { ...record, ...params.data }, record);
    return { data: params.ids };
  },

  async delete(resource, params) {
    const spec = specOf(resource);
    if (!spec.remove) throw new Error(`${resource} cannot be deleted`);
    const version = (params.previousData as RecordData | undefined)?.version;
    await graphql(`mutation($input: DeleteInput!) { result: ${spec.remove.mutation}(input: $input) { id } }`, {
      input: { id: params.id, version },
    });
    return { data: params.previousData as RaRecord };
  },

  async deleteMany(resource, params) {
    const spec = specOf(resource);
    if (!spec.remove) throw new Error(`${resource} cannot be deleted`);
    const records = await getNodes(spec, params.ids.map(String));
    for (const record of records) {
      await graphql(`mutation($input: DeleteInput!) { result: ${spec.remove.mutation}(input: $input) { id } }`, {
        input: { id: record.id, version: record.version },
      });
    }
    return { data: params.ids };
  },
} as DataProvider;
