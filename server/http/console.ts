// The built console (admin/dist) at /: its files with their types, index.html for the console's own routes.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

import type { Config } from '../config';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite names what it emits under assets/ by content hash: such a file never changes, so browsers may keep it. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashes: always asked again, so a new build is picked up at once. */
const REVALIDATE = 'no-cache';

const PLACEHOLDER_PAGE = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Sổ đăng ký văn bản chỉ đạo</title>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;line-height:1.5">
<h1>Sổ đăng ký văn bản chỉ đạo</h1>
<p>Giao diện quản trị chưa được build (<code>npm run build</code>). API GraphQL: <a href="/graphql">/graphql</a>.</p>
<p lang="en">The console is not built yet (<code>npm run build</code>). The GraphQL API is at <a href="/graphql">/graphql</a>.</p></body></html>`;

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string, head: boolean): void {
  response.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  response.end(head ? undefined : body);
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/**
 * GET or HEAD of any path but the API's. A file of the build is sent as it is; a missing file under /assets/ is a 404
 * (a stale page asking for an old hash must not get HTML as script); any other path is one of the console's routes
 * (/documents/…/show on reload), answered with index.html.
 */
export async function handleConsole(response: ServerResponse, config: Config, pathname: string, head = false): Promise<void> {
  const root = join(config.projectRoot, 'admin', 'dist');
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    send(response, 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': REVALIDATE }, PLACEHOLDER_PAGE, head);
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    send(response, 400, { 'content-type': 'text/plain; charset=utf-8' }, 'Bad path', head);
    return;
  }
  const file = normalize(join(root, decoded));
  const inside = file.startsWith(root + sep);
  if (inside && file !== index && (await isFile(file))) {
    const hashed = file.startsWith(join(root, 'assets') + sep);
    const headers = {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': hashed ? IMMUTABLE : REVALIDATE,
    };
    send(response, 200, headers, await readFile(file), head);
    return;
  }
  if (decoded.startsWith('/assets/')) {
    send(response, 404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, 'Not found', head);
    return;
  }
  send(response, 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': REVALIDATE }, await readFile(index), head);
}
