import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWorld } from '../services/testing/factories.ts';
import { createTestApp } from './test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ loginRateLimit: 5, demo: false });
  // Two districts of one city with the demo's organizations and usernames, without its cases.
  await newWorld(t.ctx);
});
afterAll(() => t.close());

const orgId = async (cookie: string, name: string) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/organizations', headers: { cookie } });
  return (res.json() as { id: number; name: string }[]).find((o) => o.name.includes(name))!.id;
};

describe('HTTP basics', () => {
  it('serves /api/health with the database kind and a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('sets security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('describes the API in OpenAPI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/organizations', '/api/users']));
  });

  it('answers unknown routes and bad input with the one error shape, in Chinese', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('接口不存在') });
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });

  it('refuses oversized request bodies', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', message: '请求内容过大' });
  });
});

describe('login and sessions', () => {
  it('logs in with an httpOnly cookie, knows the user, logs out', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'wanglei', password: 'Demo2026' } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'fazhi_session')!;
    expect(cookie.httpOnly).toBe(true);
    const header = `fazhi_session=${cookie.value}`;
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: header } });
    expect(me.json()).toMatchObject({ displayName: '王磊', roles: ['officer'], roleNames: ['执法人员'] });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: header } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: header } })).statusCode).toBe(401);
  });

  it('refuses a wrong password with the same message as an unknown user', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhaogang', password: 'nope12345' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'nope12345' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it('rate-limits repeated logins for one account', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      codes.push((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'liuyang', password: 'wrong1234' } })).statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.at(-1)).toBe(429);
    const limited = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'liuyang', password: 'wrong1234' } });
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('rejects a forged or unsigned session cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'fazhi_session=forged' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('organization scoping through HTTP', () => {
  it('a user of one district cannot read another district’s organizations or users', async () => {
    const donghu = await t.login('head.donghu');
    const admin = await t.login('admin');
    const xishanId = await orgId(admin, '西山区城市管理和综合行政执法局');
    const xishanBrigadeId = await orgId(admin, '西山区城市管理综合行政执法大队');

    const visible = (await t.app.inject({ method: 'GET', url: '/api/organizations', headers: { cookie: donghu } })).json() as { name: string }[];
    expect(visible.map((o) => o.name)).toEqual(expect.arrayContaining(['云城市东湖区城市管理和综合行政执法局', '东湖区南湖街道综合行政执法队']));
    expect(visible.some((o) => o.name.includes('西山'))).toBe(false);
    expect(visible.some((o) => o.name === '云城市城市管理局')).toBe(false);

    const org = await t.app.inject({ method: 'GET', url: `/api/organizations/${xishanId}`, headers: { cookie: donghu } });
    expect(org.statusCode).toBe(404);
    const users = await t.app.inject({ method: 'GET', url: `/api/users?organizationId=${xishanBrigadeId}`, headers: { cookie: donghu } });
    expect(users.statusCode).toBe(404);
    const all = (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: donghu } })).json() as { username: string }[];
    expect(all.map((u) => u.username)).toContain('wanglei');
    expect(all.map((u) => u.username)).not.toContain('liuyang');
  });

  it('the city bureau sees both districts', async () => {
    const supervisor = await t.login('supervisor');
    const all = (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: supervisor } })).json() as { username: string }[];
    expect(all.map((u) => u.username)).toEqual(expect.arrayContaining(['wanglei', 'liuyang']));
  });

  it('a district admin cannot create users in another district, nor change them', async () => {
    const donghuAdmin = await t.login('admin.donghu');
    const admin = await t.login('admin');
    const xishanBrigadeId = await orgId(admin, '西山区城市管理综合行政执法大队');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: donghuAdmin },
      payload: { organizationId: xishanBrigadeId, username: 'intruder', displayName: '张三', password: 'Passw0rd!', roles: ['officer'] },
    });
    expect(res.statusCode).toBe(404);
    const liuyang = (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } })).json().find((u: { username: string }) => u.username === 'liuyang');
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/users/${liuyang.id}`, headers: { cookie: donghuAdmin }, payload: { active: false } });
    expect(patch.statusCode).toBe(404);
  });

  it('an officer cannot create users (role enforced)', async () => {
    const officer = await t.login('zhaogang');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { cookie: officer },
      payload: { name: '新单位', kind: 'squadron', parentId: 1 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('管理员');
  });

  it('requires a login for data', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/organizations' })).statusCode).toBe(401);
  });
});

describe('admin work through HTTP', () => {
  it('creates a squadron and an officer, validating the credit code', async () => {
    const admin = await t.login('admin.donghu');
    const parentId = await orgId(admin, '东湖区城市管理综合行政执法大队');
    const badCode = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { cookie: admin },
      payload: { name: '东湖区执法一中队', kind: 'squadron', parentId, creditCode: '91350100M000100Y44' },
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().message).toContain('统一社会信用代码');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { cookie: admin },
      payload: { name: '东湖区执法一中队', kind: 'squadron', parentId },
    });
    expect(created.statusCode).toBe(201);
    const user = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: {
        organizationId: created.json().id,
        username: 'qianwei',
        displayName: '钱伟',
        password: 'Zhifa2026',
        roles: ['officer'],
        certificateNo: '53990219000401',
        certificateValidUntil: '2028-12-31',
      },
    });
    expect(user.statusCode).toBe(201);
    expect(user.json()).not.toHaveProperty('passwordHash');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'qianwei', password: 'Zhifa2026' } })).statusCode).toBe(200);
  });

  it('computes an Art. 85 deadline with the configured calendar', async () => {
    const officer = await t.login('wanglei');
    const res = await t.app.inject({ method: 'GET', url: '/api/calendar/deadline?from=2026-02-13&period=service', headers: { cookie: officer } });
    expect(res.statusCode).toBe(200);
    // 7 working days after Fri 13 Feb 2026: Sat 14 Feb is a make-up workday (1), 春节 rest 15–23 Feb, 24–27 Feb (2–5),
    // Sat 28 Feb make-up workday (6), Sun 1 Mar rest, Mon 2 Mar (7).
    expect(res.json()).toMatchObject({ kind: 'working', days: 7, deadline: '2026-03-02' });
  });

  it('lets an admin enter next year’s holidays, which then move deadlines', async () => {
    const admin = await t.login('admin');
    const officer = await t.login('wanglei');
    const before = (await t.app.inject({ method: 'GET', url: '/api/calendar/deadline?from=2027-01-29&days=3&kind=working', headers: { cookie: officer } })).json();
    expect(before.uncoveredYears).toContain(2027);
    const put = await t.app.inject({ method: 'PUT', url: '/api/calendar/overrides/2027-02-01', headers: { cookie: admin }, payload: { kind: 'holiday', name: '测试假日' } });
    expect(put.statusCode).toBe(200);
    const after = (await t.app.inject({ method: 'GET', url: '/api/calendar/deadline?from=2027-01-29&days=3&kind=working', headers: { cookie: officer } })).json();
    expect(after.deadline > before.deadline).toBe(true);
    const refused = await t.app.inject({ method: 'PUT', url: '/api/calendar/overrides/2027-02-02', headers: { cookie: officer }, payload: { kind: 'holiday' } });
    expect(refused.statusCode).toBe(403);
  });

  it('verifies the audit trail for a supervisor', async () => {
    const supervisor = await t.login('supervisor');
    const res = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: supervisor } });
    expect(res.json()).toMatchObject({ ok: true, problem: null });
    expect(res.json().records).toBeGreaterThan(20);
  });
});
