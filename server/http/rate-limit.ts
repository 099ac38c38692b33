// Rate limits for /graphql: a token bucket per caller (API token or session, else address) and one per address.
// Kept in memory: right for one process; several processes behind a balancer each count on their own.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Config } from '../config';
import { ErrorCode } from '../errors';
import { clientAddress } from './hardening';

interface Bucket {
  tokens: number;
  /** When tokens was last brought up to date (ms). */
  updated: number;
}

/** A bucket of `perMinute` tokens per key, refilled continuously; a request takes one. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private lastSweep: number;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
    /** Above this many keys, buckets that have filled up again are forgotten. */
    private readonly maxKeys = 10_000,
  ) {
    this.perMs = perMinute / 60_000;
    this.lastSweep = now();
  }

  /** Takes a token for `key`: 0 when there was one, otherwise the milliseconds until there is. */
  take(key: string): number {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updated: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updated) * this.perMs);
    bucket.updated = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.perMs);
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    if (this.buckets.size < this.maxKeys && now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updated) * this.perMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}

/** The caller's credential as sent (a bearer token or the session cookie), hashed: never kept in clear. */
function credentialKey(request: IncomingMessage): string | undefined {
  const credential = request.headers.authorization || request.headers.cookie;
  return credential ? createHash('sha256').update(credential).digest('base64url') : undefined;
}

export type RateLimiter = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * Checks one /graphql request against both limits; when either is spent it answers 429 itself, with a
 * Retry-After header and a GraphQL error RATE_LIMITED that says when to retry, and returns false.
 * A limit of 0 turns that limit off.
 */
export function createRateLimiter(config: Config, now: () => number = Date.now): RateLimiter {
  const perCaller = config.rateLimitPerMinute > 0 ? new TokenBuckets(config.rateLimitPerMinute, now) : undefined;
  const perAddress = config.rateLimitPerIpPerMinute > 0 ? new TokenBuckets(config.rateLimitPerIpPerMinute, now) : undefined;
  return (request, response) => {
    const address = clientAddress(request, config);
    const credential = credentialKey(request);
    // An anonymous caller is its address; a credential is counted wherever it comes from, and every address
    // also has a (larger) budget of its own, so made-up credentials do not open new buckets without end.
    const checks: [TokenBuckets | undefined, string][] = [
      [perCaller, credential ? `credential:${credential}` : `address:${address}`],
      [perAddress, address],
    ];
    for (const [buckets, key] of checks) {
      const waitMs = buckets?.take(key) ?? 0;
      if (waitMs === 0) continue;
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      const retryAt = new Date(now() + seconds * 1000).toISOString();
      response.writeHead(429, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(seconds) });
      response.end(
        JSON.stringify({
          errors: [
            {
              message: `Too many requests: at most ${buckets!.perMinute} a minute. Try again in ${seconds} s (at ${retryAt}).`,
              extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: seconds },
            },
          ],
        }),
      );
      request.resume();
      return false;
    }
    return true;
  };
}
