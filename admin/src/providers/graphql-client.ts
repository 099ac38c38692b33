// The one road to the registry: POST /graphql with the session cookie, errors turned into what react-admin expects.
import { HttpError } from 'react-admin';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** An error the API answered, with its stable code; react-admin shows `message`, a translation key when we know one. */
export class RegistryError extends HttpError {
  constructor(
    message: string,
    status: number,
    readonly code: string | undefined,
    readonly errors: GraphQLErrorBody[],
  ) {
    super(message, status, { errors });
  }
}

/** Codes with a message of our own; the API's message (English, for integrators) is shown for the rest. */
const TRANSLATED_CODES: Record<string, string> = {
  CONFLICT: 'app.error.conflict',
  UNAUTHENTICATED: 'ra.auth.auth_check_error',
  FORBIDDEN: 'app.error.forbidden',
  TOO_MANY_ATTEMPTS: 'app.error.too_many_attempts',
  RATE_LIMITED: 'app.error.rate_limited',
};

const STATUS_OF_CODE: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/** CONFLICT on a delete means "still in use", not "changed by someone": the API's message says by what. */
function messageFor(code: string | undefined, message: string, operation: string): string {
  if (code === 'CONFLICT' && /\bdelete|already registered/i.test(`${operation} ${message}`)) return message;
  return (code && TRANSLATED_CODES[code]) || message;
}

export async function graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new RegistryError('ra.notification.http_error', 0, undefined, []);
  }
  let body: { data?: T; errors?: GraphQLErrorBody[] };
  try {
    body = await response.json();
  } catch {
    throw new RegistryError('ra.notification.http_error', response.status, undefined, []);
  }
  if (body.errors?.length) {
    const [first] = body.errors;
    const code = first.extensions?.code;
    const status = (code && STATUS_OF_CODE[code]) || (response.status >= 400 ? response.status : 400);
    throw new RegistryError(messageFor(code, first.message, query), status, code, body.errors);
  }
  return body.data as T;
}
