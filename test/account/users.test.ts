// Administrators manage users: one role each, an agency for reporters only, at least one active admin; and the first start.
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../server/config';
import { Role } from '../../server/modules/account/actor';
import { createFirstAccounts, prepareAccounts } from '../../server/modules/account/bootstrap';
import { ANONYMOUS } from '../../server/modules/account/permissions';
import { createTestApp, type TestApp } from '../support/test-app';

const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id version username displayName role active agency { name } } }`;
const UPDATE = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { id version role active agency { name } } }`;
const LOGIN = `mutation($username: String!, $password: String!) { login(username: $username, password: $password) { username } }`;

let app: TestApp;
let sql: Client;
let police: string;

beforeAll(async () => {
  app = await createTestApp();
  sql = new Client({ connectionString: app.databaseUrl });
  await sql.connect();
  const { rows } = await sql.query(`select id from agency where name = 'Công an tỉnh Đắk Nông'`);
  police = Buffer.from(`Agency:${rows[0].id}`).toString('base64url');
});
afterAll(async () => {
  await sql?.end();
  await app?.stop();
});

describe('users', () => {
  it('createUser makes a user who can log in; the username is kept in lower case', async () => {
    const created = (
      await app.ok(CREATE, { input: { username: 'Nguyen.Van.A', displayName: 'Nguyễn Văn A', password: 'mật khẩu dài', role: 'AUDITOR' } })
    ).createUser;
    expect(created).toMatchObject({ username: 'nguyen.van.a', displayName: 'Nguyễn Văn A', role: 'AUDITOR', active: true, agency: null });
    expect((await app.as(ANONYMOUS).ok(LOGIN, { username: 'NGUYEN.VAN.A', password: 'mật khẩu dài' })).login.username).toBe('nguyen.van.a');
    const listed = await app.ok(`{ users(filter: { search: "nguyen van" }) { totalCount nodes { username } } }`);
    expect(listed.users.nodes).toEqual([{ username: 'nguyen.van.a' }]);
  });

  it('a REPORTER needs an agency; nobody else may have one; INTEGRATOR is for tokens', async () => {
    const refusal = async (input: Record<string, unknown>) =>
      (await app.gql(CREATE, { input: { password: 'long enough', ...input } })).errors?.[0];
    expect(await refusal({ username: 'no-agency', role: 'REPORTER' })).toMatchObject({
      message: 'A REPORTER belongs to one agency: give agencyId',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await refusal({ username: 'editor-with-agency', role: 'EDITOR', agencyId: police })).toMatchObject({
      message: 'Only a REPORTER belongs to an agency; leave agencyId out for EDITOR',
    });
    expect(await refusal({ username: 'integrator-user', role: 'INTEGRATOR' })).toMatchObject({
      message: expect.stringMatching(/createApiToken/),
    });
    expect((await refusal({ username: 'editor', role: 'EDITOR' }))?.extensions?.code).toBe('CONFLICT');
    expect((await refusal({ username: 'ab', role: 'EDITOR' }))?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await app.gql(CREATE, { input: { username: 'short', password: 'short', role: 'EDITOR' } })).errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    const reporter = (
      await app.ok(CREATE, { input: { username: 'ca-reporter', password: 'long enough', role: 'REPORTER', agencyId: police } })
    ).createUser;
    expect(reporter.agency).toEqual({ name: 'Công an tỉnh Đắk Nông' });
  });

  it('PostgreSQL itself refuses a reporter without an agency, and an agency for anyone else', async () => {
    const insert = (role: string, agency: string | null) =>
      sql.query(`insert into user_account (id, username, password_hash, role, agency_id) values (gen_random_uuid(), $1, 'x', $2, $3)`, [
        `direct-${role.toLowerCase()}`,
        role,
        agency,
      ]);
    const { rows } = await sql.query(`select id from agency limit 1`);
    await expect(insert('REPORTER', null)).rejects.toThrow(/user_account_agency_only_for_reporter/);
    await expect(insert('EDITOR', rows[0].id)).rejects.toThrow(/user_account_agency_only_for_reporter/);
    await expect(insert('INTEGRATOR', null)).rejects.toThrow(/user_account_role_check/);
  });

  it('updateUser changes the role; leaving REPORTER drops the agency; a stale version is a CONFLICT', async () => {
    const user = (await app.ok(CREATE, { input: { username: 'doi-vai-tro', password: 'long enough', role: 'REPORTER', agencyId: police } }))
      .createUser;
    const session = app.as({ username: 'doi-vai-tro' });
    expect(await session.errorCode(`{ users { totalCount } }`)).toBe('FORBIDDEN');
    const editor = (await app.ok(UPDATE, { input: { id: user.id, version: user.version, role: 'EDITOR' } })).updateUser;
    expect(editor).toMatchObject({ role: 'EDITOR', agency: null });
    // The new role holds from the next request, though the server remembers whose the session is (credential-cache.ts).
    expect((await session.ok(`{ users { totalCount } }`)).users.totalCount).toBeGreaterThan(0);
    expect(await app.errorCode(UPDATE, { input: { id: user.id, version: user.version, role: 'AUDITOR' } })).toBe('CONFLICT');
    const back = await app.gql(UPDATE, { input: { id: user.id, version: editor.version, role: 'REPORTER' } });
    expect(back.errors?.[0].message).toBe('A REPORTER belongs to one agency: give agencyId');
    const reporter = (await app.ok(UPDATE, { input: { id: user.id, version: editor.version, role: 'REPORTER', agencyId: police } }))
      .updateUser;
    expect(reporter).toMatchObject({ role: 'REPORTER', agency: { name: 'Công an tỉnh Đắk Nông' } });
  });

  it('the last active ADMIN can be neither demoted nor deactivated', async () => {
    const admin = (await app.ok(`{ users(filter: { role: [ADMIN] }) { nodes { id version } } }`)).users.nodes[0];
    for (const change of [{ role: 'EDITOR' }, { active: false }]) {
      const refused = await app.gql(UPDATE, { input: { id: admin.id, version: admin.version, ...change } });
      expect(refused.errors?.[0]).toMatchObject({ message: expect.stringMatching(/At least one active ADMIN must remain/) });
    }
    const second = (await app.ok(CREATE, { input: { username: 'admin2', password: 'long enough', role: 'ADMIN' } })).createUser;
    const demoted = (await app.ok(UPDATE, { input: { id: second.id, version: second.version, role: 'EDITOR' } })).updateUser;
    expect(demoted.role).toBe('EDITOR');
  });

  it('an editor and an auditor may read users, but not change them', async () => {
    for (const role of [Role.EDITOR, Role.AUDITOR]) {
      expect((await app.as(role).ok(`{ users { totalCount } }`)).users.totalCount).toBeGreaterThan(3);
      expect(await app.as(role).errorCode(CREATE, { input: { username: `by-${role}`, password: 'long enough', role: 'ADMIN' } })).toBe(
        'FORBIDDEN',
      );
    }
  });
});

describe('accounts in the audit trail', () => {
  it('records who created and changed a user or a token, with the password hash and the token hash masked', async () => {
    const user = (await app.ok(CREATE, { input: { username: 'audited-user', password: 'secret password', role: 'EDITOR' } })).createUser;
    await app.ok(UPDATE, { input: { id: user.id, version: user.version, password: 'another secret password' } });
    const token = await app.ok(`mutation { createApiToken(input: { name: "Audited token" }) { secret token { id } } }`);
    const events = await app.ok(
      `query($user: ID!, $token: ID!) {
        user: auditEvents(filter: { entityId: $user }) { nodes { action actor { kind name } changes { field before after } } }
        token: auditEvents(filter: { entityId: $token }) { nodes { action actor { name } changes { field before after } } }
      }`,
      { user: user.id, token: token.createApiToken.token.id },
    );
    expect(events.user.nodes.map((event: any) => event.action)).toEqual(['UPDATE', 'CREATE']);
    expect(events.user.nodes[1].actor).toEqual({ kind: 'USER', name: 'admin' });
    expect(events.token.nodes).toEqual([expect.objectContaining({ action: 'CREATE', actor: { name: 'admin' } })]);
    const text = JSON.stringify(events);
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain(token.createApiToken.secret);
    expect(text).not.toMatch(/[0-9a-f]{64}/);
  });
});

describe('the first start', () => {
  it('makes an administrator with a generated password when there are no users, and nothing once there are', async () => {
    await sql.query(`delete from api_token; delete from user_account`);
    const created = await createFirstAccounts(app.orm.em.fork(), { demo: false });
    expect(created?.admin.username).toBe('admin');
    expect(created?.admin.generated).toBe(true);
    expect(created?.admin.password).toMatch(/^[\w-]{20}$/);
    expect(created?.demoUsers).toEqual([]);
    expect((await sql.query(`select username, role from user_account`)).rows).toEqual([{ username: 'admin', role: 'ADMIN' }]);
    expect((await app.as(ANONYMOUS).ok(LOGIN, { username: 'admin', password: created!.admin.password })).login.username).toBe('admin');
    expect(await createFirstAccounts(app.orm.em.fork(), { demo: true })).toBeNull();
  });

  it('prints the generated password once; with ADMIN_PASSWORD it prints none; demo accounts only outside production', async () => {
    await sql.query(`delete from api_token; delete from user_account`);
    const config = { ...app.config, loadDemoData: true, production: false, adminPassword: undefined };
    const lines = await prepareAccounts(app.orm.em.fork(), config);
    expect(lines[0]).toMatch(/^Created the administrator account: username "admin", password "[\w-]{20}"\. It is shown this once/);
    expect(lines.slice(1)).toEqual([
      'Demo accounts (see README.md, "Accounts"):',
      '  editor / editor-demo  EDITOR',
      '  auditor / auditor-demo  AUDITOR',
      '  reporter / reporter-demo  REPORTER, Công an tỉnh Đắk Nông',
      '  API token for integrators: Authorization: Bearer integrator-demo  INTEGRATOR',
    ]);
    expect(await prepareAccounts(app.orm.em.fork(), config)).toEqual([]);

    await sql.query(`delete from api_token; delete from user_account`);
    const production = loadConfig({ ...app.config, loadDemoData: true, production: true, adminPassword: 'chosen by the operator' });
    expect(await prepareAccounts(app.orm.em.fork(), production)).toEqual([
      'Created the administrator account "admin" with the password from ADMIN_PASSWORD.',
    ]);
    expect((await sql.query(`select username from user_account`)).rows).toEqual([{ username: 'admin' }]);
    expect((await app.as(ANONYMOUS).ok(LOGIN, { username: 'admin', password: 'chosen by the operator' })).login.username).toBe('admin');
  });
});
