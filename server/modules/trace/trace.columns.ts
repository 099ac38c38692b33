// What the trace's fields read, for the request's column plan (server/graphql/column-plan.ts); see task.columns.ts.
// TaskTrace and LineageStep are no entity's rows: their fields name what they read of the entities behind them.
import type { EntityColumns, FieldColumns } from '../../graphql/column-plan';

/** TraceService.lineage reads each reference's type and words; a trace's roots, the documents at both its ends. */
const LINEAGE: FieldColumns = { DocumentRelation: ['type', 'citationText'] };

/** Task.trace: the task's clause, that clause's document, and the lineage with its roots (TraceService.traceTask). */
export const TASK_TRACE_FIELD: FieldColumns = {
  Task: ['sourceClause'],
  Clause: ['document'],
  DocumentRelation: ['type', 'citationText', 'from', 'to'],
};

/** Document.lineage and Document.implementedBy. */
export const DOCUMENT_LINEAGE_FIELDS: Readonly<Record<string, FieldColumns>> = { lineage: LINEAGE, implementedBy: LINEAGE };

export const TASK_TRACE_COLUMNS: EntityColumns = {
  fields: { task: [], sourceClause: [], clauses: [], document: [], lineage: [], roots: [] },
};

export const LINEAGE_STEP_COLUMNS: EntityColumns = {
  fields: {
    // Read with the step (LINEAGE, TASK_TRACE_FIELD).
    depth: [],
    type: [],
    citationText: [],
    from: { DocumentRelation: ['from'] },
    to: { DocumentRelation: ['to'] },
    citingClause: { DocumentRelation: ['citingClause'] },
    targetClause: { DocumentRelation: ['targetClause'] },
  },
};
