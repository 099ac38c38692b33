// The GraphQL schema, built from the modules' resolvers; schema.graphql is this, printed.
import 'reflect-metadata';

import { writeFile } from 'node:fs/promises';

import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import { ApiTokenResolver, SessionResolver, UserResolver } from '../modules/account/account.resolver';
import { holdRootFieldsToPermissionTable } from '../modules/account/authorization';
import { AgencyResolver } from '../modules/agency/agency.resolver';
import { AUDIT_RESOLVERS } from '../modules/audit/audit.resolver';
import { ClauseResolver } from '../modules/clause/clause.resolver';
import { DocumentRelationResolver, DocumentResolver, RecipientResolver } from '../modules/document/document.resolver';
import { ImporterResolver } from '../modules/importer/importer.resolver';
import { NodeResolver } from '../modules/node/node.resolver';
import { OVERSIGHT_RESOLVERS } from '../modules/oversight/oversight.resolver';
import { ReportAttachmentResolver, ReportResolver } from '../modules/report/report.resolver';
import { AssignmentResolver, ReportingDutyResolver, TaskResolver } from '../modules/task/task.resolver';
import {
  ClauseImplementationResolver,
  DocumentLineageResolver,
  LineageStepResolver,
  TaskTraceResolver,
} from '../modules/trace/trace.resolver';
import { validateInput } from './input-validation';
import { resolveRelationsDirectly } from './relation-tables';

let built: Promise<GraphQLSchema> | undefined;

export function registrySchema(): Promise<GraphQLSchema> {
  built ??= declaredSchema()
    // Every root field is then held to the permission table of server/modules/account/permissions.ts.
    .then(holdRootFieldsToPermissionTable)
    .then(resolveRelationsDirectly);
  return built;
}

/** The schema as type-graphql builds it from the resolvers, each field resolved by its own method. */
export function declaredSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      NodeResolver,
      AgencyResolver,
      DocumentResolver,
      DocumentRelationResolver,
      RecipientResolver,
      ClauseResolver,
      TaskResolver,
      AssignmentResolver,
      ReportingDutyResolver,
      ReportResolver,
      ReportAttachmentResolver,
      ...OVERSIGHT_RESOLVERS,
      TaskTraceResolver,
      DocumentLineageResolver,
      ClauseImplementationResolver,
      LineageStepResolver,
      ImporterResolver,
      SessionResolver,
      UserResolver,
      ApiTokenResolver,
      ...AUDIT_RESOLVERS,
    ],
    validateFn: validateInput,
  });
}

/** The schema as committed in schema.graphql: sorted, so the file changes only when the API does. */
export async function printRegistrySchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await registrySchema()))}\n`;
}

if (require.main === module) {
  // npm run schema: rewrite schema.graphql from the code.
  void (async () => {
    const target = process.argv[2] ?? 'schema.graphql';
    await writeFile(target, await printRegistrySchema());
    console.error(`wrote ${target}`);
  })();
}
