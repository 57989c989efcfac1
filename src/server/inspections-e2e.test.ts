/**
 * Acceptance of issue 18 over HTTP, end to end: a patrol → a problem with its photo → 责令整改 → 复查 not yet → 复查
 * rectified → the patrol finished; an inspection → its record → referred → a clue of the case engine; a 双随机 plan →
 * seed → draw, whose public proof re-runs to the same result, and whose pool digest changes with one subject.
 */
import { describe, expect, it } from 'vitest';
import { sm3 } from '../domain/audit/digest.ts';
import { poolDigest } from '../domain/inspections/draw.ts';
import { type DrawProof, drawSubjects, verifyProof } from '../domain/inspections/plan.ts';
import { creditCodeCheckChar } from '../domain/validators/credit-code.ts';
import { worldApp } from './test-app.ts';

const t = worldApp();
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const chinaDay = (plusDays = 0) => new Date(Date.now() + 8 * 3600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
const creditCode = (n: number) => {
  const first17 = `91539902MA6P${String(n).padStart(5, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

async function call(user: string | null, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<{ status: number; body: Json }> {
  const res = await t.app.inject({ method, url, headers: user ? { cookie: await t.login(user) } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.json() as Json };
}
async function ok(user: string, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<Json> {
  const res = await call(user, method, url, payload);
  expect(res.status, `${user} ${method} ${url}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

describe('patrols, inspections and 双随机 over HTTP', () => {
  it('patrol → problem (photo, SM3) → rectification → re-inspection not yet → rectified → patrol finished', async () => {
    const { w } = t;
    let patrol = await ok('head.donghu', 'POST', '/api/patrols', { organizationId: w.org.brigade.id, area: '湖滨片区', route: '湖滨路—解放路—东湖广场', plannedOn: chinaDay(), officerIds: [w.users.wanglei.id, w.users.zhaogang.id] });
    patrol = await ok('wanglei', 'POST', `/api/patrols/${patrol.id}/transitions`, { expectedVersion: patrol.version, action: 'start' });
    expect(patrol.state).toEqual({ key: 'underway', label: '巡查中' });
    let problem = await ok('wanglei', 'POST', `/api/patrols/${patrol.id}/problems`, { category: { kind: 'matter', code: '09006' }, place: '湖滨路12号', description: '店主占用人行道摆卖水果' });
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const form = new FormData();
    form.append('file', new Blob([photo], { type: 'image/jpeg' }), '占道.jpg');
    const request = new Request('http://x', { method: 'POST', body: form });
    const uploaded = await t.app.inject({ method: 'POST', url: `/api/patrol-problems/${problem.id}/photos`, headers: { cookie: await t.login('zhaogang'), 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json().photos[0]).toMatchObject({ seq: 1, digest: sm3(photo) });
    const download = await t.app.inject({ method: 'GET', url: `/api/patrol-problems/${problem.id}/photos/1/file`, headers: { cookie: await t.login('head.donghu') } });
    expect(download.rawPayload.equals(photo)).toBe(true);
    problem = uploaded.json();
    const step = async (user: string, body: Record<string, unknown>) => (problem = await ok(user, 'POST', `/api/patrol-problems/${problem.id}/transitions`, { expectedVersion: problem.version, ...body }));
    const early = await call('wanglei', 'POST', `/api/patrol-problems/${problem.id}/transitions`, { expectedVersion: problem.version, action: 'orderRectification', dueOn: chinaDay(), requirement: '清理占道物品' });
    expect(early.status).toBe(400);
    await step('wanglei', { action: 'orderRectification', dueOn: chinaDay(7), requirement: '清理占道物品，退回店内经营' });
    expect(problem).toMatchObject({ state: { key: 'rectifying' }, dueOn: chinaDay(7) });
    await step('zhaogang', { action: 'verify', rectified: false, note: '仍有货架占道', dueOn: chinaDay(10) });
    expect(problem).toMatchObject({ state: { key: 'rectifying' }, dueOn: chinaDay(10) });
    await step('zhaogang', { action: 'verify', rectified: true, note: '已全部清理' });
    expect(problem).toMatchObject({ state: { key: 'rectified', label: '已整改' }, dueOn: null });
    patrol = await ok('wanglei', 'POST', `/api/patrols/${patrol.id}/transitions`, { expectedVersion: patrol.version, action: 'finish', summary: '巡查湖滨片区，发现占道经营 1 处，已整改' });
    expect(patrol).toMatchObject({ state: { key: 'finished' }, problems: [{ id: problem.id, state: { key: 'rectified' } }] });
    expect((await ok('head.donghu', 'GET', '/api/patrols')).items.map((p: Json) => p.id)).toContain(patrol.id);
    // The unit's filter comes as a query string (text), as the web sends it.
    expect((await ok('head.donghu', 'GET', `/api/patrols?organizationId=${w.org.brigade.id}`)).items.map((p: Json) => p.id)).toContain(patrol.id);
  });

  it('an inspection → record (责令整改) → referred → a clue of the case engine, naming the enterprise', async () => {
    const { w } = t;
    const item = await ok('head.donghu', 'POST', `/api/organizations/${w.org.district.id}/inspection-items`, { code: 'E2E-01', name: '户外广告设施设置检查', basis: '《城市市容和环境卫生管理条例》第十一条', subjectKinds: ['enterprise'], method: 'onSite', yearlyCap: null, random: true });
    await ok('head.donghu', 'POST', `/api/inspection-items/${item.id}/publish`, { publishedOn: chinaDay() });
    const subject = await ok('wanglei', 'POST', `/api/organizations/${w.org.district.id}/inspection-subjects`, { name: '云城市鑫源商贸有限公司', creditCode: creditCode(1), kind: 'enterprise', address: '云城市东湖区湖滨路8号', category: '商贸', riskClass: 'B' });
    let i = await ok('wanglei', 'POST', '/api/inspections', { organizationId: w.org.brigade.id, subjectId: subject.id, itemId: item.id, trigger: 'planned', method: 'onSite', officerIds: [w.users.wanglei.id, w.users.zhaogang.id] });
    const step = async (user: string, body: Record<string, unknown>) => (i = await ok(user, 'POST', `/api/inspections/${i.id}/transitions`, { expectedVersion: i.version, ...body }));
    await step('wanglei', { action: 'issueCode' });
    await step('wanglei', { action: 'record', findings: '门头广告牌未经审批设置，存在安全隐患', outcome: 'rectify', rectifyDueOn: chinaDay(5) });
    await step('zhaogang', { action: 'refer', reason: '拒不整改，需立案查处' });
    expect(i).toMatchObject({ state: { key: 'referred', label: '已移送立案' }, record: { referral: { reason: '拒不整改，需立案查处', caseId: expect.any(Number) } } });
    const registered = await ok('wanglei', 'GET', `/api/cases/${i.record.referral.caseId}`);
    expect(registered).toMatchObject({ state: 'clue', place: '云城市东湖区湖滨路8号', party: { name: '云城市鑫源商贸有限公司' } });
    expect(JSON.stringify(registered)).toContain(i.number);
  });

  it('双随机: seed published, then the draw; the public proof re-runs to the same subjects; one subject changed changes the digest', async () => {
    const { w } = t;
    const item = await ok('head.donghu', 'POST', `/api/organizations/${w.org.district.id}/inspection-items`, { code: 'E2E-02', name: '建筑垃圾运输单位检查', basis: '《城市建筑垃圾管理规定》第十四条', subjectKinds: ['enterprise'], method: 'onSite', yearlyCap: 1, random: true });
    await ok('head.donghu', 'POST', `/api/inspection-items/${item.id}/publish`, { publishedOn: chinaDay() });
    for (let n = 10; n < 30; n++) await ok('wanglei', 'POST', `/api/organizations/${w.org.district.id}/inspection-subjects`, { name: `东湖区第${n}运输有限公司`, creditCode: creditCode(n), kind: 'enterprise', address: `云城市东湖区工业路${n}号`, category: '运输', riskClass: 'C' });
    let plan = await ok('head.donghu', 'POST', `/api/organizations/${w.org.brigade.id}/inspection-plans`, {
      year: Number(chinaDay().slice(0, 4)),
      name: '建筑垃圾运输单位双随机抽查',
      items: [{ itemId: item.id, rule: { ratioPercent: 10 }, filter: { riskClasses: ['C'] } }],
      officerIds: [w.users['chief.donghu'].id, w.users.wanglei.id, w.users.zhaogang.id],
    });
    const before = await call(null, 'GET', `/api/public/draws/${plan.id}`);
    expect(before.status).toBe(404);
    plan = await ok('head.donghu', 'POST', `/api/inspection-plans/${plan.id}/seed`, { expectedVersion: plan.version });
    expect((await call(null, 'GET', `/api/public/draws/${plan.id}`)).body).toMatchObject({ seed: plan.seed, proof: null });
    await new Promise((resolve) => setTimeout(resolve, 5));
    plan = await ok('head.donghu', 'POST', `/api/inspection-plans/${plan.id}/draw`, { expectedVersion: plan.version });
    expect(plan.drawn).toHaveLength(2);

    const published = (await call(null, 'GET', `/api/public/draws/${plan.id}`)).body;
    expect(published).toMatchObject({ algorithm: 'fazhi-draw-v1', seed: plan.seed });
    const proof = published.proof as DrawProof;
    expect(proof.items[0]!.pool).toHaveLength(20);
    expect(proof.items[0]!.poolDigest).toBe(poolDigest(proof.items[0]!.pool));
    // Anyone re-runs it from the published seed and pool and gets the same subjects (and officers).
    expect(drawSubjects(proof.seed, proof.items[0]!.itemCode, proof.items[0]!.pool, proof.items[0]!.rule).drawn).toEqual(plan.drawn.map((d: Json) => d.creditCode));
    expect(verifyProof(proof)).toEqual([]);
    // One subject of the pool changed: another digest, and the proof no longer holds.
    const changed = structuredClone(proof);
    changed.items[0]!.pool[0] = creditCode(99);
    expect(poolDigest(changed.items[0]!.pool.slice().sort())).not.toBe(proof.items[0]!.poolDigest);
    expect(verifyProof(changed).join()).toContain('名录摘要不符');
    expect((await call(null, 'GET', '/api/public/draws')).body).toEqual(expect.arrayContaining([expect.objectContaining({ id: plan.id, drawnCount: 2, publishedCount: 0 })]));
  });
});
