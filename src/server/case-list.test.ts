/** GET /api/cases with the case-list filter contract (docs/CASES.md "Case list"): the body stays an array, the total comes in x-total-count. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY } from '../demo/cases.ts';
import { createTestApp } from './test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  t.ctx.clock = () => new Date(`${DEMO_TODAY}T01:00:00Z`);
}, 240_000);
afterAll(() => t.close());

type Summary = { id: number; actCode: string; state: string; party: { name: string }; deadlines: { overdue: boolean; dueSoon: boolean }[] };

async function get(username: string, url: string) {
  if (!cookies.has(username)) cookies.set(username, await t.login(username));
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies.get(username)! } });
  return { status: res.statusCode, total: res.headers['x-total-count'], capped: res.headers['x-total-capped'], body: res.json() as unknown };
}

describe('GET /api/cases', () => {
  it('pages the list and tells the total in x-total-count', async () => {
    const all = await get('supervisor', '/api/cases?limit=500');
    const cases = all.body as Summary[];
    expect(all.status).toBe(200);
    expect(Number(all.total)).toBe(cases.length);
    // Counted in full below 1000 matches (list-indexes.test.ts: past it, 1000 and totalCapped).
    expect(all.capped).toBeUndefined();
    const page = await get('supervisor', '/api/cases?limit=3&offset=3');
    expect(page.total).toBe(all.total);
    expect((page.body as Summary[]).map((c) => c.id)).toEqual(cases.slice(3, 6).map((c) => c.id));
  });

  it('applies the filters of the query string together', async () => {
    const overdue = await get('supervisor', '/api/cases?deadline=overdue&state=enforcing&limit=500');
    const rows = overdue.body as Summary[];
    expect(rows.length).toBeGreaterThan(0);
    expect(Number(overdue.total)).toBe(rows.length);
    expect(rows.every((c) => c.state === 'enforcing' && c.deadlines.some((d) => d.overdue))).toBe(true);
    const all = (await get('supervisor', '/api/cases?state=enforcing&limit=500')).body as Summary[];
    expect(rows.length).toBeLessThan(all.length);
    const party = rows[0]!.party.name;
    const found = (await get('supervisor', `/api/cases?q=${encodeURIComponent(party)}`)).body as Summary[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.party.name.includes(party))).toBe(true);
  });

  it('refuses a bad filter with a Chinese message, and a unit outside the subtree as not found', async () => {
    const bad = await get('supervisor', '/api/cases?month=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('月份格式应为 YYYY-MM') });
    const reversed = await get('supervisor', '/api/cases?from=2026-10-01&to=2026-09-01');
    expect(reversed).toMatchObject({ status: 400, body: { message: '起始日期不能晚于截止日期' } });
    const orgs = (await get('head.donghu', '/api/organizations')).body as { id: number; name: string }[];
    const donghuUnit = orgs.find((o) => o.name === '东湖区南湖街道综合行政执法队')!;
    expect(await get('liuyang', `/api/cases?organizationId=${donghuUnit.id}`)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: '未找到该单位' } });
  });
});
