import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCase, newPowerItem, newWorld } from '../services/testing/factories.ts';
import { createTestApp } from './test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  // The demo's district with an item of its own that a case uses, and an item of the city it inherits.
  const w = await newWorld(t.ctx);
  await newPowerItem(t.ctx, w.org.city.id, { code: 'CITY-001' });
  const used = await newPowerItem(t.ctx, w.org.district.id, { code: 'DH-001' });
  await newCase(t.ctx, w, { state: 'clue', powerItemId: used.id });
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
    // Some items are used by cases, and the city's items are listed as inherited.
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
    expect(used, 'an item of the district used by a case').toBeDefined();
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

describe('power list import over HTTP', () => {
  const csv = [
    '事项编码,违法行为,违则,罚则,法定处罚幅度,类别',
    'IMP-001,擅自在城市道路上设置广告牌,《城市市容和环境卫生管理条例》第十一条,《城市市容和环境卫生管理条例》第三十六条,责令限期改正，可并处罚款,户外广告',
    'IMP-002,摆摊,第十四条,第三十六条,罚款,市容',
  ].join('\n');
  const upload = (username: string, fields: Record<string, string>, data = csv) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new TextEncoder().encode(data)]), '权责清单.csv');
    return call(username, 'POST', '/api/power-items/import', form);
  };

  it('imports the good rows of an uploaded list and reports the others by row; refuses what it cannot read', async () => {
    const orgId = await organizationId('admin.donghu');
    const ok = await upload('admin.donghu', { organizationId: String(orgId) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.imported.map((i: Json) => i.code)).toEqual(['IMP-001']);
    expect(ok.body.rejected).toHaveLength(1);
    expect(ok.body.rejected[0].row).toBe(3);
    expect(ok.body.rejected[0].reason).toContain('违法行为名称至少 4 个字');
    // The same file again: every row is now rejected, nothing changes, and the answer says why row by row.
    const again = await upload('admin.donghu', { organizationId: String(orgId) });
    expect(again.status).toBe(400);
    expect(again.body.details.rejected.map((r: Json) => r.row)).toEqual([2, 3]);
    expect((await upload('admin.donghu', {})).body.message).toContain('请选择导入到的单位');
    expect((await upload('reviewer.donghu', { organizationId: String(orgId) })).status).toBe(403);
  });
});
