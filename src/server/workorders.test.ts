/** Work orders over HTTP: the inbox, registration, the loop's steps, refusals in Chinese, other districts kept out. */
import { describe, expect, it } from 'vitest';
import { worldApp } from './test-app.ts';

const t = worldApp();

async function call(user: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
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

  it('the dispatch catalog, the local parameters, a case from the order and a photo of the result, end to end', async () => {
    const { w } = t;
    // The district keeps its parameters: a Chinese refusal writes nothing; a valid change is in force with its source.
    const bad = await call('head.donghu', 'PUT', `/api/organizations/${w.org.district.id}/work-order-settings`, { handlingDays: { complaint: 0 } });
    expect(bad).toMatchObject({ status: 400, body: { message: expect.stringContaining('投诉类工单办理期限不得少于 1 个工作日') } });
    expect((await call('head.donghu', 'GET', `/api/organizations/${w.org.district.id}/work-order-settings`)).body.own).toEqual({});
    const put = await call('head.donghu', 'PUT', `/api/organizations/${w.org.district.id}/work-order-settings`, { handlingDays: { complaint: 12 } });
    expect(put.status).toBe(200);
    expect(put.body.parameters.find((p: { key: string }) => p.key === 'handlingDays.complaint')).toMatchObject({ value: 12, source: '云城市东湖区城市管理和综合行政执法局设置' });
    // 06001 私搭乱建 goes to the brigade by default and is the bureau's own.
    const rule = await call('head.donghu', 'PUT', '/api/work-orders/dispatch-rules', { organizationId: w.org.district.id, category: { kind: 'matter', code: '06001' }, unitId: w.org.brigade.id, reservedToBureau: true });
    expect(rule).toMatchObject({ status: 200, body: { category: { name: '私搭乱建' }, unit: { id: w.org.brigade.id }, reservedToBureau: true } });
    const toTown = await call('head.donghu', 'PUT', '/api/work-orders/dispatch-rules', { organizationId: w.org.district.id, category: { kind: 'matter', code: '06001' }, unitId: w.org.town.id, reservedToBureau: true });
    expect(toTown).toMatchObject({ status: 422, body: { code: 'RULE_VIOLATION', details: { article: '国办函〔2025〕66号' } } });
    expect((await call('wanglei', 'GET', `/api/work-orders/dispatch-rules?organizationId=${w.org.brigade.id}`)).body).toEqual([expect.objectContaining({ inherited: true, unit: { id: w.org.brigade.id, name: expect.any(String) } })]);

    let o = (await call('clerk', 'POST', '/api/work-orders', order({ content: '湖滨路56号楼顶有人私搭乱建板房。', address: '云城市东湖区湖滨路56号' }))).body;
    const step = async (user: string, body: Record<string, unknown>) => {
      const res = await call(user, 'POST', `/api/work-orders/${o.id}/transitions`, { expectedVersion: o.version, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      o = res.body;
    };
    // Dispatched without naming a unit: the catalog's brigade.
    await step('clerk', { action: 'dispatch' });
    expect(o.unit.id).toBe(w.org.brigade.id);
    await step('wanglei', { action: 'accept' });

    // The handler's photo of the result, multipart; listed in the view and downloaded by who sees the order.
    const form = new FormData();
    form.append('purpose', 'result');
    form.append('file', new Blob([Buffer.from('PNG bytes of the result')], { type: 'image/png' }), '拆除后.png');
    const encoded = new Response(form);
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/work-orders/${o.id}/attachments`,
      headers: { cookie: await t.login('wanglei'), 'content-type': encoded.headers.get('content-type')! },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = upload.json().attachments[0];
    expect(file).toMatchObject({ seq: 1, purpose: { key: 'result', label: '办理结果' }, fileName: '拆除后.png', mediaType: 'image/png', digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const download = await t.app.inject({ method: 'GET', url: file.href, headers: { cookie: await t.login('head.donghu') } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.body).toBe('PNG bytes of the result');
    expect((await t.app.inject({ method: 'GET', url: file.href, headers: { cookie: await t.login('head.xishan') } })).statusCode).toBe(404);

    // To a case: the order shows the case's act code, state and link; a second is refused with the first's number.
    const toCase = await call('wanglei', 'POST', `/api/work-orders/${o.id}/case`, { expectedVersion: o.version, title: '涉嫌擅自搭建建筑物案' });
    expect(toCase.status, JSON.stringify(toCase.body)).toBe(201);
    o = toCase.body;
    expect(o.case).toMatchObject({ state: { key: 'clue' }, href: `/cases/${o.case.id}` });
    const c = (await call('wanglei', 'GET', `/api/cases/${o.case.id}`)).body;
    expect(c).toMatchObject({ actCode: o.case.actCode, facts: '湖滨路56号楼顶有人私搭乱建板房。', place: '云城市东湖区湖滨路56号' });
    const again = await call('wanglei', 'POST', `/api/work-orders/${o.id}/case`, { expectedVersion: o.version, title: '涉嫌擅自搭建建筑物案' });
    expect(again).toMatchObject({ status: 400, body: { message: `本工单已登记为案件线索（行政行为码 ${o.case.actCode}），一个工单只能转为一个案件` } });
  });
});

