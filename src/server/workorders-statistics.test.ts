/** Work-order statistics over HTTP: the board's figures and their drill-down for the actor's subtree; bad queries refused in Chinese. */
import { describe, expect, it } from 'vitest';
import { worldApp } from './test-app.ts';

const t = worldApp();

async function call(user: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: { cookie: await t.login(user) }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.json() };
}

describe('work-order statistics over HTTP', () => {
  it('counts a dispatched order for its unit, lists it behind the figure, and keeps another district out', async () => {
    const { w } = t;
    const created = await call('head.donghu', 'POST', '/api/work-orders', {
      organizationId: w.org.district.id,
      channel: 'hotline',
      kind: 'complaint',
      category: { kind: 'matter', code: '09006' },
      content: '菜市场门口占道经营。',
      address: '云城市东湖区解放路27号',
      requester: { name: '李四', phone: '13900139000' },
    });
    expect(created.status).toBe(201);
    const dispatched = await call('head.donghu', 'POST', `/api/work-orders/${created.body.id}/transitions`, { expectedVersion: created.body.version, action: 'dispatch', unitId: w.org.brigade.id });
    expect(dispatched.status).toBe(200);

    const board = await call('head.donghu', 'GET', '/api/work-orders/statistics?groupBy=unit');
    expect(board.status).toBe(200);
    expect(board.body.totals).toMatchObject({ received: 1, dispatched: 1, returned: 0, due: 0, onTimeRate: null });
    expect(board.body.groups).toEqual([expect.objectContaining({ key: String(w.org.brigade.id), label: w.org.brigade.name, received: 1 })]);
    expect(board.body.hotSpots.categories).toEqual([{ key: 'matter:09006', label: '占道经营', count: 1 }]);

    const behind = await call('head.donghu', 'GET', `/api/work-orders/statistics/orders?groupBy=unit&key=${w.org.brigade.id}&measure=dispatched`);
    expect(behind.body).toMatchObject({ total: 1, items: [{ id: created.body.id, unitName: w.org.brigade.name, categoryName: '占道经营' }] });

    expect((await call('head.xishan', 'GET', '/api/work-orders/statistics')).body.totals.received).toBe(0);
    expect((await call('head.xishan', 'GET', '/api/work-orders/statistics/orders?measure=received')).body.total).toBe(0);
  });

  it('refuses a reversed period and an unknown grouping or figure in Chinese', async () => {
    const reversed = await call('head.donghu', 'GET', '/api/work-orders/statistics?from=2026-05-01&to=2026-04-01');
    expect(reversed).toMatchObject({ status: 400, body: { message: '起始日期 2026-05-01 晚于截止日期 2026-04-01' } });
    const grouping = await call('head.donghu', 'GET', '/api/work-orders/statistics?groupBy=street');
    expect(grouping.status).toBe(400);
    expect(grouping.body.message).toContain('分组方式');
    const measure = await call('head.donghu', 'GET', '/api/work-orders/statistics/orders?measure=speed');
    expect(measure.status).toBe(400);
    expect(measure.body.message).toContain('统计项无效');
  });
});
