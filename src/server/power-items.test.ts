import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
}, 240_000);
afterAll(() => t.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(username: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown): Promise<{ status: number; body: Json }> {
  if (!cookies.has(username)) cookies.set(username, await t.login(username));
  const res = await t.app.inject({ method, url, headers: { cookie: cookies.get(username)! }, ...(payload === undefined ? {} : { payload: payload as Json }) });
  return { status: res.statusCode, body: res.body ? (res.json() as Json) : {} };
}

async function organizationId(username: string): Promise<number> {
  return (await call(username, 'GET', '/api/auth/me')).body.organizationId as number;
}

describe('power list over HTTP', () => {
  it('an admin adds an item, edits it and takes it off the list; the list shows inherited items and case counts', async () => {
    const orgId = await organizationId('admin.donghu');
    const created = await call('admin.donghu', 'POST', '/api/power-items', {
      organizationId: orgId,
      code: 'HTTP-001',
      name: '擅自在街道两侧晾晒、吊挂衣物',
      violatedProvision: '《城市市容和环境卫生管理条例》第十六条',
      penaltyProvision: '《城市市容和环境卫生管理条例》第三十四条第（二）项',
      statutoryRange: '责令纠正违法行为、采取补救措施，可以并处警告、罚款',
      category: '市容环境',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const edited = await call('admin.donghu', 'PATCH', `/api/power-items/${created.body.id}`, { category: '市容秩序' });
    expect(edited.status).toBe(200);
    expect(edited.body.category).toBe('市容秩序');
    const list = (await call('admin.donghu', 'GET', `/api/organizations/${orgId}/power-items`)).body as Json[];
    expect(list.find((i) => i.code === 'HTTP-001')).toMatchObject({ inherited: false, caseCount: 0, category: '市容秩序' });
    // Some demo items are used by demo cases, and the city's items are listed as inherited.
    expect(list.some((i) => i.caseCount > 0)).toBe(true);
    const off = await call('admin.donghu', 'PATCH', `/api/power-items/${created.body.id}`, { active: false });
    expect(off.body.active).toBe(false);
    expect(((await call('admin.donghu', 'GET', `/api/organizations/${orgId}/power-items`)).body as Json[]).some((i) => i.code === 'HTTP-001')).toBe(false);
    const withInactiveRes = await call('admin.donghu', 'GET', `/api/organizations/${orgId}/power-items?includeInactive=true`);
    expect(withInactiveRes.status, JSON.stringify(withInactiveRes.body)).toBe(200);
    const withInactive = withInactiveRes.body as Json[];
    expect(withInactive.find((i) => i.code === 'HTTP-001')?.active).toBe(false);
  });

  it('《行政处罚法》第三十七条: refuses to reword an item cases use (422 with the article), and refuses non-admins', async () => {
    const orgId = await organizationId('admin.donghu');
    const list = (await call('admin.donghu', 'GET', `/api/organizations/${orgId}/power-items`)).body as Json[];
    const used = list.find((i) => i.caseCount > 0 && !i.inherited)!;
    expect(used, 'a demo item of the district used by a case').toBeDefined();
    const reworded = await call('admin.donghu', 'PATCH', `/api/power-items/${used.id}`, { name: `${used.name}（修订）` });
    expect(reworded.status).toBe(422);
    expect(reworded.body.code).toBe('RULE_VIOLATION');
    expect(reworded.body.details.article).toBe('《中华人民共和国行政处罚法》第三十七条');
    const byReviewer = await call('reviewer.donghu', 'PATCH', `/api/power-items/${used.id}`, { active: false });
    expect(byReviewer.status).toBe(403);
    const badBody = await call('admin.donghu', 'PATCH', `/api/power-items/${used.id}`, { code: 'X-1' });
    expect(badBody.status).toBe(400);
    expect(badBody.body.message).toContain('事项编码不可修改');
    // The reviewer reads the list (read-only admin pages).
    expect((await call('reviewer.donghu', 'GET', `/api/organizations/${orgId}/power-items`)).status).toBe(200);
  });
});
