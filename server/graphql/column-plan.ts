// Which columns a read-only request needs, so that its loaders and pages select those and no more.
//
// A page of 50 tasks with their clauses, documents, assignments and agencies is some 400 rows; read whole, their
// columns (clause texts, targets, recipients, aliases, timestamps) cost the `pg` driver and the row readers about three
// times what the columns the query shows cost (docs/performance.md). PostGraphile selects only what a query asks; so do
// we, but only where it is known to be safe: every field of the operation must be listed below or in a module's
// `*.columns.ts` with what it reads. Any other field, any mutation, any fragment on an interface, and the request reads
// whole rows as before.
import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLSchema,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

import { AGENCY_COLUMNS } from '../modules/agency/agency.columns';
import { CLAUSE_COLUMNS } from '../modules/clause/clause.columns';
import { DOCUMENT_COLUMNS } from '../modules/document/document.columns';
import { ASSIGNMENT_COLUMNS, TASK_COLUMNS } from '../modules/task/task.columns';
import { LINEAGE_STEP_COLUMNS, TASK_TRACE_COLUMNS } from '../modules/trace/trace.columns';
import type { Context } from './context';

/**
 * What a field reads: properties of its own entity (a list), or per entity class when it also reads entities it loads
 * (Task.document reads the task's clause, then the clause's document).
 */
export type FieldColumns = readonly string[] | Readonly<Record<string, readonly string[]>>;

/**
 * A GraphQL object type backed by an entity, and what each of its listed fields reads. A type no entity backs (a
 * trace) has no `entity`: its fields say per entity class what they read.
 */
export interface EntityColumns {
  entity?: string;
  fields: Readonly<Record<string, FieldColumns>>;
}

/** Entity class name → the properties the request reads (its primary key always among them). */
export type ColumnPlan = ReadonlyMap<string, ReadonlySet<string>>;

export const ENTITY_TYPES: Readonly<Record<string, EntityColumns>> = {
  Task: TASK_COLUMNS,
  Assignment: ASSIGNMENT_COLUMNS,
  Clause: CLAUSE_COLUMNS,
  Document: DOCUMENT_COLUMNS,
  Agency: AGENCY_COLUMNS,
  TaskTrace: TASK_TRACE_COLUMNS,
  LineageStep: LINEAGE_STEP_COLUMNS,
};

/** Root fields that read through loaders and pages, or through MikroORM (whole rows, which is never wrong). */
const ROOT_FIELDS = new Set(['tasks', 'task', 'documents', 'document', 'clauses', 'clause', 'agencies', 'agency']);

/** Fields of the Relay wrappers (server/graphql/connection.ts), which read nothing themselves. */
const WRAPPER_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  Connection: new Set(['edges', 'nodes', 'pageInfo', 'totalCount']),
  Edge: new Set(['cursor', 'node']),
};
const PAGE_INFO_FIELDS = new Set(['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor']);

/** Values kept inside a column (JSON) whose fields have no resolvers: what they show was read with their column. */
const EMBEDDED_TYPES = new Set(['TaskTarget']);

function wrapperAllows(typeName: string, field: string): boolean {
  if (typeName === 'Query') return ROOT_FIELDS.has(field);
  if (typeName === 'PageInfo') return PAGE_INFO_FIELDS.has(field);
  if (EMBEDDED_TYPES.has(typeName)) return true;
  const kind = typeName.endsWith('Connection') ? 'Connection' : typeName.endsWith('Edge') ? 'Edge' : undefined;
  return kind !== undefined && ENTITY_TYPES[typeName.slice(0, -kind.length)] !== undefined && WRAPPER_FIELDS[kind].has(field);
}

class Planner {
  readonly plan = new Map<string, Set<string>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  ) {}

  private read(entity: string, properties: readonly string[]): void {
    let set = this.plan.get(entity);
    if (!set) this.plan.set(entity, (set = new Set(['uuid'])));
    for (const property of properties) set.add(property);
  }

  /** False when the selection asks anything this module does not know the columns of. */
  walk(typeName: string, selectionSet: SelectionSetNode): boolean {
    const type = this.schema.getType(typeName);
    if (!isObjectType(type)) return false;
    const entityType = ENTITY_TYPES[typeName];
    if (entityType?.entity) this.read(entityType.entity, []);
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = selection.name.value;
        if (field === '__typename') continue;
        const columns = entityType?.fields[field];
        // Arguments can change what a field reads: a trace `at` a past moment rebuilds its records from the audit trail.
        if (columns && selection.arguments?.length) return false;
        if (columns) {
          if (Array.isArray(columns)) this.read(entityType!.entity!, columns as readonly string[]);
          else for (const [entity, properties] of Object.entries(columns)) this.read(entity, properties);
        } else if (!wrapperAllows(typeName, field)) {
          return false;
        }
        if (selection.selectionSet) {
          const fieldType = type.getFields()[field];
          if (!fieldType || !this.walk(getNamedType(fieldType.type).name, selection.selectionSet)) return false;
        }
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragments[selection.name.value];
        // A fragment on an interface or another type could reach fields of types not walked here.
        if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== typeName)) return false;
        if (!this.walk(typeName, fragment.selectionSet)) return false;
      }
    }
    return true;
  }
}

/** The columns `operationName` of `document` reads, or null when it must read whole rows. */
export function planColumns(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): ColumnPlan | null {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
  if (!operation || operation.operation !== 'query' || (!operationName && operations.length > 1)) return null;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const planner = new Planner(schema, fragments);
  return planner.walk('Query', operation.selectionSet) ? planner.plan : null;
}

// Apollo hands every request of the same query text the same parsed document: plan each once.
const plansByDocument = new WeakMap<DocumentNode, Map<string, ColumnPlan | null>>();

function cachedPlan(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): ColumnPlan | null {
  let plans = plansByDocument.get(document);
  if (!plans) plansByDocument.set(document, (plans = new Map()));
  const key = operationName ?? '';
  if (!plans.has(key)) plans.set(key, planColumns(schema, document, operationName));
  return plans.get(key)!;
}

// The plan belongs to the request's entity manager: loaders and pages read through it, and a transaction's fork (every
// write) has none, so it reads whole rows.
const plansByEntityManager = new WeakMap<EntityManager, ColumnPlan>();

/** The properties of `entity` the request of `em` reads, or undefined for all of them. */
export function plannedColumns(em: EntityManager, entity: string): ReadonlySet<string> | undefined {
  return plansByEntityManager.get(em)?.get(entity);
}

/** Makes the loaders and pages of `em` read what `plan` says. */
export function readColumns(em: EntityManager, plan: ColumnPlan): void {
  plansByEntityManager.set(em, plan);
}

/** Gives each request's entity manager the plan of its operation, once Apollo has parsed and validated it. */
export function columnPlanPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, contextValue }) {
          const plan = cachedPlan(schema, document, operationName ?? undefined);
          if (plan) readColumns(contextValue.em, plan);
        },
      };
    },
  };
}
