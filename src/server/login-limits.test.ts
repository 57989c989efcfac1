/**
 * Login limits cannot be sidestepped: the per-username counter counts the username as the login compares it
 * (whitespace and case variants share it), and failures are also counted per client address across usernames.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWorld } from '../services/testing/factories.ts';
import { createTestApp } from './test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  // The production address limit (20 failures in 15 minutes), a small per-username one.
  t = await createTestApp({ loginRateLimit: 5, loginAddressLimit: 20, demo: false });
  await newWorld(t.ctx);
});
afterAll(() => t.close());

const attempt = (address: string, username: string, password = 'wrong1234') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: address, payload: { username, password } });

describe('login rate limits', () => {
  it('whitespace and case variants of a username share one counter', async () => {
    const codes: number[] = [];
    for (const username of [' chief.donghu', 'chief.donghu', 'chief.donghu ', 'Chief.Donghu', '\tchief.donghu']) {
      codes.push((await attempt('10.0.0.1', username)).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401]);
    const limited = await attempt('10.0.0.1', 'chief.donghu');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    // The account itself is not locked for its owner elsewhere.
    expect((await attempt('10.0.0.9', 'chief.donghu', 'Demo2026')).statusCode).toBe(200);
  });

  it('many usernames from one address hit the address limit (password spraying)', async () => {
    for (let i = 1; i <= 20; i++) expect((await attempt('10.0.0.2', `guess${i}`)).statusCode).toBe(401);
    const limited = await attempt('10.0.0.2', 'guess21');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', message: '该地址登录失败次数过多，请15分钟后再试' });
    // Even a right password waits from that address; other addresses are not affected.
    expect((await attempt('10.0.0.2', 'wanglei', 'Demo2026')).statusCode).toBe(429);
    expect((await attempt('10.0.0.3', 'wanglei', 'Demo2026')).statusCode).toBe(200);
  });
});
