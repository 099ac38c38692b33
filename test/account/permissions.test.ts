// The whole API for every caller: each root Query and Mutation field, sent by every role and by nobody, must be allowed
// or refused exactly as the permission table in server/modules/account/permissions.ts says.
import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { registrySchema } from '../../server/graphql/schema';
import { Role, SYSTEM_ACTOR } from '../../server/modules/account/actor';
import { authorizeRootField } from '../../server/modules/account/authorization';
import { allowedCallers, ANONYMOUS, type Caller, isListed, type RootOperation } from '../../server/modules/account/permissions';
import { createTestApp, type TestApp } from '../support/test-app';

const CALLERS: Caller[] = [ANONYMOUS, Role.ADMIN, Role.EDITOR, Role.AUDITOR, Role.REPORTER, Role.INTEGRATOR];
const REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN'];

let app: TestApp;
let rootFields: Record<RootOperation, GraphQLField<unknown, unknown>[]>;

/** What the table says a caller gets: null when allowed, else the code of the refusal. */
function expectedRefusal(operation: RootOperation, field: string, caller: Caller): string | null {
  if (!isListed(operation, field)) return 'FORBIDDEN';
  if (allowedCallers(operation, field).includes(caller)) return null;
  return caller === ANONYMOUS ? 'UNAUTHENTICATED' : 'FORBIDDEN';
}

/** A well-formed ID of nothing: resolvers that get this far answer BAD_USER_INPUT or NOT_FOUND, never a refusal. */
const NO_ID = Buffer.from('Nothing:00000000-0000-4000-8000-000000000000', 'utf8').toString('base64url');

/** A literal of the right shape for a GraphQL input type: required fields only, the simplest values. */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return '[]';
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return `{ ${fields.map((field) => `${field.name}: ${literal(field.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    const samples: Record<string, string> = {
      ID: JSON.stringify(NO_ID),
      Int: '1',
      Float: '1',
      Boolean: 'false',
      LocalDate: '"2025-01-01"',
      DateTime: '"2030-01-01T00:00:00Z"',
    };
    return samples[type.name] ?? '"x"';
  }
  throw new Error(`no literal for ${String(type)}`);
}

function requiredArguments(args: readonly GraphQLArgument[]): GraphQLArgument[] {
  return args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
}

