// Security headers on every response, and where a request comes from.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

import type { Config } from '../config';

/**
 * The console (a Vite-built react-admin app): its own scripts only, never inline ones; inline styles allowed because
 * react-admin's MUI (emotion) injects <style> elements; images and fonts from itself or data: URIs (Vite inlines
 * small assets); XHR only to this origin; never framed.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The API answers JSON, which needs nothing loaded at all. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** HSTS for a year; sent only in production, on requests that reached us over HTTPS. */
export const HSTS = 'max-age=31536000';

const COMMON_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** The last hop that our trusted proxy appended, when there is one; otherwise the socket's peer. */
export function clientAddress(request: IncomingMessage, config: Pick<Config, 'trustProxy'>): string {
  if (config.trustProxy) {
    const forwarded = String(request.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    if (forwarded.length) return forwarded[forwarded.length - 1];
  }
  return request.socket.remoteAddress ?? 'unknown';
}

function overHttps(request: IncomingMessage, config: Pick<Config, 'trustProxy'>): boolean {
  if ((request.socket as TLSSocket).encrypted) return true;
  if (!config.trustProxy) return false;
  const proto = String(request.headers['x-forwarded-proto'] ?? '')
    .split(',')
    .pop()
    ?.trim()
    .toLowerCase();
  return proto === 'https';
}

/**
 * Sets the security headers before a route writes anything. The API gets the strictest policy; the console its own;
 * Apollo's landing page (GET /graphql from a browser, development and tests only) loads Apollo's scripts, so it
 * gets no CSP.
 */
export function setSecurityHeaders(request: IncomingMessage, response: ServerResponse, url: URL, config: Config): void {
  for (const [name, value] of Object.entries(COMMON_HEADERS)) response.setHeader(name, value);
  if (config.production && overHttps(request, config)) response.setHeader('strict-transport-security', HSTS);
  const api = url.pathname === '/graphql' || url.pathname === '/healthz';
  const landingPage =
    !config.production && url.pathname === '/graphql' && request.method === 'GET' && /text\/html/.test(request.headers.accept ?? '');
  if (landingPage) return;
  response.setHeader('content-security-policy', api ? API_CSP : CONSOLE_CSP);
}
