// Limits on what one GraphQL request may ask: size, depth, aliases, directives, cost, errors; suggestions and
// introspection kept from strangers in production. Everything here is spread into the ApolloServer options.
import { type ApolloServerOptions, type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type OperationDefinitionNode,
  type SelectionSetNode,
  validate,
  type ValidationContext,
  type ValueNode,
  visit,
} from 'graphql';

import type { Config } from '../config';
import { currentActor } from '../modules/account/actor';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection';
import type { Context } from './context';

export const QUERY_LIMITS = {
  /**
   * Nested selections, fragments flattened, introspection's own not counted. The console's deepest query (the
   * import draft's clause tree: previewImport → clauses → 4 × children → fields) is 7.
   */
  maxDepth: 12,
  /** Aliased fields in one operation (__typename aliases free). */
  maxAliases: 15,
  /** Directives (@include, @skip …) in one operation. */
  maxDirectives: 20,
  /** Lexical tokens in the query text (variables are not counted). */
  maxTokens: 2000,
  /** Field selections once every fragment is expanded (Apollo's own rule, against fragment bombs). */
  maxRecursiveSelections: 10_000,
  /** Validation stops after this many errors. */
  maxErrors: 10,
  /** See operationCost. */
  maxCost: 50_000,
} as const;

const SCALAR_COST = 1;
const OBJECT_COST = 2;
const DEPTH_COST_FACTOR = 1.5;

const VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED';

/** graphql-armor's messages start with "Syntax Error: " though they are not one; the caller gets them without. */
function reportRejection(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: VALIDATION_FAILED } }));
}

/**
 * Depth, aliases and directives from graphql-armor, as validation rules (they see only the query text, so Apollo
 * may cache their verdict with the parsed document). Armor's cost limit is replaced by operationCost below, which
 * reads page sizes from variables too; its token limit by graphql-js's parser option; its suggestion masking by
 * hideSuggestions below, which also reaches variable errors.
 */
function armorValidationRules() {
  const rejection = { propagateOnRejection: false, onReject: [reportRejection] };
  return new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...rejection },
    maxAliases: { n: QUERY_LIMITS.maxAliases, ...rejection },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...rejection },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect().validationRules;
}

/** How many items a connection field returns: first/last (capped as the resolvers cap them), else the default page. */
function pageSize(
  field: GraphQLField<unknown, unknown> | undefined,
  node: FieldNode,
  variables: Record<string, unknown>,
  defaults: Map<string, ValueNode>,
): number {
  if (!field?.args.some((arg) => arg.name === 'first' || arg.name === 'last')) return 1;
  let size: number | undefined;
  for (const argument of node.arguments ?? []) {
    if (argument.name.value !== 'first' && argument.name.value !== 'last') continue;
    let value: unknown;
    if (argument.value.kind === Kind.INT) value = Number(argument.value.value);
    else if (argument.value.kind === Kind.VARIABLE) {
      const name = argument.value.name.value;
      const fallback = defaults.get(name);
      value = variables[name] ?? (fallback?.kind === Kind.INT ? Number(fallback.value) : undefined);
    }
    if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size ?? 0, value);
  }
  // Above the cap the resolver refuses the request with a clear BAD_USER_INPUT; the cost must not refuse it first.
  return Math.max(1, Math.min(MAX_PAGE_SIZE, size ?? DEFAULT_PAGE_SIZE));
}

/**
 * graphql-armor's cost model — a scalar costs 1, an object 2 plus 1.5 × its selections, all of it times the page
 * size of a connection — with the page size read from literals and variables alike and capped at 100.
 * Introspection fields and __typename cost nothing.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const cost = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined | null): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        if (!selection.selectionSet) {
          total += SCALAR_COST;
          continue;
        }
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        const type = field ? getNamedType(field.type) : undefined;
        total += pageSize(field, selection, variables, defaults) * (OBJECT_COST + DEPTH_COST_FACTOR * cost(selection.selectionSet, type));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += cost(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) total += cost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
      }
    }
    return total;
  };
  return cost(operation.selectionSet, schema.getRootType(operation.operation));
}

/** Refuses an operation over maxCost. It runs once the operation is known, with its variables, on every request. */
function costLimit(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = Math.ceil(operationCost(schema, document, operation, request.variables ?? {}));
          if (cost <= QUERY_LIMITS.maxCost) return;
          throw new GraphQLError(
            `Query cost limit of ${QUERY_LIMITS.maxCost} exceeded, found ${cost}: ask for fewer fields, less nesting or smaller pages`,
            {
              extensions: { code: VALIDATION_FAILED, cost, maxCost: QUERY_LIMITS.maxCost, http: { status: 400, headers: new HeaderMap() } },
            },
          );
        },
      };
    },
  };
}

/** In production, introspection is for signed-in users and API tokens only. Checked per request: the actor varies. */
function introspectionGuard(config: Config): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document }) {
          if (!config.production) return;
          const actor = currentActor();
          // The system actor stands for the registry itself (CLI, migrations); a request that has it was never authenticated.
          if (actor && actor.kind !== 'SYSTEM') return;
          if (validate(schema, document, [NoSchemaIntrospectionCustomRule]).length === 0) return;
          throw new GraphQLError('Introspection (__schema, __type) is available to signed-in users and API tokens only', {
            extensions: {
              code: 'UNAUTHENTICATED',
              http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) },
            },
          });
        },
      };
    },
  };
}

/** True when a value holds a string with the NUL character, at any depth. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
}

/**
 * PostgreSQL text cannot hold NUL (\u0000), and the driver would fail on it with a protocol error: a string that has
 * one, in the query or its variables, is refused up front as the caller's mistake.
 */
function refuseNul(): ApolloServerPlugin<Context> {
  // Apollo keeps a parsed document for every request that sends the same query: its literals are read once.
  const literalsHoldNul = new WeakMap<DocumentNode, boolean>();
  const documentHoldsNul = (document: DocumentNode) => {
    let found = literalsHoldNul.get(document);
    if (found === undefined) {
      found = false;
      visit(document, {
        StringValue(node) {
          if (node.value.includes('\u0000')) found = true;
        },
      });
      literalsHoldNul.set(document, found);
    }
    return found;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          if (!holdsNul(request.variables ?? {}) && !documentHoldsNul(document)) return;
          throw new GraphQLError('Text may not contain the NUL character (\\u0000)', {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400, headers: new HeaderMap() } },
          });
        },
      };
    },
  };
}

const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** In production, "Did you mean …" hints would spell out the schema to a stranger: they are cut from every error. */
function hideSuggestions(config: Config): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      if (!config.production) return;
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}

/** The ApolloServer options that enforce the limits above. */
export function queryLimits(config: Config) {
  return {
    validationRules: armorValidationRules(),
    validationOptions: { maxErrors: QUERY_LIMITS.maxErrors },
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    maxRecursiveSelections: QUERY_LIMITS.maxRecursiveSelections,
    hideSchemaDetailsFromClientErrors: config.production,
    plugins: [costLimit(), introspectionGuard(config), refuseNul(), hideSuggestions(config)],
  } satisfies Partial<ApolloServerOptions<Context>>;
}
