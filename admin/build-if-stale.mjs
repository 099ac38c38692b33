#!/usr/bin/env node
// Builds the console (vite build admin) when admin/dist is missing or older than its sources; `npm start` and the
// browser tests call it, `npm run build` with --force. Builds started at once (two test files) take turns through a lock.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const admin = dirname(fileURLToPath(import.meta.url));
const root = dirname(admin);
const built = join(admin, 'dist', 'index.html');
const lock = join(admin, '.build-lock');

/** Newest modification time among the console's sources and the lock file of its dependencies. */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stats = statSync(path);
    if (stats.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stats.mtimeMs);
  };
  for (const path of ['src', 'index.html', 'vite.config.mts', 'tsconfig.json'].map((name) => join(admin, name)))
    if (existsSync(path)) visit(path);
  for (const path of [join(root, 'package-lock.json')]) if (existsSync(path)) newest = Math.max(newest, statSync(path).mtimeMs);
  return newest;
}

const force = process.argv.includes('--force');
const isStale = () => !existsSync(built) || statSync(built).mtimeMs < newestSource();

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock(action) {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than five minutes was left by a build that died.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 600_000) throw new Error(`Waited ten minutes for ${lock}`);
      sleep(500);
    }
  }
  try {
    action();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (force || isStale()) {
  withLock(() => {
    if (!force && !isStale()) return;
    console.log('Building the console (admin/dist)…');
    execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', admin, '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
  });
}
