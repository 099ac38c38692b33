// The rules for accounts: logins with a lock after repeated failures, users with one role each, revocable API tokens.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';

import { findForChange, findOrFail } from '../../database/record-access';
import { BadInputError, ConflictError } from '../../errors';
import { type ConnectionArgs, paginate } from '../../graphql/connection';
import { searchFilter } from '../../graphql/search';
import { Agency } from '../agency/agency.entity';
import { ApiToken, User, USER_ROLES } from './account.entity';
import { ApiTokenStatus } from './account.enums';
import { TooManyAttemptsError, UnauthenticatedError } from './account.errors';
import type { ApiTokenFilter, CreateApiTokenInput, CreateUserInput, UpdateUserInput, UserFilter } from './account.inputs';
import { type Actor, Role } from './actor';
import { credentialCacheOf } from './credential-cache';
import { apiSecretHash, hashPassword, newApiSecret, passwordMatches, spendPasswordCheck } from './secrets';

/** Failed logins in a row that lock an account … */
export const MAX_FAILED_LOGINS = 5;
/** … for this long. */
export const LOCKOUT_SECONDS = 5 * 60;

/** The same answer for an unknown username and a wrong password, so the API does not tell which usernames exist. */
export const WRONG_CREDENTIALS = 'Wrong username or password';

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function actorOfUser(user: User): Actor {
  return { kind: 'USER', id: user.uuid, name: user.username, role: user.role, agencyId: user.agency?.uuid ?? null };
}

export function actorOfToken(token: ApiToken): Actor {
  return { kind: 'TOKEN', id: token.uuid, name: token.name, role: token.role, agencyId: null };
}

export class LoginService {
  constructor(private readonly em: EntityManager) {}

