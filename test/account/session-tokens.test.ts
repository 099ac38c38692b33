// A session token's signature is checked once and remembered: what is remembered must still expire, and only the exact
// text that was checked may pass.
import { afterEach, describe, expect, it, vi } from 'vitest';

import { loadConfig } from '../../server/config';
import type { User } from '../../server/modules/account/account.entity';
import { SESSION_SECONDS, signSession, verifySession } from '../../server/modules/account/session';

const config = loadConfig({ port: 0, loadDemoData: false, sessionSecret: 'a session secret for this test only' });
const user = { uuid: '3f0c9a52-1d7e-4b8a-9c41-2e5b7d8f6a10', sessionGeneration: 4 } as User;

afterEach(() => {
  vi.useRealTimers();
});

describe('a session token', () => {
  it('verified once is refused when it expires', async () => {
    const token = await signSession(user, config);
    expect(await verifySession(token, config)).toEqual({ userUuid: user.uuid, generation: 4 });
    expect(await verifySession(token, config)).toEqual({ userUuid: user.uuid, generation: 4 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (SESSION_SECONDS + 1) * 1000);
    expect(await verifySession(token, config)).toBeNull();
  });

  it('verified once does not let another text through', async () => {
    const token = await signSession(user, config);
    expect(await verifySession(token, config)).not.toBeNull();
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), gen: 5 })).toString(
      'base64url',
    );
    expect(await verifySession(`${header}.${forged}.${signature}`, config)).toBeNull();
    expect(await verifySession(`${token}x`, config)).toBeNull();
  });
});
