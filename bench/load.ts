// Drives one target: autocannon at fixed connections for throughput, and drivePaced at an evenly paced fixed rate
// (autocannon's own fixed rate comes in bursts; bench:gc --bursts still drives it, to compare).
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';

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
    sqlStatements: statementSummary(statements),
  };
}

/** The x-sql-statements of a run's answers: fewest, most, and the mean to two decimals. */
function statementSummary(statements: readonly number[]): LoadResult['sqlStatements'] {
  if (!statements.length) return undefined;
  const mean = statements.reduce((sum, value) => sum + value, 0) / statements.length;
  return { min: Math.min(...statements), max: Math.max(...statements), mean: Math.round(mean * 100) / 100 };
}

/** The value at quantile `q` (0 to 1) of `sorted`, ascending. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
}

/**
 * `rate` requests a second at evenly spaced moments over at most `connections` kept-alive connections. Each is timed
 * from the moment it is handed to the connection pool, which is when it was due or, when this process's timer fires
 * late (by a millisecond or more: Node's timers have that grain), a little after: a request that then waits for a free
 * connection, because the server is slow to answer the ones before, counts that wait against the server, as
 * coordinated omission requires; this process's own lateness does not. autocannon's `overallRate` instead lets each
 * connection send its share of the second back to back and then wait for the next second: bursts at full load.
 */
export async function drivePaced(options: LoadOptions & { overallRate: number }): Promise<LoadResult> {
  // A Node server (the registry, the floor, PostGraphile) closes a kept-alive connection after 5 s idle, and a request
  // sent on it as it closes fails (PostGraphile's W2 at S=10 had one such error in 689); closing it here after 4 s
  // idle avoids the race. At a slow rate most of the ten connections sit idle that long.
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections, timeout: 4000 });
  const target = new URL(options.url);
  const basePath = target.pathname.replace(/\/$/, '');
  const interval = 1000 / options.overallRate;
  const total = Math.round(options.overallRate * options.durationSeconds);
  const latencies: number[] = [];
  const statements: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let graphqlErrors = 0;
  const send = (n: number) =>
    new Promise<void>((resolve) => {
      const handedOver = performance.now();
      const body = JSON.stringify(options.body(n));
      const request = httpRequest(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: 'POST',
          path: `${basePath}${options.path?.(n) ?? ''}`,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...options.headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            latencies.push(performance.now() - handedOver);
            if ((response.statusCode ?? 0) >= 300) non2xx += 1;
            if (Buffer.concat(chunks).includes('"errors"')) graphqlErrors += 1;
            const count = response.headers['x-sql-statements'];
            if (count !== undefined) statements.push(Number(count));
            resolve();
          });
        },
      );
      request.on('error', () => {
        errors += 1;
        resolve();
      });
      request.end(body);
    });
  const start = performance.now();
  const answers: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const due = start + n * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    else if (n % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
    answers.push(send(n));
  }
  await Promise.all(answers);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(quantile(sorted, q) * 10) / 10;
  return {
    requestsPerSecond: latencies.length / ((performance.now() - start) / 1000),
    p50Ms: at(0.5),
    p90Ms: at(0.9),
    p99Ms: at(0.99),
    maxMs: at(1),
    requests: latencies.length,
    non2xx,
    errors,
    timeouts: 0,
    graphqlErrors,
    sqlStatements: statementSummary(statements),
  };
}
