/**
 * The open interface of work orders over HTTP: intake keys (created once-shown, hashed, revoked, audited), Open311
 * GeoReport v2 intake (services, service definitions, requests POST/GET in form and JSON, Open311's error shape),
 * idempotency by the sender's own order number (resent and raced), and the public lookup by number and code.
 */
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRecords, intakeKeys, workOrderLookupCodes, workOrders } from '../db/schema.ts';
import { createTestApp, worldApp } from './test-app.ts';

const t = worldApp();

async function call(user: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: { cookie: await t.login(user) }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.json() };
}

async function newKey(system: string, organizationId = t.w.org.district.id, user = 'admin.donghu'): Promise<string> {
  const res = await call(user, 'POST', '/api/work-orders/intake-keys', { system, channel: 'hotline', organizationId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.secret as string;
}

/** POSTs an Open311 request as a form (as Open311 clients do). */
async function submit(fields: Record<string, string>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
  return { status: res.statusCode, body: res.json() };
}

const form = (key: string, over: Record<string, string> = {}) => ({
  api_key: key,
  service_code: 'matter-06001',
  description: '小区楼顶有人私搭乱建板房。',
  address_string: '云城市东湖区湖滨路56号',
  lat: '25.04',
  long: '102.71',
  last_name: '李',
  first_name: '四',
  phone: '13900139000',
  'attribute[kind]': 'complaint',
  ...over,
});

const orderCount = async () => (await t.ctx.db.select({ n: count() }).from(workOrders))[0]!.n;

describe('intake keys', () => {
  it('an admin creates a key for a sending system, sees it once; only its hash is stored; revoking it is audited and refuses its requests', async () => {
    const created = await call('admin.donghu', 'POST', '/api/work-orders/intake-keys', { system: '东湖区12345热线平台', channel: 'hotline', organizationId: t.w.org.district.id });
    expect(created).toMatchObject({ status: 201, body: { key: { system: '东湖区12345热线平台', channel: { label: '12345热线' }, organization: { name: t.w.org.district.name }, revokedAt: null } } });
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^fz311_[\w-]{43}$/);
    expect(secret.startsWith(created.body.key.prefix)).toBe(true);
    const [stored] = await t.ctx.db.select().from(intakeKeys).where(eq(intakeKeys.id, created.body.key.id));
    expect(JSON.stringify(stored)).not.toContain(secret);
    const list = await call('admin.donghu', 'GET', '/api/work-orders/intake-keys');
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(list.body.map((k: { id: number }) => k.id)).toContain(created.body.key.id);

    expect((await submit(form(secret))).status).toBe(201);
    const revoked = await call('admin.donghu', 'POST', `/api/work-orders/intake-keys/${created.body.key.id}/revoke`);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect(await submit(form(secret))).toEqual({ status: 403, body: [{ code: 403, description: '接口密钥无效或已吊销' }] });
    expect((await call('admin.donghu', 'POST', `/api/work-orders/intake-keys/${created.body.key.id}/revoke`)).status).toBe(409);
    const trail = await t.ctx.db.select().from(auditRecords).where(eq(auditRecords.chain, `intakeKey:${created.body.key.id}`)).orderBy(auditRecords.id);
    expect(trail.map((r) => r.action)).toEqual(['intakeKey.create', 'intakeKey.revoke']);
    expect(JSON.stringify(trail)).not.toContain(secret);
  });

  it('only an admin of the receiving organization (or above) creates keys; another district sees none of them', async () => {
    expect((await call('head.donghu', 'POST', '/api/work-orders/intake-keys', { system: '某系统', channel: 'hotline', organizationId: t.w.org.district.id })).status).toBe(403);
    expect((await call('admin.donghu', 'POST', '/api/work-orders/intake-keys', { system: '某系统', channel: 'hotline', organizationId: t.w.org.otherDistrict.id })).status).toBe(403);
    const bad = await call('admin.donghu', 'POST', '/api/work-orders/intake-keys', { system: 'a', channel: 'fax', organizationId: t.w.org.district.id });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/接入系统名称至少 2 个字/);
    expect(bad.body.message).toMatch(/来源渠道无效/);
    await newKey('东湖区城管APP');
    const unauthenticated = await t.app.inject({ method: 'POST', url: '/api/work-orders/intake-keys', payload: { system: '某系统', channel: 'hotline', organizationId: 1 } });
    expect(unauthenticated.statusCode).toBe(401);
  });
});

