// Signing in to the console: a session cookie, logout, the lock after repeated failures, and what ends a session.
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ANONYMOUS } from '../../server/modules/account/permissions';
import { createTestApp, type TestApp } from '../support/test-app';

const LOGIN = `mutation($username: String!, $password: String!) { login(username: $username, password: $password) { id username role } }`;
const ME = `{ me { username role agency { name } } }`;

interface LoginAnswer {
  status: number;
  body: any;
  /** The Set-Cookie header, whole. */
  setCookie: string | null;
  /** The Cookie header a browser would send back. */
  cookie: string | null;
}

async function login(app: TestApp, username: string, password: string): Promise<LoginAnswer> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { username, password } }),
  });
  const setCookie = response.headers.get('set-cookie');
  return { status: response.status, body: await response.json(), setCookie, cookie: setCookie ? setCookie.split(';')[0] : null };
}

describe('logging in and out', () => {
  let app: TestApp;
  let sql: Client;
  beforeAll(async () => {
    app = await createTestApp();
    sql = new Client({ connectionString: app.databaseUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  it('an anonymous caller is nobody: me is null, and the registry asks it to log in', async () => {
    const anonymous = app.as(ANONYMOUS);
    expect(await anonymous.ok(ME)).toEqual({ me: null });
    const response = await anonymous.gql(`{ documents { totalCount } }`);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0].message).toMatch(/log in \(mutation login\), or send an API token/);
  });

  it('login answers the user and sets an HttpOnly, SameSite=Lax session cookie for 8 hours; me names the user', async () => {
    const answer = await login(app, 'Reporter', 'reporter-demo');
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.login).toMatchObject({ username: 'reporter', role: 'REPORTER' });
    expect(answer.setCookie).toMatch(/^registry_session=[\w-]+\.[\w-]+\.[\w-]+; /);
    expect(answer.setCookie).toMatch(/; HttpOnly/);
    expect(answer.setCookie).toMatch(/; SameSite=Lax/);
    expect(answer.setCookie).toMatch(/; Path=\//);
    expect(answer.setCookie).toMatch(/; Max-Age=28800/);
    expect(answer.setCookie).not.toMatch(/Secure/);
    const me = await app.as({ cookie: answer.cookie! }).ok(ME);
    expect(me).toEqual({ me: { username: 'reporter', role: 'REPORTER', agency: { name: 'Công an tỉnh Đắk Nông' } } });
    const { rows } = await sql.query(`select last_login_at, failed_logins from user_account where username = 'reporter'`);
    expect(rows[0].last_login_at).not.toBeNull();
  });

  it('a wrong password and an unknown username get the same answer', async () => {
    const wrongPassword = await login(app, 'auditor', 'not-the-password');
    const unknownUser = await login(app, 'nobody-here', 'not-the-password');
    for (const answer of [wrongPassword, unknownUser]) {
      expect(answer.body.errors).toEqual([expect.objectContaining({ message: 'Wrong username or password' })]);
      expect(answer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(answer.setCookie).toBeNull();
    }
    await sql.query(`update user_account set failed_logins = 0 where username = 'auditor'`);
  });

  it('a forged or tampered session cookie counts for nobody', async () => {
    const answer = await login(app, 'auditor', 'auditor-demo');
    const [header, payload, signature] = answer.cookie!.split('=')[1].split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), gen: 0 })).toString(
      'base64url',
    );
    const tampered = `registry_session=${header}.${forgedPayload}.${signature.slice(0, -2)}xx`;
    expect(await app.as({ cookie: tampered }).ok(ME)).toEqual({ me: null });
    expect(await app.as({ cookie: 'registry_session=garbage' }).ok(ME)).toEqual({ me: null });
  });

  it('logout clears the cookie and ends the session: the old cookie no longer signs anyone in', async () => {
    const answer = await login(app, 'editor', 'editor-demo');
    const editor = app.as({ cookie: answer.cookie! });
    expect((await editor.ok(ME)).me.username).toBe('editor');
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: answer.cookie! },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(((await response.json()) as any).data).toEqual({ logout: true });
    expect(response.headers.get('set-cookie')).toMatch(/^registry_session=; .*Max-Age=0/);
    expect(await editor.ok(ME)).toEqual({ me: null });
    expect(await editor.errorCode(`{ tasks { totalCount } }`)).toBe('UNAUTHENTICATED');
    // Logging out without a session is harmless: a console whose session expired can still clear its cookie.
    expect(await app.as(ANONYMOUS).ok('mutation { logout }')).toEqual({ logout: true });
  });

  it('five failed logins lock the account for 5 minutes, even against the right password; then it opens again', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const answer = await login(app, 'auditor', `wrong-${attempt}`);
      expect(answer.body.errors[0].extensions.code, `attempt ${attempt}`).toBe('UNAUTHENTICATED');
    }
    const locked = await login(app, 'auditor', 'auditor-demo');
    expect(locked.body.errors[0].extensions.code).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.body.errors[0].message).toMatch(/locked; try again in \d+ seconds/);
    expect(locked.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(290);
    expect(locked.body.errors[0].extensions.retryAfterSeconds).toBeLessThanOrEqual(300);
    expect(locked.setCookie).toBeNull();
    const { rows } = await sql.query(`select locked_until - now() as remaining from user_account where username = 'auditor'`);
    expect(rows[0].remaining.minutes ?? 0).toBeGreaterThanOrEqual(4);

    // Five minutes later:
    await sql.query(`update user_account set locked_until = now() - interval '1 second' where username = 'auditor'`);
    const again = await login(app, 'auditor', 'auditor-demo');
    expect(again.body.data.login.username).toBe('auditor');
    const after = await sql.query(`select failed_logins, locked_until from user_account where username = 'auditor'`);
    expect(after.rows[0]).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('failures racing in parallel still lock the account', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, index) => login(app, 'editor', `parallel-${index}`)));
    const { rows } = await sql.query(`select locked_until from user_account where username = 'editor'`);
    expect(rows[0].locked_until).not.toBeNull();
    await sql.query(`update user_account set locked_until = null, failed_logins = 0 where username = 'editor'`);
  });

  it('a deactivated user is signed out at once and cannot log in; reactivated, it can', async () => {
    const answer = await login(app, 'reporter', 'reporter-demo');
    const reporter = app.as({ cookie: answer.cookie! });
    expect((await reporter.ok(ME)).me.username).toBe('reporter');
    const user = (await app.ok(`{ users(filter: { search: "reporter" }) { nodes { id version } } }`)).users.nodes[0];
    const deactivated = await app.ok(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { active version } }`, {
      input: { id: user.id, version: user.version, active: false },
    });
    expect(deactivated.updateUser.active).toBe(false);
    expect(await reporter.ok(ME)).toEqual({ me: null });
    const refused = await login(app, 'reporter', 'reporter-demo');
    expect(refused.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/deactivated/),
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await app.ok(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { active } }`, {
      input: { id: user.id, version: deactivated.updateUser.version, active: true },
    });
    expect((await login(app, 'reporter', 'reporter-demo')).body.data.login.username).toBe('reporter');
  });

  it('a password reset ends the sessions and lifts a lock; the old password stops working', async () => {
    const before = await login(app, 'editor', 'editor-demo');
    expect((await app.as({ cookie: before.cookie! }).ok(ME)).me.username).toBe('editor');
    await sql.query(`update user_account set locked_until = now() + interval '5 minutes' where username = 'editor'`);
    const user = (await app.ok(`{ users(filter: { role: [EDITOR] }) { nodes { id version } } }`)).users.nodes[0];
    await app.ok(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }`, {
      input: { id: user.id, version: user.version, password: 'a brand new password' },
    });
    expect(await app.as({ cookie: before.cookie! }).ok(ME)).toEqual({ me: null });
    expect((await login(app, 'editor', 'editor-demo')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await login(app, 'editor', 'a brand new password')).body.data.login.username).toBe('editor');
  });

  it('stores only argon2id hashes', async () => {
    const { rows } = await sql.query(`select username, password_hash from user_account`);
    for (const row of rows) expect(row.password_hash, row.username).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const schema = await app.ok(`{ __type(name: "User") { fields { name } } }`);
    expect(schema.__type.fields.map((field: { name: string }) => field.name)).not.toContain('passwordHash');
  });
});

describe('in production', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ production: true });
  });
  afterAll(async () => app?.stop());

  it('the session cookie is Secure and host-only (__Host- prefix)', async () => {
    const answer = await login(app, 'auditor', 'auditor-demo');
    expect(answer.setCookie).toMatch(/^__Host-registry_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=28800; Secure$/);
    expect((await app.as({ cookie: answer.cookie! }).ok(ME)).me.username).toBe('auditor');
    // A cookie without the prefix is not the session.
    expect(await app.as({ cookie: answer.cookie!.replace('__Host-', '') }).ok(ME)).toEqual({ me: null });
  });
});
