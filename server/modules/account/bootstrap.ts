// First start: with no users yet, an administrator (and, with the demo data, one account per role) so someone can log in.
import type { EntityManager } from '@mikro-orm/postgresql';

import type { Config } from '../../config';
import { Agency } from '../agency/agency.entity';
import { ApiToken, User } from './account.entity';
import { ApiTokenService } from './account.service';
import { Role } from './actor';
import { generatePassword, hashPassword } from './secrets';
import { prepareSessionKey } from './session';

export const ADMIN_USERNAME = 'admin';

/** The demo's accounts, documented in README.md: known passwords, so never made in production. */
export const DEMO_USERS = [
  { username: 'editor', password: 'editor-demo', role: Role.EDITOR, displayName: 'Biên tập viên (demo)' },
  { username: 'auditor', password: 'auditor-demo', role: Role.AUDITOR, displayName: 'Kiểm tra viên (demo)' },
  {
    username: 'reporter',
    password: 'reporter-demo',
    role: Role.REPORTER,
    displayName: 'Cán bộ báo cáo, Công an tỉnh (demo)',
    agencyName: 'Công an tỉnh Đắk Nông',
  },
] as const;

export const DEMO_TOKEN = { name: 'Demo integrator', secret: 'integrator-demo' } as const;

export interface FirstAccounts {
  admin: { username: string; password: string; generated: boolean };
  demoUsers: { username: string; password: string; role: Role; agencyName?: string }[];
  demoToken?: { name: string; secret: string };
}

/** Creates the first accounts when there are no users; null when there already are. */
export async function createFirstAccounts(
  em: EntityManager,
  options: { adminPassword?: string; demo: boolean },
): Promise<FirstAccounts | null> {
  if ((await em.count(User, {})) > 0) return null;
  const admin = { username: ADMIN_USERNAME, password: options.adminPassword ?? generatePassword(), generated: !options.adminPassword };
  const demoUsers: FirstAccounts['demoUsers'] = [];
  let demoToken: FirstAccounts['demoToken'];
  await em.transactional(async (tx) => {
    const firstUser = { active: true, failedLogins: 0, sessionGeneration: 0 };
    tx.create(User, {
      ...firstUser,
      username: admin.username,
      displayName: 'Quản trị viên',
      passwordHash: await hashPassword(admin.password),
      role: Role.ADMIN,
    });
    if (!options.demo) return;
    for (const demo of DEMO_USERS) {
      const agency = 'agencyName' in demo ? await tx.findOne(Agency, { name: demo.agencyName }) : null;
      // Without the demo documents there is no agency for the reporter; the other demo accounts are still made.
      if ('agencyName' in demo && !agency) continue;
      tx.create(User, {
        ...firstUser,
        username: demo.username,
        displayName: demo.displayName,
        passwordHash: await hashPassword(demo.password),
        role: demo.role,
        agency,
      });
      demoUsers.push({ username: demo.username, password: demo.password, role: demo.role, agencyName: agency?.name });
    }
    if ((await tx.count(ApiToken, {})) === 0) {
      await new ApiTokenService(tx).create({ name: DEMO_TOKEN.name }, null, DEMO_TOKEN.secret);
      demoToken = { ...DEMO_TOKEN };
    }
  });
  return { admin, demoUsers, demoToken };
}

/**
 * npm start: the first accounts, and the lines that tell about them, each printed once. Demo accounts come with the
 * demo data, outside production: their passwords are in the README for anyone to read.
 */
export async function prepareAccounts(em: EntityManager, config: Config): Promise<string[]> {
  await prepareSessionKey(config);
  const created = await createFirstAccounts(em, { adminPassword: config.adminPassword, demo: config.loadDemoData && !config.production });
  if (!created) return [];
  const { admin, demoUsers, demoToken } = created;
  const lines = [
    admin.generated
      ? `Created the administrator account: username "${admin.username}", password "${admin.password}". ` +
        'It is shown this once: keep it, or change it (updateUser). ADMIN_PASSWORD chooses it on a first start.'
      : `Created the administrator account "${admin.username}" with the password from ADMIN_PASSWORD.`,
  ];
  if (demoUsers.length || demoToken) {
    lines.push('Demo accounts (see README.md, "Accounts"):');
    for (const user of demoUsers) {
      lines.push(`  ${user.username} / ${user.password}  ${user.role}${user.agencyName ? `, ${user.agencyName}` : ''}`);
    }
    if (demoToken) lines.push(`  API token for integrators: Authorization: Bearer ${demoToken.secret}  INTEGRATOR`);
  }
  return lines;
}
