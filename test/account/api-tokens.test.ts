// Integrators' API tokens: shown once, stored as a hash, read-only, last use recorded, refused once revoked or expired,
// remembered by the server for a few seconds.
import { createHash } from 'node:crypto';

import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { credentialCacheOf } from '../../server/modules/account/credential-cache';
import { createTestApp, type TestApp } from '../support/test-app';

const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name role status expiresAt lastUsedAt createdBy { username } } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiToken(id: $id) { id status revokedAt } }`;

let app: TestApp;
let sql: Client;

async function bearer(secret: string | null, query = '{ documents(filter: { referenced: false }) { totalCount } }', scheme = 'Bearer') {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret !== null ? { authorization: `${scheme} ${secret}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    wwwAuthenticate: response.headers.get('www-authenticate'),
    sqlStatements: Number(response.headers.get('x-sql-statements')),
    body: (await response.json()) as any,
  };
}

async function newToken(name: string, expiresAt?: string) {
  return (await app.ok(CREATE, { input: { name, expiresAt } })).createApiToken;
}

beforeAll(async () => {
  app = await createTestApp();
  sql = new Client({ connectionString: app.databaseUrl });
  await sql.connect();
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await sql?.end();
  await app?.stop();
});

describe('API tokens', () => {
  it('createApiToken answers the secret once; only its SHA-256 is stored, and no field reads it back', async () => {
    const created = await newToken('Cổng dịch vụ công tỉnh');
    expect(created.secret).toMatch(/^drt_[\w-]{43}$/);
    expect(created.token).toMatchObject({ name: 'Cổng dịch vụ công tỉnh', role: 'INTEGRATOR', status: 'ACTIVE', expiresAt: null });
    expect(created.token.createdBy).toEqual({ username: 'admin' });
    const { rows } = await sql.query(`select * from api_token where name = 'Cổng dịch vụ công tỉnh'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].secret_hash).toBe(createHash('sha256').update(created.secret).digest('hex'));
    expect(JSON.stringify(rows[0])).not.toContain(created.secret);
    const listed = await app.ok(`{ apiTokens(filter: { status: [ACTIVE] }) { totalCount nodes { name status } } }`);
    expect(listed.apiTokens.nodes).toContainEqual({ name: 'Cổng dịch vụ công tỉnh', status: 'ACTIVE' });
    const fields = (await app.ok(`{ __type(name: "ApiToken") { fields { name } } }`)).__type.fields.map((field: any) => field.name);
    expect(fields).not.toContain('secret');
    expect(fields).not.toContain('secretHash');
  });

  it('a valid token reads as an INTEGRATOR: reads pass, writes and accounts are refused, me is null', async () => {
    const { secret } = await newToken('Hệ thống báo cáo');
    expect((await bearer(secret)).body.data.documents.totalCount).toBeGreaterThan(0);
    expect((await bearer(secret, '{ me { username } }')).body.data).toEqual({ me: null });
    const write = await bearer(secret, 'mutation { createAgency(input: { name: "Sở mới", kind: OTHER, level: PROVINCE }) { id } }');
    expect(write.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await bearer(secret, '{ users { totalCount } }')).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await bearer(secret, '{ apiTokens { totalCount } }')).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('records the last use, at most once a minute', async () => {
    const { secret, token } = await newToken('Kho dữ liệu');
    expect(token.lastUsedAt).toBeNull();
    await bearer(secret);
    const first = (await sql.query(`select last_used_at from api_token where name = 'Kho dữ liệu'`)).rows[0].last_used_at as Date;
    expect(Date.now() - first.getTime()).toBeLessThan(10_000);
    await bearer(secret);
    const second = (await sql.query(`select last_used_at from api_token where name = 'Kho dữ liệu'`)).rows[0].last_used_at as Date;
    expect(second.getTime()).toBe(first.getTime());
    // A minute later (and past the time the server remembers the token) the next use is recorded again.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + Math.max(61_000, app.config.credentialCacheMs) });
    await bearer(secret);
    const third = (await sql.query(`select last_used_at from api_token where name = 'Kho dữ liệu'`)).rows[0].last_used_at as Date;
    expect(third.getTime() - first.getTime()).toBeGreaterThanOrEqual(61_000);
  });

  it('a revoked token is refused with 401 and says so; revoking twice keeps the first time', async () => {
    const { secret, token } = await newToken('Ứng dụng cũ');
    expect((await bearer(secret)).status).toBe(200);
    const revoked = (await app.ok(REVOKE, { id: token.id })).revokeApiToken;
    expect(revoked.status).toBe('REVOKED');
    const refused = await bearer(secret);
    expect(refused.status).toBe(401);
    expect(refused.wwwAuthenticate).toBe('Bearer error="invalid_token"');
    expect(refused.body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(refused.body.errors[0].message).toMatch(
      /^This API token was revoked on \d{4}-\d\d-\d\dT.*; ask an administrator for a new one$/,
    );
    expect((await app.ok(REVOKE, { id: token.id })).revokeApiToken.revokedAt).toBe(revoked.revokedAt);
    // The credential cache forgot at each commit, and waits on no transaction (the first accounts' nested one included).
    expect(credentialCacheOf(app.orm.em).awaitedTransactions).toBe(0);
    const listed = await app.ok(`{ apiTokens(filter: { status: [REVOKED] }) { nodes { name } } }`);
    expect(listed.apiTokens.nodes).toEqual([{ name: 'Ứng dụng cũ' }]);
  });

  it('an expired token is refused with 401 and says so, from the first request after its time', async () => {
    const { secret } = await newToken('Thử nghiệm', new Date(Date.now() + 3_600_000).toISOString());
    expect((await bearer(secret)).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_601_000 });
    const refused = await bearer(secret);
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(refused.body.errors[0].message).toMatch(/^This API token expired on /);
    const listed = await app.ok(`{ apiTokens(filter: { status: [EXPIRED] }) { nodes { name status } } }`);
    expect(listed.apiTokens.nodes).toEqual([{ name: 'Thử nghiệm', status: 'EXPIRED' }]);
  });

  it('is remembered for a while: later requests read nothing to authenticate, a revocation by hand counts once that passes', async () => {
    const { secret } = await newToken('Bộ nhớ đệm');
    // The first request reads the token and records its first use; the next ones in the minute send nothing for it.
    expect((await bearer(secret, '{ __typename }')).sqlStatements).toBe(2);
    expect((await bearer(secret, '{ __typename }')).sqlStatements).toBe(0);
    // Another instance of the server, or a hand in the database, is heard only when the remembered token lapses.
    await sql.query(`update api_token set revoked_at = now() where name = 'Bộ nhớ đệm'`);
    expect((await bearer(secret, '{ __typename }')).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + app.config.credentialCacheMs });
    expect((await bearer(secret, '{ __typename }')).status).toBe(401);
  });

  it('an unknown token, or an Authorization header that is not Bearer, is refused with 401', async () => {
    const unknown = await bearer('drt_not-a-token-anyone-was-given');
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors[0].message).toMatch(/not valid/);
    const basic = await bearer('YWRtaW46YWRtaW4=', undefined, 'Basic');
    expect(basic.status).toBe(401);
    expect(basic.body.errors[0].message).toBe('The Authorization header must read "Bearer <API token>"');
  });

  it('refuses a token that expires in the past, and a blank name', async () => {
    const past = await app.gql(CREATE, { input: { name: 'x', expiresAt: '2020-01-01T00:00:00Z' } });
    expect(past.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/expiresAt is in the past/),
    });
    expect(await app.errorCode(CREATE, { input: { name: '' } })).toBe('BAD_USER_INPUT');
  });
});
