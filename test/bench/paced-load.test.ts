// drivePaced sends what it is asked to, at most `connections` at once, and reads each answer as autocannon's runs do.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { drivePaced } from '../../bench/load';

/** A server on a free loopback port, answering with `listener`, and its /graphql address. */
async function listen(listener: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('drivePaced', () => {
  let server: Server;
  let url: string;
  let inFlight = 0;
  let mostInFlight = 0;
  const bodies: string[] = [];
  beforeAll(async () => {
    ({ server, url } = await listen((request, response) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        bodies.push(body);
        // Every third request is slow, so that requests pile up behind it; every fifth answers a GraphQL error, every
        // seventh a 500.
        const n = (JSON.parse(body) as { n: number }).n;
        setTimeout(
          () => {
            inFlight -= 1;
            response.writeHead(n % 7 === 6 ? 500 : 200, { 'content-type': 'application/json', 'x-sql-statements': String(1 + (n % 2)) });
            response.end(n % 5 === 4 ? '{"errors":[{"message":"no"}]}' : '{"data":{}}');
          },
          n % 3 === 0 ? 30 : 1,
        );
      });
    }));
  });
  afterAll(() => close(server));

  it('sends rate × duration requests, each once, over at most the connections given, and counts what they answered', async () => {
    const result = await drivePaced({ url, connections: 3, overallRate: 200, durationSeconds: 0.35, headers: {}, body: (n) => ({ n }) });
    expect(result.requests).toBe(70);
    expect(bodies.map((body) => (JSON.parse(body) as { n: number }).n).sort((a, b) => a - b)).toEqual([...Array(70).keys()]);
    expect(mostInFlight).toBeLessThanOrEqual(3);
    expect(result.non2xx).toBe(10);
    expect(result.graphqlErrors).toBe(14);
    expect(result.errors).toBe(0);
    expect(result.sqlStatements).toMatchObject({ min: 1, max: 2 });
    expect(result.p50Ms).toBeLessThanOrEqual(result.p99Ms);
    expect(result.p99Ms).toBeLessThanOrEqual(result.maxMs);
  });
});

describe('drivePaced under a stalled server', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // The first request takes 300 ms, the others none: on one connection, every request due meanwhile waits for it.
    let answered = 0;
    ({ server, url } = await listen((request, response) => {
      request.resume();
      request.on('end', () => setTimeout(() => response.end('{"data":{}}'), answered++ === 0 ? 300 : 0));
    }));
  });
  afterAll(() => close(server));

  it('counts the wait for a free connection against the server (coordinated omission)', async () => {
    const result = await drivePaced({ url, connections: 1, overallRate: 100, durationSeconds: 0.3, headers: {}, body: (n) => ({ n }) });
    expect(result.requests).toBe(30);
    // Request n was due at 10n ms and answered just after 300 ms: the median waited about 150 ms, though the server
    // spent next to nothing on it once it had it.
    expect(result.p50Ms).toBeGreaterThan(100);
    expect(result.maxMs).toBeGreaterThanOrEqual(290);
  });
});
