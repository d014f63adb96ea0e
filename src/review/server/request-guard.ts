import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** What the guard needs to know about a request. */
export interface GuardedRequest {
  method: string;
  headers: IncomingHttpHeaders;
  /** The `token` query parameter, if any. */
  queryToken: string | null;
}

/** The name of the cookie that carries the token; per port, since cookies do not tell ports apart. */
export function tokenCookieName(port: number): string {
  return `bitext_review_${port}`;
}

/**
 * Why a request must be refused (403), or undefined when it may proceed. It must name this server
 * in `Host` (DNS rebinding), carry the token (query, `Authorization: Bearer` or cookie), and a
 * state-changing request must not come from another site (`Origin`, `Sec-Fetch-Site`).
 */
export function refusal(request: GuardedRequest, port: number, token: string): string | undefined {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes((request.headers.host ?? '').toLowerCase())) return 'unknown Host';
  const given = request.queryToken ?? bearer(request.headers.authorization) ?? cookie(request.headers.cookie, tokenCookieName(port));
  if (given === undefined || !sameSecret(given, token)) return 'missing or wrong token';
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.some((host) => origin.toLowerCase() === `http://${host}`)) return 'request from another site';
    if (request.headers['sec-fetch-site'] === 'cross-site') return 'request from another site';
  }
  return undefined;
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

// Constant time, so the token cannot be guessed a character at a time from response times.
function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
