/**
 * Cross-site request forgery (src/server/request-origin.ts): a state-changing /api request whose Origin (or, without
 * one, Referer) is not the server's own is refused with 403 — JSON and multipart alike, the login included. A request
 * naming no source at all is a non-browser client and passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWorld, type World } from '../services/testing/factories.ts';
import { buildApp } from './app.ts';
import { FOREIGN_ORIGIN_MESSAGE, originOf } from './request-origin.ts';
import { createTestApp } from './test-app.ts';

// app.inject sends `Host: localhost:80`, so the server's own origin is http://localhost.
const OWN = 'http://localhost';
const EVIL = 'https://evil.example';
const CSV = [
  'source,source_url,序号,法规规章,违法行为,违则条款,罚则条款,法定处罚幅度,裁量阶次,适用条件,处罚标准,备注',
  '测试基准,,1,《云城市市容条例》,擅自占道经营,《云城市市容条例》第十四条,《云城市市容条例》第三十六条,处五十元以上五百元以下罚款,情节较轻,首次违法的。,处五十元罚款。,',
].join('\n');

let t: Awaited<ReturnType<typeof createTestApp>>;
let w: World;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await newWorld(t.ctx);
  admin = await t.login('admin');
});
afterAll(() => t.close());

function importForm(): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----fazhi-origin-boundary';
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n测试基准\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.csv"\r\nContent-Type: text/csv\r\n\r\n${CSV}\r\n--${boundary}--\r\n`;
  return { payload: Buffer.from(body, 'utf8'), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const rename = (headers: Record<string, string>, displayName = '王磊') =>
  t.app.inject({ method: 'PATCH', url: `/api/users/${w.users.wanglei.id}`, headers: { cookie: admin, ...headers }, payload: { displayName } });

const multipartImport = (headers: Record<string, string>) => {
  const form = importForm();
  return t.app.inject({ method: 'POST', url: '/api/benchmarks/import', headers: { cookie: admin, ...form.headers, ...headers }, payload: form.payload });
};

describe('a state-changing request from another origin is refused (CSRF)', () => {
  it('refuses a cross-origin JSON write with the session cookie', async () => {
    const res = await rename({ origin: EVIL }, '被篡改');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ code: 'FORBIDDEN', message: FOREIGN_ORIGIN_MESSAGE });
    const user = await t.app.inject({ method: 'GET', url: `/api/users/${w.users.wanglei.id}`, headers: { cookie: admin, origin: EVIL } });
    expect(user.json()).toMatchObject({ displayName: '王磊' });
  });

  it('refuses a cross-origin multipart import with the session cookie (SameSite=Lax and the JSON content type do not stop it)', async () => {
    const res = await multipartImport({ origin: EVIL });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ message: FOREIGN_ORIGIN_MESSAGE });
  });

  it('without Origin, checks the Referer: a page of another site is refused, a page of this one accepted', async () => {
    expect((await rename({ referer: `${EVIL}/attack.html` })).statusCode).toBe(403);
    expect((await rename({ referer: `${OWN}/users` })).statusCode).toBe(200);
  });

  it('refuses `Origin: null` (a sandboxed page, or a no-referrer policy) and an origin differing only in scheme or port', async () => {
    for (const origin of ['null', 'https://localhost', 'http://localhost:8080', 'http://localhost.evil.example']) {
      expect((await rename({ origin })).statusCode, origin).toBe(403);
    }
  });

  it('accepts same-origin writes, JSON and multipart', async () => {
    expect((await rename({ origin: OWN }, '王磊')).statusCode).toBe(200);
    const imported = await multipartImport({ origin: OWN });
    expect(imported.statusCode, imported.body).toBe(201);
  });

  it('lets a request naming no source through (a non-browser client: browsers always send Origin cross-origin)', async () => {
    expect((await rename({})).statusCode).toBe(200);
  });

  it('refuses a cross-origin login too (login CSRF), and accepts a same-origin one', async () => {
    const login = (origin: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin }, payload: { username: 'wanglei', password: 'Demo2026' } });
    expect((await login(EVIL)).statusCode).toBe(403);
    expect((await login(OWN)).statusCode).toBe(200);
  });

  it('cannot be passed by spelling the path differently', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/%61pi/users/${w.users.wanglei.id}`, headers: { cookie: admin, origin: EVIL }, payload: { displayName: '被篡改' } });
    expect(res.statusCode).toBe(403);
  });

  it('does not concern reads', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin, origin: EVIL } })).statusCode).toBe(200);
  });
});

describe('the allowed origins of a deployment', () => {
  it('accepts a configured origin, and https://Host when cookies are Secure (TLS ended by a proxy)', async () => {
    const app = await buildApp({
      ctx: t.ctx,
      sessionSecret: 'test-secret-test-secret-test-secret-0123',
      databaseKind: 'pglite',
      allowedOrigins: ['https://fazhi.example.gov.cn'],
      secureCookies: true,
    });
    try {
      const write = (origin: string) => app.inject({ method: 'POST', url: '/api/auth/logout', headers: { host: 'fazhi.internal', origin } });
      // Past the origin check, the anonymous logout is a 401.
      expect((await write('https://fazhi.example.gov.cn')).statusCode).toBe(401);
      expect((await write('https://fazhi.internal')).statusCode).toBe(401);
      expect((await write('http://fazhi.internal')).statusCode).toBe(403);
      expect((await write(EVIL)).statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });

  it('compares origins as browsers serialize them', () => {
    expect(originOf('http://LOCALHOST:80/users?x=1')).toBe('http://localhost');
    expect(originOf('https://fazhi.example:443')).toBe('https://fazhi.example');
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});
