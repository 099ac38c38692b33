// The browser tests' plumbing: the console built (when stale), Debian's chromium driven by playwright-core, and pages
// that fail the test on any script error, CSP violation or missing translation.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const ROOT = resolve(__dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test', 'screenshots');

/** Builds admin/dist when it is missing or older than the console's sources. */
export function buildConsole(): void {
  execFileSync(process.execPath, [join(ROOT, 'admin', 'build-if-stale.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    // --lang: the browser's own widgets (date inputs) in Vietnamese, as on an office's machine.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--lang=vi-VN'],
  });
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Script errors, CSP violations and missing translations seen so far. */
  problems: string[];
}

/** A fresh browser context (its own cookies) with one page on the console. */
export async function openConsole(browser: Browser, baseURL: string): Promise<ConsolePage> {
  const context = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !/status of (401|409)|Failed to load resource/.test(text)) problems.push(`console error: ${text}`);
    if (/Missing translation|Content Security Policy|Refused to/.test(text)) problems.push(`console: ${text}`);
  });
  return { context, page, problems };
}

/** Screenshots of failures from an earlier run would mislead whoever looks. */
export function clearFailureScreenshots(): void {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const name of readdirSync(SCREENSHOTS)) if (name.startsWith('failed-')) rmSync(join(SCREENSHOTS, name));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page
    .getByRole('heading', { name: /Tổng quan|Dashboard/ })
    .first()
    .waitFor();
}