/** One operation that asks for one root field and nothing else. */
function operationFor(operation: RootOperation, field: GraphQLField<unknown, unknown>, argumentsOverride?: string): string {
  const args =
    argumentsOverride ??
    requiredArguments(field.args)
      .map((arg) => `${arg.name}: ${literal(arg.type)}`)
      .join(', ');
  const returned = getNamedType(field.type);
  const selection = isObjectType(returned) || isInterfaceType(returned) || isUnionType(returned) ? ' { __typename }' : '';
  return `${operation === 'Query' ? 'query' : 'mutation'} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

/** Fields whose simplest call would fail for reasons of its own: arguments that let an allowed caller through. */
let argumentOverrides: Record<string, string>;

beforeAll(async () => {
  app = await createTestApp();
  const schema = await registrySchema();
  const fieldsOf = (type: GraphQLObjectType | null | undefined) => Object.values(type?.getFields() ?? {});
  rootFields = { Query: fieldsOf(schema.getQueryType()), Mutation: fieldsOf(schema.getMutationType()) };

  // The reporter's report must be for its own agency and a task assigned to it.
  const police = (await app.ok(`{ agencies(filter: { search: "Công an tỉnh Đắk Nông" }) { nodes { id name } } }`)).agencies.nodes.find(
    (agency: { name: string }) => agency.name === 'Công an tỉnh Đắk Nông',
  );
  const task = (
    await app.ok(`query($agency: ID!) { tasks(first: 1, filter: { agencyId: $agency }) { nodes { id } } }`, { agency: police.id })
  ).tasks.nodes[0];
  argumentOverrides = {
    // A wrong password answers UNAUTHENTICATED, which here would read as a refusal.
    login: `username: "auditor", password: "auditor-demo"`,
    createReport: `input: { taskId: "${task.id}", agencyId: "${police.id}", periodStart: "2025-01-01", periodEnd: "2025-03-31", kind: PERIODIC }`,
  };
});
afterAll(async () => app?.stop());

describe('the permission table', () => {
  it('names every root Query and Mutation field of the schema (a field it does not name is refused to everyone)', () => {
    const unlisted = (['Query', 'Mutation'] as const).flatMap((operation) =>
      rootFields[operation].filter((field) => !isListed(operation, field.name)).map((field) => `${operation}.${field.name}`),
    );
    expect(unlisted, `add these to server/modules/account/permissions.ts: ${unlisted.join(', ')}`).toEqual([]);
  });

  it('lets ADMIN use everything, and keeps users and tokens to ADMIN', () => {
    for (const operation of ['Query', 'Mutation'] as const) {
      for (const field of rootFields[operation]) expect(allowedCallers(operation, field.name), field.name).toContain(Role.ADMIN);
    }
    for (const field of ['createUser', 'updateUser', 'createApiToken', 'revokeApiToken']) {
      expect(allowedCallers('Mutation', field)).toEqual([Role.ADMIN]);
    }
  });

  it('gives AUDITOR and INTEGRATOR no writes, and REPORTER only report writes (besides login and logout)', () => {
    const writes = (caller: Caller) =>
      rootFields.Mutation.map((field) => field.name).filter(
        (field) => allowedCallers('Mutation', field).includes(caller) && !['login', 'logout'].includes(field),
      );
    expect(writes(Role.AUDITOR)).toEqual([]);
    expect(writes(Role.INTEGRATOR)).toEqual([]);
    expect(writes(Role.REPORTER).sort()).toEqual([
      'addReportAttachment',
      'createReport',
      'deleteReport',
      'removeReportAttachment',
      'reviseReport',
      'submitReport',
      'updateReport',
    ]);
  });

  it('fails closed: a root field the table does not name is refused to everyone, ADMIN included', async () => {
    const newField = (actor: unknown) => authorizeRootField('Query', 'somethingNew', {}, { actor } as never);
    const admin = { kind: 'USER', id: null, name: 'admin', role: Role.ADMIN, agencyId: null };
    await expect(newField(admin)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/not in the permission table/),
    });
    await expect(newField(null)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('fails closed when a request was not run as its actor: the SYSTEM actor counts as anonymous', async () => {
    const documents = authorizeRootField('Query', 'documents', {}, { actor: SYSTEM_ACTOR } as never);
    await expect(documents).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('lets anonymous callers only log in, log out and ask who they are', () => {
    const open = (['Query', 'Mutation'] as const).flatMap((operation) =>
      rootFields[operation].filter((field) => allowedCallers(operation, field.name).includes(ANONYMOUS)).map((field) => field.name),
    );
    expect(open.sort()).toEqual(['login', 'logout', 'me']);
  });
});

describe('the server enforces the table: every root field, every caller', () => {
  for (const operation of ['Query', 'Mutation'] as const) {
    for (const caller of CALLERS) {
      it(`${operation} fields as ${caller}`, async () => {
        const client = app.as(caller);
        // logout ends the caller's session, so it goes last.
        const fields = [...rootFields[operation]].sort((a, b) => Number(a.name === 'logout') - Number(b.name === 'logout'));
        const mismatches: string[] = [];
        for (const field of fields) {
          const query = operationFor(operation, field, argumentOverrides[field.name]);
          const response = await client.gql(query);
          const codes = (response.errors ?? []).map((error) => error.extensions?.code);
          const expected = expectedRefusal(operation, field.name, caller);
          const refusal = codes.find((code) => REFUSALS.includes(code ?? ''));
          if (response.status >= 400 && !response.errors?.length) mismatches.push(`${field.name}: HTTP ${response.status}`);
          if (expected === null && refusal) mismatches.push(`${field.name}: allowed by the table, but refused with ${refusal}`);
          if (expected !== null && codes[0] !== expected) {
            mismatches.push(
              `${field.name}: the table refuses it with ${expected}, the server answered ${JSON.stringify(response.errors ?? response.data)}`,
            );
          }
          if (codes.includes('GRAPHQL_VALIDATION_FAILED')) mismatches.push(`${field.name}: the test sent an invalid operation: ${query}`);
        }
        expect(mismatches).toEqual([]);
      });
    }
  }

  it('refuses before validating arguments: an anonymous caller learns nothing about the input it sent', async () => {
    const response = await app.as(ANONYMOUS).gql(`mutation { createAgency(input: { name: "", kind: OTHER, level: PROVINCE }) { id } }`);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0].message).toMatch(/log in/);
  });

  it('says which role was refused what', async () => {
    const response = await app.as(Role.AUDITOR).gql(`mutation { deleteTask(input: { id: "${NO_ID}", version: 1 }) { id } }`);
    expect(response.errors?.[0]).toMatchObject({
      message: 'Your role (AUDITOR) may not use deleteTask',
      extensions: { code: 'FORBIDDEN', field: 'deleteTask', role: 'AUDITOR' },
    });
  });

  it('checks every root field of an operation, not only the first', async () => {
    const response = await app.as(Role.INTEGRATOR).gql(`query { documents { totalCount } users { totalCount } }`);
    // users is non-null, so its refusal nulls the whole answer.
    expect(response.data).toBeNull();
    expect(response.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['users'], 'FORBIDDEN']]);
  });
});
