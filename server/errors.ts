// Expected failures are values with a stable code; this file maps them, and database refusals, to GraphQL errors.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** Login refused for a while after repeated failures; extensions.retryAfterSeconds says how long. */
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  /** Too many requests; extensions.retryAfterSeconds and the Retry-After header say when to try again. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The database cancelled a statement that ran past STATEMENT_TIMEOUT_MS. */
  TIMEOUT = 'TIMEOUT',
}

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInputError extends DomainError {
  readonly code = ErrorCode.BAD_USER_INPUT;
}
export class NotFoundError extends DomainError {
  readonly code = ErrorCode.NOT_FOUND;
}
export class ConflictError extends DomainError {
  readonly code = ErrorCode.CONFLICT;
}
export class ForbiddenError extends DomainError {
  readonly code = ErrorCode.FORBIDDEN;
}

/**
 * Messages for the constraints PostgreSQL enforces, by constraint name, in the caller's terms.
 * The triggers of the initial migration raise with these names too.
 */
const CONSTRAINT_MESSAGES: Record<string, { code: ErrorCode; message: string }> = {
  agency_name_unique: { code: ErrorCode.CONFLICT, message: 'An agency with this name already exists' },
  document_issuer_id_symbol_unique: { code: ErrorCode.CONFLICT, message: 'This issuer already has a document with this symbol' },
  clause_document_id_path_unique: { code: ErrorCode.CONFLICT, message: 'This document already has a clause at this path' },
  clause_parent_same_document: { code: ErrorCode.BAD_USER_INPUT, message: 'A clause and its parent must belong to the same document' },
  clause_document_fixed: { code: ErrorCode.BAD_USER_INPUT, message: 'A clause cannot move to another document' },
  clause_no_cycle: { code: ErrorCode.BAD_USER_INPUT, message: 'A clause cannot be moved under itself or one of its own sub-clauses' },
  document_relation_citing_clause_of_source: {
    code: ErrorCode.BAD_USER_INPUT,
    message: 'The citing clause must belong to the citing (from) document',
  },
  document_relation_not_self: { code: ErrorCode.BAD_USER_INPUT, message: 'A document cannot refer to itself' },
  document_relation_from_document_id_to_document_id_type_unique: {
    code: ErrorCode.CONFLICT,
    message: 'These two documents are already related this way',
  },
  assignment_task_id_agency_id_unique: { code: ErrorCode.CONFLICT, message: 'This agency is already assigned to the task' },
  task_source_clause_id_foreign: { code: ErrorCode.CONFLICT, message: 'Tasks still point at this clause; delete or move them first' },
  report_task_or_document: { code: ErrorCode.BAD_USER_INPUT, message: 'A report answers a task or a document' },
  report_progress_range: { code: ErrorCode.BAD_USER_INPUT, message: 'progress must be between 0 and 100' },
  report_revision_unique: {
    code: ErrorCode.CONFLICT,
    message: "Someone filed this agency's report for this period at the same moment; reload it and work on the revision that won",
  },
  task_report_due_day_range: { code: ErrorCode.BAD_USER_INPUT, message: 'reportingDuty.dueDay must be between 1 and 31' },
  task_report_due_month_offset_range: { code: ErrorCode.BAD_USER_INPUT, message: 'reportingDuty.dueMonthOffset must be between 0 and 12' },
  task_reporting_window_order: { code: ErrorCode.BAD_USER_INPUT, message: 'reportingDuty.endsOn is before its startsOn' },
};

interface DatabaseError {
  name: string;
  /** SQLSTATE, e.g. 23505 */
  code?: string;
  constraint?: string;
}

// Matched by name and SQLSTATE, not instanceof: a test runner may load MikroORM's exception classes twice. Raw SQL
// (em.getConnection().execute) throws pg's own DatabaseError, with a severity beside its SQLSTATE.
function isDatabaseError(error: unknown): error is DatabaseError {
  if (!(error instanceof Error) || typeof (error as DatabaseError).code !== 'string') return false;
  return (
    /Exception$/.test(error.name) ||
    (typeof (error as { severity?: unknown }).severity === 'string' && /^[0-9A-Z]{5}$/.test((error as DatabaseError).code!))
  );
}

interface MappedError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** What a resolver threw, in the caller's terms; undefined when it was not expected (a bug or an outage). */
function mapExpected(error: unknown): MappedError | undefined {
  if (error instanceof DomainError) return { code: error.code, message: error.message, details: error.details };
  if (error instanceof Error && error.name === 'OptimisticLockError') {
    return {
      code: ErrorCode.CONFLICT,
      message: 'Someone else changed this record since you read it; reload it and apply your change again',
    };
  }
  if (!isDatabaseError(error)) return undefined;
  const { constraint } = error;
  const known = constraint ? CONSTRAINT_MESSAGES[constraint] : undefined;
  if (known) return { ...known, details: { constraint } };
  switch (error.code) {
    case '23505':
      return { code: ErrorCode.CONFLICT, message: 'A record with these values already exists', details: { constraint } };
    case '23001': // restrict_violation
    case '23503':
      return { code: ErrorCode.CONFLICT, message: 'The record refers to, or is referred to by, another record', details: { constraint } };
    case '23502':
    case '23514':
    case '22001':
      return { code: ErrorCode.BAD_USER_INPUT, message: 'A required value is missing or out of range', details: { constraint } };
    case '57014': // query_canceled: statement_timeout
      return {
        code: ErrorCode.TIMEOUT,
        message:
          'The database took too long over this request and cancelled it; ask for less (a narrower filter, a smaller page) or try again later',
      };
    default:
      return undefined;
  }
}

/** Apollo's formatError: expected errors pass with their code, unexpected ones lose their message outside development. */
export function formatError(exposeInternals: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Apollo and graphql-js may wrap the thrown error more than once.
    let original: unknown = error;
    while (original instanceof Error && original.name === 'GraphQLError' && (original as GraphQLError).originalError) {
      original = (original as GraphQLError).originalError;
    }
    const { stacktrace, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    const debug = exposeInternals && stacktrace ? { stacktrace } : {};
    // graphql-js, Apollo and type-graphql's validation already speak GraphQL and carry their own codes.
    if (original instanceof GraphQLError && extensions.code && extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return { ...formatted, extensions: { ...extensions, ...debug } };
    }
    const expected = mapExpected(original);
    if (expected) {
      return { ...formatted, message: expected.message, extensions: { ...expected.details, code: expected.code, ...debug } };
    }
    console.error('Unexpected error in a GraphQL request:', original);
    return {
      ...formatted,
      message: exposeInternals && original instanceof Error ? original.message : 'Internal server error',
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...debug },
    };
  };
}
