// Password hashes (argon2id), API token secrets (random, stored as SHA-256) and generated passwords.
import { createHash, randomBytes } from 'node:crypto';

import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's recommendation), about 50 ms a hash. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash matches nothing.
    return false;
  }
}

let decoy: Promise<string> | undefined;

/** Spends the time a real check would, so a wrong username answers no faster than a wrong password. */
export async function spendPasswordCheck(password: string): Promise<void> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  await passwordMatches(await decoy, password);
}

/** 32 random bytes: a token that cannot be guessed, so a fast hash is enough to store it. */
export function newApiSecret(): string {
  return `drt_${randomBytes(32).toString('base64url')}`;
}

export function apiSecretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** 20 characters from 120 random bits, for the first administrator when ADMIN_PASSWORD is not set. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
