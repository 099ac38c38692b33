// Sign-in through login / me / logout; the session itself is the API's HttpOnly cookie, never seen by scripts.
import type { AuthProvider } from 'react-admin';

import { graphql, RegistryError } from './graphql-client';

export type Role = 'ADMIN' | 'EDITOR' | 'AUDITOR' | 'REPORTER' | 'INTEGRATOR';

export interface SignedInUser {
  id: string;
  username: string;
  displayName: string | null;
  role: Role;
  agency: { id: string; name: string } | null;
}

const USER_FIELDS = 'id username displayName role agency { id name }';

/** `me` asked once per page load (and after each login), not on every navigation. */
let current: Promise<SignedInUser | null> | undefined;

function me(): Promise<SignedInUser | null> {
  current ??= graphql<{ me: SignedInUser | null }>(`{ me { ${USER_FIELDS} } }`)
    .then((data) => data.me)
    .catch((error) => {
      current = undefined;
      throw error;
    });
  return current;
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const data = await graphql<{ login: SignedInUser }>(
      `mutation($username: String!, $password: String!) { login(username: $username, password: $password) { ${USER_FIELDS} } }`,
      { username, password },
    );
    current = Promise.resolve(data.login);
  },

  async logout() {
    current = undefined;
    await graphql('mutation { logout }').catch(() => undefined);
  },

  async checkAuth() {
    const user = await me().catch(() => null);
    if (!user) {
      current = undefined;
      throw new Error('ra.auth.auth_check_error');
    }
  },

  async checkError(error: unknown) {
    const status = (error as { status?: number })?.status;
    if (status === 401 || (error instanceof RegistryError && error.code === 'UNAUTHENTICATED')) {
      current = undefined;
      throw new Error('ra.notification.logged_out');
    }
  },

  async getIdentity() {
    const user = await me();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.displayName || user.username, role: user.role, agency: user.agency };
  },

  async getPermissions() {
    const user = await me().catch(() => null);
    return user?.role ?? null;
  },
};

/** What each role may use in the console; the server enforces the same and more (permissions.ts). */
export const can = {
  edit: (role: unknown) => role === 'ADMIN' || role === 'EDITOR',
  writeReports: (role: unknown) => role === 'ADMIN' || role === 'EDITOR' || role === 'REPORTER',
  reviewReports: (role: unknown) => role === 'ADMIN' || role === 'EDITOR',
  readAccounts: (role: unknown) => role === 'ADMIN' || role === 'EDITOR' || role === 'AUDITOR',
  manageAccounts: (role: unknown) => role === 'ADMIN',
  readAudit: (role: unknown) => role === 'ADMIN' || role === 'EDITOR' || role === 'AUDITOR',
};
