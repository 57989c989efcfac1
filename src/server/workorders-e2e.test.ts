/**
 * Acceptance of issue 17 over HTTP, end to end: an order sent in by a 12345 platform through the Open311 endpoint is
 * dispatched, returned by the unit (退单), re-dispatched after the dispute review, signed for, answered, completed,
 * visited and rated satisfied (closed) — every step by the user whose step it is — while the requester follows it
 * with the public lookup and the platform with Open311's GET.
 */
import { describe, expect, it } from 'vitest';
import { worldApp } from './test-app.ts';

const t = worldApp();

describe('a work order from the Open311 endpoint to its closing, over HTTP', () => {
  it('Open311 intake → 派单 → 退单 → 派单异议 review → 签收 → 答复 → 办结 → 回访 满意 (closed)', async () => {
    const { w } = t;
    const call = async (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const res = await t.app.inject({ method, url, headers: { cookie: await t.login(user) }, ...(payload === undefined ? {} : { payload: payload as object }) });
      return { status: res.statusCode, body: res.json() };
    };

    // The district's admin issues a key to the city's 12345 platform.
    const keyRes = await call('admin.donghu', 'POST', '/api/work-orders/intake-keys', { system: '云城市12345政务服务便民热线', channel: 'hotline', organizationId: w.org.district.id });
    expect(keyRes.status).toBe(201);
    const key = keyRes.body.secret as string;

    // The platform sends the citizen's complaint in (a form post, as Open311 clients do).
    const sent = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        api_key: key,
        service_code: 'matter-06001',
        description: '小区楼顶有人私搭乱建板房，已持续一周。',
        address_string: '云城市东湖区湖滨路56号',
        last_name: '李',
        first_name: '四',
        phone: '13900139000',
        'attribute[kind]': 'complaint',
        'attribute[external_number]': '12345-20261205-0001',
      }).toString(),
    });
    expect(sent.statusCode).toBe(201);
    const [receipt] = sent.json();
    const number = receipt.service_request_id as string;
    const code = receipt.token as string;

    const lookup = async () => (await t.app.inject({ method: 'GET', url: `/api/public/work-orders/lookup?number=${number}&code=${code}` })).json();
    const platform = async () => (await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${number}.json?api_key=${key}` })).json()[0];
    expect(await lookup()).toMatchObject({ state: { label: '待派单' } });

    // The district's head finds it in the inbox and works it through the loop.
    const inbox = await call('head.donghu', 'GET', '/api/work-orders?state=received');
    const listed = inbox.body.items.find((i: { number: string }) => i.number === number);
    expect(listed).toMatchObject({ channel: { label: '12345热线' }, kind: { label: '投诉' }, categoryName: '私搭乱建' });
    let o = (await call('head.donghu', 'GET', `/api/work-orders/${listed.id}`)).body;
    expect(o.requester).toEqual({ name: '李四', phone: '13900139000' });
    const step = async (user: string, body: Record<string, unknown>) => {
      const res = await call(user, 'POST', `/api/work-orders/${o.id}/transitions`, { expectedVersion: o.version, ...body });
      expect(res.status, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`).toBe(200);
      o = res.body;
    };

    await step('head.donghu', { action: 'dispatch', unitId: w.org.brigade.id });
    expect(o.state.key).toBe('dispatched');
    // Somebody of another district can neither see nor act on it.
    expect((await call('head.xishan', 'POST', `/api/work-orders/${o.id}/transitions`, { expectedVersion: o.version, action: 'accept' })).status).toBe(404);
    // 退单: the brigade returns it as clearly outside its duties, with the reason.
    await step('wanglei', { action: 'return', reason: '该小区属南湖街道辖区，不属本大队职责。' });
    expect(o.state).toEqual({ key: 'disputed', label: '派单异议' });
    expect(await lookup()).toMatchObject({ state: { label: '派单异议' } });
    // The dispute review designates the town's team, which cannot return it again.
    await step('head.donghu', { action: 'resolveDispute', unitId: w.org.town.id, opinion: '经审核，指定南湖街道办理。' });
    expect(o).toMatchObject({ state: { key: 'dispatched' }, unit: { id: w.org.town.id }, designated: true });
    await step('zhengyu', { action: 'accept' });
    expect(o.state.key).toBe('handling');
    const refused = await call('zhengyu', 'POST', `/api/work-orders/${o.id}/transitions`, { expectedVersion: o.version, action: 'return', reason: '不属于本单位职责。' });
    expect(refused).toMatchObject({ status: 422, body: { details: { article: expect.stringContaining('第二十四条') } } });
    // The brigade, no longer holding it, cannot answer it.
    expect((await call('wanglei', 'POST', `/api/work-orders/${o.id}/transitions`, { expectedVersion: o.version, action: 'answer', method: 'phone', text: '已处理。' })).status).toBe(404);
    await step('zhengyu', { action: 'answer', method: 'phone', text: '经核查，板房已责令当事人自行拆除，现已拆除完毕。' });
    expect(await lookup()).toMatchObject({ state: { label: '已答复' }, answer: '经核查，板房已责令当事人自行拆除，现已拆除完毕。' });
    await step('zhengyu', { action: 'complete', result: '违建板房已拆除' });
    expect(await platform()).toMatchObject({ status: 'closed', status_notes: '已办结', agency_responsible: w.org.town.name });
    await step('head.donghu', { action: 'visit', satisfaction: 'satisfied' });

    expect(o).toMatchObject({
      state: { key: 'closed', label: '已关闭' },
      record: {
        dispatches: [{ unitId: w.org.brigade.id }, { unitId: w.org.town.id, action: 'resolveDispute' }],
        returns: [{ reason: '该小区属南湖街道辖区，不属本大队职责。' }],
        answers: [{ method: 'phone' }],
        completion: { result: '违建板房已拆除' },
        visits: [{ satisfaction: 'satisfied' }],
      },
    });
    const seen = await lookup();
    expect(seen).toMatchObject({ number, state: { key: 'closed', label: '已关闭' }, completedOn: expect.any(String), answeredOn: expect.any(String) });
    expect(JSON.stringify(seen)).not.toMatch(/李四|13900139000/);
    // A resend of the same platform order, after all of it, still does not make a new order.
    const resent = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { api_key: key, service_code: 'matter-06001', description: '小区楼顶有人私搭乱建板房。', address_string: '湖滨路56号', attribute: { kind: 'complaint', external_number: '12345-20261205-0001' } },
    });
    expect(resent.json()[0].service_request_id).toBe(number);
  });
});
