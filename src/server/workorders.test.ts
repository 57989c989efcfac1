/** Work orders over HTTP: the inbox, registration, the loop's steps, refusals in Chinese, other districts kept out. */
import { describe, expect, it } from 'vitest';
import { worldApp } from './test-app.ts';

const t = worldApp();

async function call(user: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: { cookie: await t.login(user) }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.json() };
}

/** A hotline complaint received by 东湖区, with `over` replacing fields. */
const order = (over: Record<string, unknown> = {}) => ({
  organizationId: t.w.org.district.id,
  channel: 'hotline',
  kind: 'complaint',
  category: { kind: 'matter', code: '06001' },
  content: '测试诉求内容',
  address: '测试地点',
  requester: { name: '李四', phone: '13900139000' },
  ...over,
});

describe('work orders over HTTP', () => {
  it('registers a hotline order, dispatches it, the unit returns it, the head designates another unit which answers and completes it, the desk visits', async () => {
    const { w } = t;
    const categories = await call('clerk', 'GET', '/api/work-orders/categories');
    expect(categories.body.find((c: { code: string; kind: string }) => c.kind === 'matter' && c.code === '06001')).toMatchObject({ name: '私搭乱建' });
    const created = await call('head.donghu', 'POST', '/api/work-orders', order({ content: '小区楼顶有人私搭乱建板房。', address: '云城市东湖区湖滨路56号' }));
    expect(created.status).toBe(201);
    let o = created.body;
    const step = async (user: string, body: Record<string, unknown>) => {
      const res = await call(user, 'POST', `/api/work-orders/${o.id}/transitions`, { expectedVersion: o.version, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      o = res.body;
    };
    await step('head.donghu', { action: 'dispatch', unitId: w.org.brigade.id });
    const inbox = await call('wanglei', 'GET', '/api/work-orders?state=dispatched');
    expect(inbox.body.items.map((i: { id: number }) => i.id)).toContain(o.id);
    await step('wanglei', { action: 'accept' });
    await step('wanglei', { action: 'return', reason: '该小区属南湖街道辖区。' });
    await step('head.donghu', { action: 'resolveDispute', unitId: w.org.town.id, opinion: '指定南湖街道办理。' });
    await step('zhengyu', { action: 'accept' });
    const refused = await call('zhengyu', 'POST', `/api/work-orders/${o.id}/transitions`, { expectedVersion: o.version, action: 'return', reason: '不属于本单位职责' });
    expect(refused).toMatchObject({ status: 422, body: { code: 'RULE_VIOLATION', details: { article: expect.stringContaining('第二十四条') } } });
    await step('zhengyu', { action: 'answer', method: 'phone', text: '已责令拆除，板房已拆除完毕。' });
    await step('zhengyu', { action: 'complete', result: '板房已拆除' });
    await step('head.donghu', { action: 'visit', satisfaction: 'satisfied' });
    expect(o).toMatchObject({ state: { key: 'closed' }, record: { returns: [{ reason: '该小区属南湖街道辖区。' }], visits: [{ satisfaction: 'satisfied' }] } });
    // Another district sees neither the order nor it in its inbox.
    expect((await call('head.xishan', 'GET', `/api/work-orders/${o.id}`)).status).toBe(404);
    expect((await call('head.xishan', 'GET', '/api/work-orders')).body.items.map((i: { id: number }) => i.id)).not.toContain(o.id);
  });

  it('bad input gets a clear Chinese error and writes nothing', async () => {
    const before = (await call('head.donghu', 'GET', '/api/work-orders')).body.total;
    const bad = await call('head.donghu', 'POST', '/api/work-orders', order({ category: { kind: 'matter', code: '99999' }, requester: { name: '王五', phone: '123' } }));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/联系电话应为 11 位手机号/);
    const unknown = await call('head.donghu', 'POST', '/api/work-orders', order({ category: { kind: 'matter', code: '99999' }, requester: null }));
    expect(unknown).toMatchObject({ status: 400, body: { message: '未知的管理事项类别编码：99999' } });
    expect((await call('head.donghu', 'GET', '/api/work-orders')).body.total).toBe(before);
  });
});
