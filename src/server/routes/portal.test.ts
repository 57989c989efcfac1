import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWorld } from '../../services/testing/factories.ts';
import { createTestApp } from '../test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  // The demo's organizations and users (with their certificates), without its cases.
  await newWorld(t.ctx);
});
afterAll(() => t.close());

describe('portal: 事前公开 without login (国办发〔2018〕118号)', () => {
  it('lists enforcement bodies with credit codes, without logging in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/bodies' });
    expect(res.statusCode).toBe(200);
    const bodies = res.json() as { name: string; kindName: string; creditCode: string | null }[];
    expect(bodies.find((b) => b.name === '东湖区城市管理综合行政执法大队')).toMatchObject({ kindName: '执法大队', creditCode: expect.stringMatching(/^[0-9A-Z]{18}$/) });
  });

  it('publishes officers by name and certificate number only — never a phone or username', async () => {
    const admin = await t.login('admin');
    const users = (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } })).json() as { id: number; username: string }[];
    const wanglei = users.find((u) => u.username === 'wanglei')!;
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/users/${wanglei.id}`, headers: { cookie: admin }, payload: { phone: '13912345678' } });
    expect(patched.statusCode).toBe(200);

    const res = await t.app.inject({ method: 'GET', url: '/api/public/officers?q=王磊' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [{ name: '王磊', certificateNo: '53990219000201', validUntil: '2028-12-31', valid: expect.any(Boolean), bodyId: expect.any(Number), bodyName: '东湖区城市管理综合行政执法大队' }],
      total: 1,
    });
    const all = (await t.app.inject({ method: 'GET', url: '/api/public/officers?limit=100' })).body;
    expect(all).not.toContain('13912345678');
    for (const u of users) expect(all).not.toContain(`"${u.username}"`);
  });

  it('pages the officers (issue 16 item 7): the pages in order make the whole list; a page over 100 is refused in Chinese', async () => {
    const get = async (query: string) => (await t.app.inject({ method: 'GET', url: `/api/public/officers${query}` })).json() as { items: { certificateNo: string; bodyId: number }[]; total: number };
    const whole = await get('?limit=100');
    expect(whole.total).toBe(whole.items.length);
    expect(whole.total).toBeGreaterThan(3);
    const pages = [await get('?limit=2'), await get('?limit=2&offset=2')];
    expect(pages.map((p) => p.total)).toEqual([whole.total, whole.total]);
    expect(pages.flatMap((p) => p.items)).toEqual(whole.items.slice(0, 4));
    // The default page holds 20; past the end a page is empty and still says how many there are.
    expect((await get('')).items).toHaveLength(Math.min(20, whole.total));
    expect(await get(`?offset=${whole.total}`)).toEqual({ items: [], total: whole.total });
    // The same officers as the unpaged service, with the body filter applied before paging.
    const body = whole.items[0]!.bodyId;
    expect((await get(`?bodyId=${body}&limit=100`)).items).toEqual(whole.items.filter((o) => o.bodyId === body));
    const tooMany = await t.app.inject({ method: 'GET', url: '/api/public/officers?limit=101' });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('每页最多 100 条') });
  });

  it('refuses an over-long query with a Chinese validation error', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/officers?q=${'长'.repeat(41)}` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('不超过 40 个字') });
  });
});