describe('Open311 GeoReport v2', () => {
  it('services are the catalog categories with Chinese names; a service definition declares the kind and the sender number', async () => {
    const services = (await t.app.inject({ method: 'GET', url: '/open311/v2/services.json' })).json();
    expect(services).toContainEqual(expect.objectContaining({ service_code: 'matter-06001', service_name: '私搭乱建', metadata: true, type: 'realtime' }));
    expect(services).toContainEqual(expect.objectContaining({ service_code: 'part-01001', service_name: '供水井盖' }));
    const definition = (await t.app.inject({ method: 'GET', url: '/open311/v2/services/matter-06001.json' })).json();
    expect(definition.service_code).toBe('matter-06001');
    expect(definition.attributes.map((a: { code: string; required: boolean }) => [a.code, a.required])).toEqual([
      ['kind', true],
      ['external_number', false],
    ]);
    expect(definition.attributes[0].values).toContainEqual({ key: 'complaint', name: '投诉' });
    const unknown = await t.app.inject({ method: 'GET', url: '/open311/v2/services/matter-99999.json' });
    expect({ status: unknown.statusCode, body: unknown.json() }).toEqual({ status: 400, body: [{ code: 400, description: '未知的管理事项类别编码：99999' }] });
    expect((await t.app.inject({ method: 'GET', url: '/open311/v2/services.xml' })).json()).toEqual([{ code: 404, description: expect.stringContaining('接口不存在') }]);
    expect((await t.app.inject({ method: 'GET', url: '/open311/v2/services/matter-06001.xml' })).json()).toEqual([{ code: 404, description: '仅提供 JSON 格式（请求路径以 .json 结尾）' }]);
  });

  it('a request is registered for the key’s organization and channel, with a lookup code shown once; refusals come in Open311’s shape and write nothing', async () => {
    const key = await newKey('东湖区12345平台');
    const before = await orderCount();
    expect(await submit({ ...form(key), api_key: '' })).toEqual({ status: 401, body: [{ code: 401, description: '缺少 api_key（接入系统的接口密钥）' }] });
    expect((await submit(form('fz311_guessed'))).status).toBe(403);
    const refusals = [
      [{ service_code: 'matter-99999' }, '未知的管理事项类别编码：99999'],
      [{ service_code: 'abc' }, '服务代码 abc 无效'],
      [{ address_string: '' }, '请提供 address_string'],
      [{ phone: '123' }, 'phone：联系电话应为 11 位手机号'],
      [{ 'attribute[kind]': 'praise' }, 'attribute[kind]：诉求类型无效'],
      [{ 'attribute[kind]': '' }, '请提供 attribute[kind]'],
      [{ description: '' }, 'description：请填写诉求内容'],
      [{ lat: '25.04', long: '' }, 'lat 与 long 应同时提供'],
      [{ lat: 'north' }, 'lat 应为数字'],
      [{ first_name: '', last_name: '' }, 'first_name/last_name：诉求人姓名'],
    ] as const;
    for (const [over, message] of refusals) {
      const res = await submit(form(key, over));
      expect(res.status, message).toBe(400);
      expect(res.body).toEqual([{ code: 400, description: expect.stringContaining(message) }]);
    }
    expect(await orderCount()).toBe(before);

    const ok = await submit(form(key, { media_url: 'https://12345.example.cn/p/1.jpg' }));
    expect(ok.status).toBe(201);
    const [receipt] = ok.body;
    expect(receipt).toMatchObject({ service_request_id: expect.stringMatching(/^GD\d{4}\d{7}$/), token: expect.stringMatching(/^[A-HJ-NP-Z2-9]{10}$/), account_id: null });
    expect(receipt.service_notice).toContain(receipt.token);
    const [row] = await t.ctx.db.select().from(workOrders).where(eq(workOrders.number, receipt.service_request_id));
    expect(row).toMatchObject({ organizationId: t.w.org.district.id, channel: 'hotline', kind: 'complaint', categoryCode: '06001', requesterName: '李四', requesterPhone: '13900139000', externalSource: `open311:${t.w.org.district.id}:东湖区12345平台`, registeredBy: null, latitude: 25.04 });
    expect(row!.content).toContain('https://12345.example.cn/p/1.jpg');
    const [code] = await t.ctx.db.select().from(workOrderLookupCodes).where(eq(workOrderLookupCodes.workOrderId, row!.id));
    expect(code!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(code!.codeHash).not.toContain(receipt.token);
    const [audit] = await t.ctx.db.select().from(auditRecords).where(eq(auditRecords.chain, `workOrder:${row!.id}`)).orderBy(auditRecords.id);
    expect(audit).toMatchObject({ action: 'workOrder.register', actorId: null, change: expect.objectContaining({ externalSource: `open311:${t.w.org.district.id}:东湖区12345平台` }) });
    expect(JSON.stringify(audit!.change)).not.toContain(receipt.token);

    // JSON bodies with `attribute: {…}` and without a requester (anonymous) work too.
    const json = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { api_key: key, service_code: 'part-01001', description: '井盖缺失，有人差点踩空。', address_string: '湖滨路与北京路交叉口', attribute: { kind: 'help' } },
    });
    expect(json.statusCode).toBe(201);
    const [anonymous] = await t.ctx.db.select().from(workOrders).where(eq(workOrders.number, json.json()[0].service_request_id));
    expect(anonymous).toMatchObject({ requesterName: null, categoryKind: 'part', kind: 'help' });
  });

  it('a resend with the same sender order number returns the first order, also when the copies race; another system may use the same number', async () => {
    const key = await newKey('东湖区城管通APP');
    const first = await submit(form(key, { 'attribute[external_number]': 'APP-2026-0001' }));
    expect(first.status).toBe(201);
    const before = await orderCount();
    const again = await submit(form(key, { 'attribute[external_number]': 'APP-2026-0001', description: '重复提交的同一工单内容。' }));
    expect(again.status).toBe(201);
    expect(again.body[0]).toMatchObject({ service_request_id: first.body[0].service_request_id, account_id: null });
    expect(again.body[0].token).toBeUndefined();
    expect(again.body[0].service_notice).toContain('重复提交');
    expect(await orderCount()).toBe(before);

    const racing = await Promise.all(Array.from({ length: 5 }, () => submit(form(key, { 'attribute[external_number]': 'APP-2026-0002' }))));
    expect(racing.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(racing.map((r) => r.body[0].service_request_id)).size).toBe(1);
    expect(racing.filter((r) => r.body[0].token !== undefined)).toHaveLength(1);
    expect(await orderCount()).toBe(before + 1);

    const other = await newKey('云城市12345平台', t.w.org.city.id, 'admin');
    const elsewhere = await submit(form(other, { 'attribute[external_number]': 'APP-2026-0001' }));
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body[0].service_request_id).not.toBe(first.body[0].service_request_id);
  });

  it('the unique index of (external_source, external_number) refuses a second row, which keeps racing resends single', async () => {
    const [row] = await t.ctx.db.select().from(workOrders).where(eq(workOrders.externalNumber, 'APP-2026-0002'));
    const { id: _id, number: _number, ...copy } = row!;
    await expect(t.ctx.db.insert(workOrders).values({ ...copy, number: 'GD2026DUPLICATE' })).rejects.toMatchObject({ cause: { code: '23505' } });
  });

  it('GET requests.json and requests/{id}.json answer the sender’s own orders only, filtered by id, status, service and date', async () => {
    const key = await newKey('东湖区数字城管');
    const a = (await submit(form(key, { 'attribute[external_number]': 'SZ-1' }))).body[0].service_request_id as string;
    const b = (await submit(form(key, { 'attribute[external_number]': 'SZ-2', service_code: 'part-01001' }))).body[0].service_request_id as string;
    const get = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url });
      return { status: res.statusCode, body: res.json() };
    };
    const all = await get(`/open311/v2/requests.json?api_key=${key}`);
    expect(all.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([b, a]);
    expect(all.body[1]).toMatchObject({ status: 'open', status_notes: '待派单', service_name: '私搭乱建', service_code: 'matter-06001', address: '云城市东湖区湖滨路56号', lat: 25.04, long: 102.71 });
    expect(JSON.stringify(all.body)).not.toContain('13900139000');
    expect((await get(`/open311/v2/requests.json?api_key=${key}&service_request_id=${a}`)).body).toHaveLength(1);
    expect((await get(`/open311/v2/requests.json?api_key=${key}&service_code=part-01001`)).body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([b]);
    expect((await get(`/open311/v2/requests.json?api_key=${key}&status=closed`)).body).toEqual([]);
    expect((await get(`/open311/v2/requests.json?api_key=${key}&end_date=2020-01-01T00:00:00Z`)).body).toEqual([]);
    expect((await get(`/open311/v2/requests.json?api_key=${key}&start_date=yesterday`))).toEqual({ status: 400, body: [{ code: 400, description: expect.stringContaining('start_date 应为 W3C 格式') }] });
    expect((await get(`/open311/v2/requests/${a}.json?api_key=${key}`)).body).toHaveLength(1);
    const otherKey = await newKey('另一个系统');
    expect((await get(`/open311/v2/requests/${a}.json?api_key=${otherKey}`)).status).toBe(404);
    expect((await get(`/open311/v2/requests.json?api_key=${otherKey}`)).body).toEqual([]);
    expect((await get(`/open311/v2/requests/${a}.json`)).status).toBe(401);
  });
});

