// The one HTTP endpoint: /graphql for the API, /healthz for load balancers, the console's files at /.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { ApolloServer, HeaderMap } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';

import type { Config } from '../config';
import { withStatementCount } from '../database/sql-statement-counter';
import { type Context, createContext } from '../graphql/context';
import { UnauthenticatedError } from '../modules/account/account.errors';
import { type Actor, runAs } from '../modules/account/actor';
import { authenticate } from '../modules/account/authenticate';
import { handleConsole } from './console';
import { setSecurityHeaders } from './hardening';
import { createRateLimiter } from './rate-limit';

class PayloadTooLargeError extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new PayloadTooLargeError());
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new PayloadTooLargeError());
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function graphQLErrorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

async function handleGraphQL(
  request: IncomingMessage,
  response: ServerResponse,
  apollo: ApolloServer<Context>,
  orm: MikroORM,
  config: Config,
  url: URL,
): Promise<void> {
  let body: unknown;
  if (request.method === 'POST') {
    let raw: string;
    try {
      raw = await readBody(request, config.maxBodyBytes);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        sendJson(response, 413, graphQLErrorBody(`The request body is larger than ${config.maxBodyBytes} bytes`, 'PAYLOAD_TOO_LARGE'));
        return;
      }
      throw error;
    }
    const contentType = request.headers['content-type'] ?? '';
    if (contentType.includes('application/json') && raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        sendJson(response, 400, graphQLErrorBody('The request body is not valid JSON', 'BAD_REQUEST'));
        return;
      }
    } else {
      body = raw;
    }
  }
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  // Who is asking is settled before Apollo executes anything, and the whole execution runs as that actor.
  let actor: Actor | null;
  let authenticationStatements: number;
  try {
    ({ result: actor, statements: authenticationStatements } = await withStatementCount(() => authenticate(request, orm, config)));
  } catch (error) {
    if (!(error instanceof UnauthenticatedError)) throw error;
    response.setHeader('www-authenticate', 'Bearer error="invalid_token"');
    sendJson(response, 401, graphQLErrorBody(error.message, error.code));
    return;
  }
  const cookies: string[] = [];
  const { result, statements } = await runAs(actor, () =>
    withStatementCount(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
        context: async () => createContext(orm, config, cookies),
      }),
    ),
  );
  for (const [name, value] of result.headers) response.setHeader(name, value);
  if (cookies.length) response.setHeader('set-cookie', cookies);
  if (config.exposeSqlStatementCount) response.setHeader('x-sql-statements', String(authenticationStatements + statements));
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

async function handleHealth(response: ServerResponse, orm: MikroORM): Promise<void> {
  try {
    await orm.em.getConnection().execute('select 1');
    sendJson(response, 200, { status: 'ok' });
  } catch {
    sendJson(response, 503, { status: 'database unavailable' });
  }
}

export function createHttpServer(apollo: ApolloServer<Context>, orm: MikroORM, config: Config): Server {
  const rateLimit = createRateLimiter(config);
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://registry.local');
    setSecurityHeaders(request, response, url, config);
    if (url.pathname === '/graphql' && !rateLimit(request, response)) return;
    const route =
      url.pathname === '/graphql'
        ? handleGraphQL(request, response, apollo, orm, config, url)
        : url.pathname === '/healthz'
          ? handleHealth(response, orm)
          : request.method === 'GET' || request.method === 'HEAD'
            ? handleConsole(response, config, url.pathname, request.method === 'HEAD')
            : Promise.resolve(sendJson(response, 404, { error: 'not found' }));
    route.catch((error: unknown) => {
      console.error('Request failed:', error);
      if (!response.headersSent) sendJson(response, 500, graphQLErrorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
      else response.end();
    });
  });
}
