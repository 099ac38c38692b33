// The HTTP surface: health, body limits, and errors that never leak internals in production.
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type TestApp } from '../support/test-app';

describe('in production', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ production: true, maxBodyBytes: 1024 * 1024 });
  });
  afterAll(async () => app?.stop());

  it('answers /healthz with 200 while the database answers', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses a body over the limit with 413 and a GraphQL error', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ documents { totalCount } }`, padding: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers malformed JSON with 400', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
  });

  it('masks an unexpected database error: no SQL, no table name, no stack', async () => {
    const sql = new Client({ connectionString: app.databaseUrl });
    await sql.connect();
    // cascade: SQL functions take report rows as their argument type.
    await sql.query('drop table report cascade');
    await sql.end();
    const response = await app.gql(`{ reports { totalCount } }`);
    expect(response.errors).toEqual([
      { message: 'Internal server error', locations: expect.any(Array), path: ['reports'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(JSON.stringify(response)).not.toMatch(/report"|select|stack/i);
  });

  it('keeps expected errors readable, with their code', async () => {
    const response = await app.gql(`{ tasks(first: 1000) { totalCount } }`);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.errors)).toContain('first can be at most 100');
  });
});

describe('when the database stops answering', () => {
  it('/healthz says 503', async () => {
    const app = await createTestApp();
    try {
      await app.orm.close(true);
      const response = await fetch(`${app.url}/healthz`);
      expect(response.status).toBe(503);
    } finally {
      await app.orm.connect();
      await app.stop();
    }
  });
});
