// The benchmark's callers: an integrator's API token for the reads, an editor's session for the writes.
import type { Client } from 'pg';

import { loadConfig } from '../server/config';
import type { User } from '../server/modules/account/account.entity';
import { apiSecretHash } from '../server/modules/account/secrets';
import { sessionCookieName, signSession } from '../server/modules/account/session';

export const BENCH_TODAY = '2025-06-01';
export const BENCH_SESSION_SECRET = 'the benchmark session secret, never used elsewhere';
export const BENCH_EDITOR = { uuid: '00000000-0000-4000-8000-0000000be4c1', username: 'bench-editor' };
const BENCH_TOKEN = { uuid: '00000000-0000-4000-8000-0000000be4c2', secret: 'bench-integrator-token' };

export interface BenchAccounts {
  integratorToken: string;
  editorCookie: string;
}

/** The headers a workload's requests carry: the editor's session for a write, the integrator's token for a read. */
export function headersFor(accounts: BenchAccounts, writes: boolean): Record<string, string> {
  return writes ? { cookie: accounts.editorCookie } : { authorization: `Bearer ${accounts.integratorToken}` };
}

/** Made in the database directly, as no password hash (argon2, slow on purpose) is needed for a signed session. */
export async function prepareBenchAccounts(client: Client): Promise<BenchAccounts> {
  await client.query(
    `insert into user_account (id, username, display_name, password_hash, role) values ($1, $2, 'Benchmark editor', '!', 'EDITOR')
     on conflict (id) do nothing`,
    [BENCH_EDITOR.uuid, BENCH_EDITOR.username],
  );
  await client.query(
    `insert into api_token (id, name, role, secret_hash) values ($1, 'Benchmark integrator', 'INTEGRATOR', $2) on conflict (id) do nothing`,
    [BENCH_TOKEN.uuid, apiSecretHash(BENCH_TOKEN.secret)],
  );
  const config = loadConfig({ production: true, sessionSecret: BENCH_SESSION_SECRET });
  const { rows } = await client.query<{ session_generation: number }>('select session_generation from user_account where id = $1', [
    BENCH_EDITOR.uuid,
  ]);
  const editor = { uuid: BENCH_EDITOR.uuid, sessionGeneration: rows[0].session_generation } as User;
  return { integratorToken: BENCH_TOKEN.secret, editorCookie: `${sessionCookieName(config)}=${await signSession(editor, config)}` };
}
