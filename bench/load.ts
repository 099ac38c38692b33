// Drives one target with autocannon: fixed connections for throughput, then a fixed rate for an honest p99.
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Answers whose JSON carried `errors` (a GraphQL error with status 200 still counts against the run). */
  graphqlErrors: number;
  /** x-sql-statements of every answer, for the registry. */
  sqlStatements?: { min: number; max: number; mean: number };
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Requests a second from all connections together; none: as fast as the target answers. */
  overallRate?: number;
  headers: Record<string, string>;
  /** The JSON body of the n-th request. */
  body(n: number): unknown;
  /** A path to add to url for the n-th request (the floor routes by path). */
  path?(n: number): string;
}

export async function drive(options: LoadOptions): Promise<LoadResult> {
  let sent = 0;
  let graphqlErrors = 0;
  const statements: number[] = [];

  const basePath = new URL(options.url).pathname.replace(/\/$/, '');
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    overallRate: options.overallRate,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        setupRequest: (request) => {
          const n = sent++;
          return { ...request, path: `${basePath}${options.path?.(n) ?? ''}`, body: JSON.stringify(options.body(n)) };
        },
        onResponse: (_status, body, _context, headers) => {
          if (body.includes('"errors"')) graphqlErrors += 1;
          const count = headers?.['x-sql-statements'];
          if (count !== undefined) statements.push(Number(count));
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors,
    sqlStatements: statements.length
      ? {
          min: Math.min(...statements),
          max: Math.max(...statements),
          mean: Math.round((statements.reduce((sum, value) => sum + value, 0) / statements.length) * 100) / 100,
        }
      : undefined,
  };
}
