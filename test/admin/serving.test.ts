// The server hands out the built console: its files with their types and caching, index.html for the console's routes.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CONSOLE_CSP } from '../../server/http/hardening';
import { createTestApp, type TestApp } from '../support/test-app';
import { buildConsole } from './browser';

describe('the built console, as the server serves it', () => {
  let app: TestApp;
  let script: string;

  beforeAll(async () => {
    buildConsole();
    script = readdirSync(join(__dirname, '../../admin/dist/assets')).find((name) => name.endsWith('.js'))!;
    app = await createTestApp();
  }, 300_000);
  afterAll(async () => app?.stop());

  it('answers / with the console page, never cached, under the console CSP', async () => {
    const response = await fetch(`${app.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    const page = await response.text();
    expect(page).toContain(`/assets/${script}`);
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('answers the console’s own routes with the same page, so a reload works', async () => {
    for (const path of ['/documents', '/documents/RG9jdW1lbnQ6eA/show', '/trace/task/x', '/import']) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain(`/assets/${script}`);
    }
  });

  it('sends hashed assets as JavaScript to keep forever, and a missing one as a 404', async () => {
    const asset = await fetch(`${app.url}/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${app.url}/assets/index-0000000.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('never serves a file from outside admin/dist', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%2f..%2f..%2fpackage.json']) {
      const body = await (await fetch(`${app.url}${path}`)).text();
      expect(body, path).not.toContain('"devDependencies"');
    }
    expect((await fetch(`${app.url}/%E0%A4%A`)).status).toBe(400);
  });

  it('keeps the API where it was', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    expect(await response.json()).toEqual({ data: { me: null } });
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
