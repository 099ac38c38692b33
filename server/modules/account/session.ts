// The console's session: a short-lived HS256 token (jose) in an HttpOnly, SameSite=Lax cookie, Secure in production.
import { randomBytes, webcrypto } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Config } from '../../config';
import type { User } from './account.entity';

/** A working day: after it the console asks for the password again. */
export const SESSION_SECONDS = 8 * 60 * 60;
const ISSUER = 'directive-registry';

export interface SessionClaims {
  userUuid: string;
  /** The user's sessionGeneration when the session began; a later logout or password reset ends it. */
  generation: number;
}

/** In production the __Host- prefix makes browsers refuse the cookie unless it is Secure, host-only and for path /. */
export function sessionCookieName(config: Config): string {
  return config.production ? '__Host-registry_session' : 'registry_session';
}

const keys = new WeakMap<Config, Promise<webcrypto.CryptoKey>>();

/**
 * SESSION_SECRET, or a secret made on first use and kept in the data folder (readable by its owner only), imported
 * once as an HMAC key: given the secret's bytes, jose imports them on every verification (95 µs a session's request
 * against 56).
 */
function sessionKey(config: Config): Promise<webcrypto.CryptoKey> {
  let key = keys.get(config);
  if (!key) {
    key = sessionSecret(config).then((secret) =>
      webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']),
    );
    key.catch(() => keys.delete(config));
    keys.set(config, key);
  }
  return key;
}

async function sessionSecret(config: Config): Promise<Uint8Array> {
  if (config.sessionSecret) return new TextEncoder().encode(config.sessionSecret);
  const file = join(config.dataDir, 'session-secret');
  if (existsSync(file)) return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
  const secret = randomBytes(32);
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, secret.toString('base64url'), { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    // Another instance on the same folder wrote it first: use theirs.
    if (error.code !== 'EEXIST') throw error;
  });
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
}

/** Reads (or makes) the signing secret now, so a data folder that cannot be written fails at start, not at the first login. */
export async function prepareSessionKey(config: Config): Promise<void> {
  await sessionKey(config);
}

export async function signSession(user: User, config: Config): Promise<string> {
  // jose is an ES module; a dynamic import loads it from this CommonJS build.
  const { SignJWT } = await import('jose');
  return new SignJWT({ gen: user.sessionGeneration })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.uuid)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${SESSION_SECONDS}s`)
    .sign(await sessionKey(config));
}

/** Tokens whose signature was checked, by their exact text, with their claims and expiry (seconds since the epoch). */
const verifiedTokens = new WeakMap<Config, Map<string, { claims: SessionClaims; expires: number }>>();
/** A console user's session is one token for a working day: a few thousand people's fit. */
const MAX_VERIFIED_TOKENS = 10_000;

/**
 * The claims of a valid, unexpired session token; null for anything else. A token is verified once: every request of
 * a session carries the same text, and checking its HMAC again (56 µs) was a twentieth of a new task's Node time. Its
 * expiry is checked on every request; whether the session was ended since (logout, a password reset) is the caller's
 * check of its generation, on every request too.
 */
export async function verifySession(token: string, config: Config): Promise<SessionClaims | null> {
  let verified = verifiedTokens.get(config);
  if (!verified) verifiedTokens.set(config, (verified = new Map()));
  const known = verified.get(token);
  if (known) {
    if (Date.now() / 1000 < known.expires) return known.claims;
    verified.delete(token);
    return null;
  }
  const { jwtVerify } = await import('jose');
  try {
    const { payload } = await jwtVerify(token, await sessionKey(config), { algorithms: ['HS256'], issuer: ISSUER });
    if (typeof payload.sub !== 'string' || typeof payload.gen !== 'number' || typeof payload.exp !== 'number') return null;
    const claims = { userUuid: payload.sub, generation: payload.gen };
    // Oldest first out: a Map keeps its keys in the order they were added.
    if (verified.size >= MAX_VERIFIED_TOKENS) verified.delete(verified.keys().next().value!);
    verified.set(token, { claims, expires: payload.exp });
    return claims;
  } catch {
    return null;
  }
}

function cookieAttributes(config: Config, maxAge: number): string {
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${config.production ? '; Secure' : ''}`;
}

export async function sessionCookie(user: User, config: Config): Promise<string> {
  return `${sessionCookieName(config)}=${await signSession(user, config)}; ${cookieAttributes(config, SESSION_SECONDS)}`;
}

export function clearedSessionCookie(config: Config): string {
  return `${sessionCookieName(config)}=; ${cookieAttributes(config, 0)}`;
}

/** The session token in a Cookie header, if there is one. */
export function sessionTokenIn(cookieHeader: string | undefined, config: Config): string | undefined {
  if (!cookieHeader) return undefined;
  const name = sessionCookieName(config);
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim() || undefined;
  }
  return undefined;
}
