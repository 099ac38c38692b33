// Who sent an HTTP request: an integrator's Bearer token, a console session cookie, or nobody. Runs before GraphQL does.
import type { IncomingMessage } from 'node:http';

import type { MikroORM } from '@mikro-orm/postgresql';

import type { Config } from '../../config';
import { readOneBy } from '../../graphql/dataloader';
import { ApiToken, User } from './account.entity';
import { UnauthenticatedError } from './account.errors';
import { actorOfToken, actorOfUser } from './account.service';
import type { Actor } from './actor';
import { credentialCacheOf } from './credential-cache';
import { apiSecretHash } from './secrets';
import { sessionTokenIn, verifySession } from './session';

/** lastUsedAt is written at most this often per token, to spare a write on every request. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * The actor of a request, or null for an anonymous one. A Bearer token that is unknown, revoked or expired throws
 * UNAUTHENTICATED: an integrator must hear why, not get anonymous answers. A session cookie that is expired, ended by
 * logout, or of a deactivated user is ignored (the request is anonymous), so the console can still log in again.
 */
export async function authenticate(request: IncomingMessage, orm: MikroORM, config: Config): Promise<Actor | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) return tokenActor(authorization, orm);
  const session = sessionTokenIn(request.headers.cookie, config);
  if (!session) return null;
  const claims = await verifySession(session, config);
  if (!claims) return null;
  // Read without the unit of work, as every request does it (see readOneBy).
  const user = await credentialCacheOf(orm.em).user(claims.userUuid, () => readOneBy(orm.em.fork(), User, 'uuid', claims.userUuid));
  if (!user?.active || user.sessionGeneration !== claims.generation) return null;
  return actorOfUser(user);
}

async function tokenActor(authorization: string, orm: MikroORM): Promise<Actor> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new UnauthenticatedError('The Authorization header must read "Bearer <API token>"');
  const secretHash = apiSecretHash(match[1]);
  const token = await credentialCacheOf(orm.em).token(secretHash, () => readOneBy(orm.em.fork(), ApiToken, 'secretHash', secretHash));
  if (!token) {
    throw new UnauthenticatedError('This API token is not valid: check that it was copied whole, or ask an administrator for a new one');
  }
  const now = new Date();
  if (token.revokedAt) {
    throw new UnauthenticatedError(`This API token was revoked on ${token.revokedAt.toISOString()}; ask an administrator for a new one`);
  }
  if (token.expiresAt && token.expiresAt <= now) {
    throw new UnauthenticatedError(`This API token expired on ${token.expiresAt.toISOString()}; ask an administrator for a new one`);
  }
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    // Conditional, so parallel requests write it once; bookkeeping, so written directly (no version, no audit event).
    const since = new Date(now.getTime() - LAST_USED_PRECISION_MS);
    await orm.em
      .fork()
      .nativeUpdate(ApiToken, { uuid: token.uuid, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lte: since } }] }, { lastUsedAt: now });
    // The token may be the credential cache's: the next request within the minute must not write again.
    token.lastUsedAt = now;
  }
  return actorOfToken(token);
}
