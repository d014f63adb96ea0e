import { describe, expect, it } from 'vitest';
import { refusal, tokenCookieName } from '../../../src/review/server/request-guard.js';

const TOKEN = 'secret-token-123';
const PORT = 4321;
const get = (headers: Record<string, string>, queryToken: string | null = null) => refusal({ method: 'GET', headers, queryToken }, PORT, TOKEN);
const put = (headers: Record<string, string>) => refusal({ method: 'PUT', headers, queryToken: null }, PORT, TOKEN);

describe('refusal', () => {
  it('takes the token from the query, a Bearer header or the cookie of this port', () => {
    expect(get({ host: '127.0.0.1:4321' }, TOKEN)).toBeUndefined();
    expect(get({ host: 'localhost:4321', authorization: `Bearer ${TOKEN}` })).toBeUndefined();
    expect(get({ host: '127.0.0.1:4321', cookie: `other=1; ${tokenCookieName(PORT)}=${TOKEN}` })).toBeUndefined();
    expect(get({ host: '127.0.0.1:4321', cookie: `${tokenCookieName(9999)}=${TOKEN}` })).toBe('missing or wrong token');
    expect(get({ host: '127.0.0.1:4321' })).toBe('missing or wrong token');
    expect(get({ host: '127.0.0.1:4321' }, 'secret-token-124')).toBe('missing or wrong token');
    expect(get({ host: '127.0.0.1:4321' }, 'secret')).toBe('missing or wrong token');
  });

  it('refuses another Host (DNS rebinding), even with the token', () => {
    expect(get({ host: 'evil.example:4321', authorization: `Bearer ${TOKEN}` })).toBe('unknown Host');
    expect(get({ host: '127.0.0.1:4322', authorization: `Bearer ${TOKEN}` })).toBe('unknown Host');
    expect(get({ authorization: `Bearer ${TOKEN}` })).toBe('unknown Host');
  });

  it('refuses a state-changing request from another site, and allows it from the page itself or a script', () => {
    const auth = { host: '127.0.0.1:4321', authorization: `Bearer ${TOKEN}` };
    expect(put({ ...auth, origin: 'http://evil.example' })).toBe('request from another site');
    expect(put({ ...auth, origin: 'http://127.0.0.1:4322' })).toBe('request from another site');
    expect(put({ ...auth, 'sec-fetch-site': 'cross-site' })).toBe('request from another site');
    expect(put({ ...auth, origin: 'http://127.0.0.1:4321' })).toBeUndefined();
    expect(put({ ...auth, origin: 'http://localhost:4321' })).toBeUndefined();
    expect(put(auth)).toBeUndefined();
  });
});
