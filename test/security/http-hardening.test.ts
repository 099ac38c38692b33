// The HTTP surface against hostile browsers and clients: headers, CSRF, rate limits, introspection and suggestions in
// production, and a stored script that comes back as data.
import { ApolloServer } from '@apollo/server';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../server/config';
import { queryLimits } from '../../server/graphql/armor';
import type { Context } from '../../server/graphql/context';
import { registrySchema } from '../../server/graphql/schema';
import { API_CSP, CONSOLE_CSP, HSTS } from '../../server/http/hardening';
import { TokenBuckets } from '../../server/http/rate-limit';
import { type Actor, Role, runAs, SYSTEM_ACTOR } from '../../server/modules/account/actor';
import { createTestApp, type TestApp } from '../support/test-app';

const INTROSPECTION = '{ __schema { queryType { name } } }';

function post(app: TestApp, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('in production', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ production: true });
  });
  afterAll(async () => app?.stop());

  it('sends the security headers on the console, and a CSP that allows no inline script', async () => {
    const response = await fetch(`${app.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    const scripts = /(?:^|; )script-src ([^;]*)/.exec(CONSOLE_CSP)![1];
    expect(scripts).toBe("'self'");
    expect(CONSOLE_CSP).toMatch(/default-src 'self'/);
    expect(CONSOLE_CSP).toMatch(/frame-ancestors 'none'/);
    // Plain HTTP: no HSTS, which would lock browsers out of a server that has no HTTPS.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends the strictest CSP and the same headers on the API, whatever the answer', async () => {
    for (const response of [
      await post(app, { query: '{ __typename }' }),
      await fetch(`${app.url}/healthz`),
      await post(app, { query: '{' }),
    ]) {
      expect(response.headers.get('content-security-policy')).toBe(API_CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('shows no landing page to a browser on /graphql', async () => {
    const response = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type')).not.toMatch(/html/);
    expect(response.headers.get('content-security-policy')).toBe(API_CSP);
  });

  it('refuses introspection to an anonymous caller, and leaves __typename alone', async () => {
    for (const query of [
      INTROSPECTION,
      '{ __type(name: "Document") { fields { name } } }',
      '{ ...schema } fragment schema on Query { __schema { types { name } } }',
    ]) {
      const response = await post(app, { query });
      const body = (await response.json()) as any;
      expect(response.status, query).toBe(401);
      expect(body.data, query).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body.errors[0].message).toMatch(/introspection .* signed-in users and API tokens only/i);
    }
    expect(await (await post(app, { query: '{ __typename }' })).json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers introspection to a signed-in user and to an API token', async () => {
    for (const headers of [
      { cookie: await app.sessionCookie(app.accounts.usernames.REPORTER) } as Record<string, string>,
      { authorization: `Bearer ${app.accounts.integratorToken}` },
    ]) {
      const response = await post(app, { query: INTROSPECTION }, headers);
      expect(await response.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    }
  });

  it('says no "Did you mean" in errors, in queries or in variables', async () => {
    const field = (await (await post(app, { query: '{ documnts { totalCount } }' })).json()) as any;
    expect(field.errors[0].message).toBe('Cannot query field "documnts" on type "Query".');
    const value = (await (
      await post(app, {
        query: 'query($kind: [DocumentKind!]) { documents(filter: { kind: $kind }) { totalCount } }',
        variables: { kind: ['PLAM'] },
      })
    ).json()) as any;
    expect(value.errors[0].message).toMatch(/Value "PLAM" does not exist in "DocumentKind" enum\.$/);
    expect(JSON.stringify([field, value])).not.toMatch(/did you mean|documents|PLAN/i);
  });

  it('sends HSTS only when a trusted proxy says the request came over HTTPS', async () => {
    const behindProxy = await createTestApp({ production: true, trustProxy: true });
    try {
      const https = await fetch(`${behindProxy.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(https.headers.get('strict-transport-security')).toBe(HSTS);
      const http = await fetch(`${behindProxy.url}/`, { headers: { 'x-forwarded-proto': 'http' } });
      expect(http.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await behindProxy.stop();
    }
    // Not trusted: anyone could send the header.
    const claimed = await fetch(`${app.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(claimed.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('introspection in production, by actor', () => {
  // Apollo runs the operation in the caller's async context, so runAs sets the actor the guard sees.
  const config = loadConfig({ production: true });
  let apollo: ApolloServer<Context>;
  beforeAll(async () => {
    const limits = queryLimits(config);
    apollo = new ApolloServer<Context>({ schema: await registrySchema(), introspection: true, ...limits });
    await apollo.start();
  });
  afterAll(async () => apollo?.stop());

  const introspect = async (actor: Actor | null) => {
    const response = await runAs(actor, () => apollo.executeOperation({ query: INTROSPECTION }, { contextValue: {} as Context }));
    return response.body.kind === 'single' ? response.body.singleResult : undefined;
  };
  const user: Actor = { kind: 'USER', id: 'u', name: 'ana', role: Role.AUDITOR, agencyId: null };
  const token: Actor = { kind: 'TOKEN', id: 't', name: 'integrator', role: Role.INTEGRATOR, agencyId: null };

  it('answers a signed-in user and an API token', async () => {
    expect((await introspect(user))?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await introspect(token))?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('refuses an anonymous request, and one no authentication ran for', async () => {
    expect((await introspect(null))?.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await introspect(SYSTEM_ACTOR))?.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('in development and tests', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.stop());

  it('answers introspection and suggests field names', async () => {
    expect(await (await post(app, { query: INTROSPECTION })).json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const body = (await (await post(app, { query: '{ documnts { totalCount } }' })).json()) as any;
    expect(body.errors[0].message).toMatch(/^Cannot query field "documnts" on type "Query"\. Did you mean "documents?" or "documents?"\?$/);
  });

  it("serves Apollo's landing page to a browser, without the API's CSP that would block it", async () => {
    const response = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('CSRF prevention', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ production: true });
  });
  afterAll(async () => app?.stop());

  const refused = async (response: Response) => {
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].message).toMatch(/blocked as a potential Cross-Site Request Forgery/);
  };

  it('refuses what a form or a plain link could send: a GET, a text/plain, form or multipart POST', async () => {
    await refused(await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ __typename }')}`));
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      await refused(
        await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': contentType },
          body: JSON.stringify({ query: '{ __typename }' }),
        }),
      );
    }
    await refused(await fetch(`${app.url}/graphql`, { method: 'POST', body: new Blob([JSON.stringify({ query: '{ __typename }' })]) }));
  });

  it('answers a GET that says it is not a form (apollo-require-preflight), and a JSON POST', async () => {
    const get = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await post(app, { query: '{ __typename }' })).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a caller has spent its budget, other callers unaffected', async () => {
    const app = await createTestApp({ rateLimitPerMinute: 5, rateLimitPerIpPerMinute: 0 });
    try {
      for (let i = 0; i < 5; i++) expect((await post(app, { query: '{ __typename }' })).status).toBe(200);
      const limited = await post(app, { query: '{ __typename }' });
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(12);
      const body = (await limited.json()) as any;
      expect(body.errors[0]).toEqual({
        message: expect.stringMatching(
          new RegExp(`^Too many requests: at most 5 a minute\\. Try again in ${retryAfter} s \\(at \\d{4}-.*Z\\)\\.$`),
        ),
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
      });
      expect(limited.headers.get('x-content-type-options')).toBe('nosniff');
      // Another credential from the same address is another caller; the health check is not limited.
      const other = await post(app, { query: '{ __typename }' }, { cookie: 'registry_session=someone-else' });
      expect(other.status).toBe(200);
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });

  it('limits one address whatever credentials it makes up', async () => {
    const app = await createTestApp({ rateLimitPerMinute: 100, rateLimitPerIpPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await post(app, { query: '{ __typename }' }, { cookie: `registry_session=made-up-${i}` })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await app.stop();
    }
  });

  it('refills a bucket at its rate per minute, and forgets full buckets', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, () => now, 2);
    for (let i = 0; i < 60; i++) expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(1000);
    now += 500;
    expect(buckets.take('a')).toBe(500);
    now += 500;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('b')).toBe(0);
    now += 120_000;
    buckets.take('c');
    expect(buckets.size).toBe(1);
  });
});

describe('a stored script', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ production: true });
  });
  afterAll(async () => app?.stop());

  it('comes back from the API as the same text, in JSON that no browser renders, and the console may not run it', async () => {
    const script = `<script>alert(1)</script><img src=x onerror="alert(2)">`;
    const sql = new Client({ connectionString: app.databaseUrl });
    await sql.connect();
    try {
      await sql.query(`update clause set text = $1 where path = 'II.3.3'`, [script]);
    } finally {
      await sql.end();
    }
    const response = await post(
      app,
      { query: `{ document(symbol: "19/KH-UBND") { clause(path: "II.3.3") { text } } }` },
      { cookie: await app.sessionCookie(app.accounts.usernames.AUDITOR) },
    );
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const raw = await response.text();
    expect(raw).toContain(JSON.stringify(script));
    expect(JSON.parse(raw).data.document.clause.text).toBe(script);
    // Were it ever put into the console's page, its CSP allows no inline script and no inline event handler.
    const page = await fetch(`${app.url}/`);
    expect(page.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(CONSOLE_CSP).toMatch(/(^|; )script-src 'self'(;|$)/);
  });
});