  /** The user whose password this is; UNAUTHENTICATED otherwise, TOO_MANY_ATTEMPTS while the account is locked. */
  async login(username: string, password: string): Promise<User> {
    // A fork of its own: the bookkeeping below is written directly, and must not be flushed again by a later mutation.
    const em = this.em.fork();
    const user = await em.findOne(User, { username: normalizeUsername(username) });
    if (!user) {
      await spendPasswordCheck(password);
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    const now = new Date();
    if (user.lockedUntil && user.lockedUntil > now) {
      throw new TooManyAttemptsError(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000));
    }
    if (!(await passwordMatches(user.passwordHash, password))) {
      await this.recordFailure(em, user.uuid);
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    if (!user.active) throw new UnauthenticatedError('This account is deactivated; ask an administrator to reactivate it');
    // Counters and times of logins are bookkeeping, not changes an auditor reviews: written directly, version untouched.
    await em.nativeUpdate(User, { uuid: user.uuid }, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    Object.assign(user, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    return user;
  }

  /** Counts a failure in one statement, so parallel guesses cannot slip past the limit; the last one locks the account. */
  private async recordFailure(em: EntityManager, userUuid: string): Promise<void> {
    await em.getConnection().execute(
      `update user_account set
         failed_logins = case when failed_logins + 1 >= ? then 0 else failed_logins + 1 end,
         locked_until = case when failed_logins + 1 >= ? then now() + make_interval(secs => ?) else locked_until end
       where id = ?`,
      [MAX_FAILED_LOGINS, MAX_FAILED_LOGINS, LOCKOUT_SECONDS, userUuid],
    );
  }

  /** Ends every session of the user (sessions carry the generation they began in). */
  async endSessions(userUuid: string): Promise<void> {
    await this.em.getConnection().execute('update user_account set session_generation = session_generation + 1 where id = ?', [userUuid]);
    // Written directly, so no flush tells the credential cache: the user it remembers still has the old generation.
    credentialCacheOf(this.em).forget();
  }
}

export class UserService {
  constructor(private readonly em: EntityManager) {}

  list(filter: UserFilter | undefined, page: ConnectionArgs) {
    const where: Record<string, unknown>[] = [];
    if (filter?.role?.length) where.push({ role: { $in: filter.role } });
    if (filter?.agencyId) where.push({ agency: filter.agencyId });
    if (filter?.active != null) where.push({ active: filter.active });
    if (filter?.search) where.push(searchFilter('$.username, $.display_name', filter.search));
    return paginate(this.em, User, { $and: where } as FilterQuery<User>, [{ username: 'asc' }], page);
  }

  async create(input: CreateUserInput): Promise<User> {
    assertUserRole(input.role);
    const passwordHash = await hashPassword(input.password);
    return this.em.transactional(async (em) => {
      const username = normalizeUsername(input.username);
      if (await em.count(User, { username })) throw new ConflictError(`The username "${username}" is taken`, { argument: 'username' });
      return em.create(User, {
        username,
        displayName: input.displayName?.trim() || null,
        passwordHash,
        role: input.role,
        agency: await agencyOf(em, input.role, input.agencyId),
        active: true,
        failedLogins: 0,
        sessionGeneration: 0,
      });
    });
  }

  async update(input: UpdateUserInput): Promise<User> {
    if (input.role) assertUserRole(input.role);
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return this.em.transactional(async (em) => {
      const user = await findForChange(em, User, input.id, input.version, 'User');
      const wasActiveAdmin = user.active && user.role === Role.ADMIN;
      if (input.displayName !== undefined) user.displayName = input.displayName?.trim() || null;
      if (input.role || input.agencyId !== undefined) {
        const role = input.role ?? user.role;
        // Leaving REPORTER drops the agency unless the caller names one (which agencyOf then refuses).
        const agencyId = input.agencyId !== undefined ? input.agencyId : role === Role.REPORTER ? (user.agency?.uuid ?? null) : null;
        user.agency = await agencyOf(em, role, agencyId);
        user.role = role;
      }
      if (input.active != null && input.active !== user.active) {
        user.active = input.active;
        user.sessionGeneration += 1;
      }
      if (passwordHash) {
        user.passwordHash = passwordHash;
        user.sessionGeneration += 1;
        user.failedLogins = 0;
        user.lockedUntil = null;
      }
      if (wasActiveAdmin && !(user.active && user.role === Role.ADMIN)) {
        const otherAdmins = await em.count(User, { role: Role.ADMIN, active: true, uuid: { $ne: user.uuid } });
        if (otherAdmins === 0) throw new BadInputError('At least one active ADMIN must remain: make another user ADMIN first');
      }
      return user;
    });
  }
}

function assertUserRole(role: Role): void {
  if (!(USER_ROLES as readonly Role[]).includes(role)) {
    throw new BadInputError(`A user cannot be ${role}: that role is for API tokens (createApiToken)`, { argument: 'role' });
  }
}

/** The agency a user of `role` belongs to: required for a REPORTER, refused for everyone else. */
async function agencyOf(em: EntityManager, role: Role, agencyId: string | null | undefined): Promise<Agency | null> {
  if (role !== Role.REPORTER) {
    if (agencyId) throw new BadInputError(`Only a REPORTER belongs to an agency; leave agencyId out for ${role}`, { argument: 'agencyId' });
    return null;
  }
  if (!agencyId) throw new BadInputError('A REPORTER belongs to one agency: give agencyId', { argument: 'agencyId' });
  const agency = await findOrFail(em, Agency, agencyId, 'Agency');
  if (agency.isGroup) {
    throw new BadInputError(`${agency.name} is a group of agencies; a REPORTER belongs to one of its members`, { argument: 'agencyId' });
  }
  return agency;
}

export class ApiTokenService {
  constructor(private readonly em: EntityManager) {}

  list(filter: ApiTokenFilter | undefined, page: ConnectionArgs) {
    const now = new Date();
    const byStatus: Record<ApiTokenStatus, Record<string, unknown>> = {
      [ApiTokenStatus.ACTIVE]: { revokedAt: null, $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] },
      [ApiTokenStatus.REVOKED]: { revokedAt: { $ne: null } },
      [ApiTokenStatus.EXPIRED]: { revokedAt: null, expiresAt: { $lte: now } },
    };
    const where = filter?.status?.length ? { $or: filter.status.map((status) => byStatus[status]) } : {};
    return paginate(this.em, ApiToken, where as FilterQuery<ApiToken>, [{ createdAt: 'desc' }], page);
  }

  /** A new token and its secret, which is stored only as a hash: this is the one time anyone sees it. */
  async create(
    input: CreateApiTokenInput,
    createdByUuid: string | null,
    secret = newApiSecret(),
  ): Promise<{ token: ApiToken; secret: string }> {
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw new BadInputError('expiresAt is in the past; give a later time, or none for a token that does not expire', {
        argument: 'expiresAt',
      });
    }
    const token = await this.em.transactional(async (em) =>
      em.create(ApiToken, {
        name: input.name.trim(),
        role: Role.INTEGRATOR,
        secretHash: apiSecretHash(secret),
        createdBy: createdByUuid ? em.getReference(User, createdByUuid) : null,
        expiresAt: input.expiresAt ?? null,
      }),
    );
    return { token, secret };
  }

  /** Refuses the token from now on; revoking it again keeps the first time. */
  async revoke(uuid: string): Promise<ApiToken> {
    return this.em.transactional(async (em) => {
      const token = await findOrFail(em, ApiToken, uuid, 'API token');
      token.revokedAt ??= new Date();
      return token;
    });
  }
}

export function apiTokenStatus(token: ApiToken, now = new Date()): ApiTokenStatus {
  if (token.revokedAt) return ApiTokenStatus.REVOKED;
  if (token.expiresAt && token.expiresAt <= now) return ApiTokenStatus.EXPIRED;
  return ApiTokenStatus.ACTIVE;
}