describe('public lookup', () => {
  it('the number and the code show the state without personal data; a wrong code answers as an unknown number', async () => {
    const key = await newKey('东湖区12345查询测试');
    const [receipt] = (await submit(form(key))).body;
    const lookup = async (number: string, code: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/public/work-orders/lookup?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}` });
      return { status: res.statusCode, body: res.json(), cache: res.headers['cache-control'] };
    };
    const found = await lookup(receipt.service_request_id, receipt.token.toLowerCase().replace(/(.{5})/, '$1-'));
    expect(found).toMatchObject({ status: 200, cache: 'no-store', body: { number: receipt.service_request_id, state: { key: 'received', label: '待派单' }, categoryName: '私搭乱建', answer: null } });
    expect(Object.keys(found.body).sort()).toEqual(['answer', 'answeredOn', 'categoryName', 'completedOn', 'dueOn', 'number', 'receivedOn', 'state']);
    expect(JSON.stringify(found.body)).not.toMatch(/李四|13900139000|湖滨路/);
    const wrong = await lookup(receipt.service_request_id, 'AAAAAAAAAA');
    const unknown = await lookup('GD20269999999', receipt.token);
    expect(wrong.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.message).toBe('未找到该工单，请核对工单编号和查询码');
    const missing = await lookup('', '');
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/请填写工单编号/);
  });

  it('is limited per address like the other public lookups', async () => {
    const limited = await createTestApp({ demo: false, publicLimits: { actLookupPerAddress: 2 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await limited.app.inject({ method: 'GET', url: '/api/public/work-orders/lookup?number=GD20260000001&code=ABCDEFGHJK' })).statusCode);
      expect(statuses).toEqual([404, 404, 429]);
    } finally {
      await limited.close();
    }
  });
});
