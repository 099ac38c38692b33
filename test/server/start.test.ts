// What a new user does: start the registry with nothing but Node, a second time on the same folder, and stop it.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freePort } from '../../server/database/embedded-postgres';

const root = join(__dirname, '..', '..');

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startRegistry(env: Record<string, string>): Started {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'server/main.ts'], {
    cwd: root,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** The Cookie header of a session of the demo's auditor (the registry answers nobody anonymous). */
async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(username: "auditor", password: "auditor-demo") { username } }' }),
  });
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error(`no session: ${JSON.stringify(await response.json())}`);
  return cookie.split(';')[0];
}

async function waitFor(started: Started, pattern: RegExp, timeoutMs = 90_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = pattern.exec(started.output());
    if (match) return match[0];
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`never printed ${pattern}; output:\n${started.output()}`);
}

const DEMO_DAY = '2026-11-23';

describe('npm start on a bare machine', () => {
  let dataDir: string;
  let first: Started;
  let url: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'registry-start-'));
    // A fixed day: the demo's reports are generated up to it, so what they show is the same on every run.
    first = startRegistry({ DATA_DIR: dataDir, PORT: String(await freePort()), TODAY: DEMO_DAY });
    url = (await waitFor(first, /http:\/\/localhost:\d+(?=\/graphql)/)).trim();
  }, 120_000);

  afterAll(async () => {
    if (first.child.exitCode === null) first.child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts an embedded PostgreSQL, migrates, loads the demo data and prints the URL', async () => {
    // The hand-entered plan, then the other four seeds through the importer.
    expect(first.output()).toMatch(/Loaded the demo data: 19\/KH-UBND(, [^,\n]+){4}\n/);
    expect(first.output()).not.toContain('could not take');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await signIn(url) },
      body: JSON.stringify({
        query: '{ document(symbol: "19/KH-UBND") { clause(path: "III.2") { tasks { trace { roots { symbol } } } } } }',
      }),
    });
    const body = (await response.json()) as any;
    expect(body.data.document.clause.tasks[0].trace.roots).toEqual([{ symbol: '183-QĐ/TW' }]);
  });

  it('carries a year of reports, some late, some missing, some returned, so that the dashboards are alive', async () => {
    expect(first.output()).toMatch(/Generated the demo reports: \d+ reports, \d+ duties scheduled/);
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await signIn(url) },
      body: JSON.stringify({
        query: `{ oversight(from: "2024-01-01", to: "${DEMO_DAY}") {
          totals { expectedReportsByStatus { status count } reportsByStatus { status count } }
          agencies { missingReports { dueOn } }
        } }`,
      }),
    });
    const { totals, agencies } = ((await response.json()) as any).data.oversight;
    const count = (list: { status: string; count: number }[], status: string) => list.find((entry) => entry.status === status)?.count ?? 0;
    for (const status of ['RECEIVED', 'LATE', 'MISSING']) expect(count(totals.expectedReportsByStatus, status), status).toBeGreaterThan(0);
    for (const status of ['ACCEPTED', 'SUBMITTED', 'RETURNED']) expect(count(totals.reportsByStatus, status), status).toBeGreaterThan(0);
    expect(agencies.some((agency: { missingReports: unknown[] }) => agency.missingReports.length > 0)).toBe(true);
  });

  it('creates the administrator, printing its generated password once, and the demo accounts', async () => {
    expect(first.output()).toMatch(/Created the administrator account: username "admin", password "[\w-]{20}"/);
    expect(first.output()).toContain('reporter / reporter-demo  REPORTER, Công an tỉnh Đắk Nông');
    const anonymous = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ documents { totalCount } }' }),
    });
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('holds every seed with its lineage: three up to 183-QĐ/TW, Vĩnh Phúc up to 39/CT-TTg, Tuyên Quang to its cited plans', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await signIn(url) },
      body: JSON.stringify({
        query: '{ documents(filter: { referenced: false }, first: 10) { nodes { title lineage { to { symbol } } } } }',
      }),
    });
    const documents = ((await response.json()) as any).data.documents.nodes as { title: string; lineage: { to: { symbol: string } }[] }[];
    const roots = documents.map((document) => document.lineage.map((step) => step.to.symbol));
    expect(documents).toHaveLength(5);
    expect(roots.filter((lineage) => lineage.includes('183-QĐ/TW'))).toHaveLength(3);
    expect(roots).toContainEqual(['39/CT-TTg']);
    expect(roots).toContainEqual(expect.arrayContaining(['18/KH-BCĐ138/CP', '113-NQ/TU']));
  });

  it('refuses, with a message and not a hang, a second instance on the same data folder', async () => {
    const second = startRegistry({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    const code = await Promise.race([second.exited, new Promise((resolve) => setTimeout(() => resolve('hung'), 60_000))]);
    expect(code).toBe(1);
    expect(second.output()).toMatch(/in use by another PostgreSQL/);
  });

  it('shuts down cleanly on SIGTERM: the embedded PostgreSQL stops too', async () => {
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('starts again on the same folder without loading the demo twice', async () => {
    const again = startRegistry({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    const againUrl = (await waitFor(again, /http:\/\/localhost:\d+(?=\/graphql)/)).trim();
    const response = await fetch(`${againUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await signIn(againUrl) },
      body: JSON.stringify({ query: '{ documents(filter: { referenced: false }) { totalCount } }' }),
    });
    expect(((await response.json()) as any).data.documents.totalCount).toBe(5);
    expect(again.output()).not.toContain('Loaded the demo data');
    expect(again.output()).not.toContain('Created the administrator account');
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });
});
