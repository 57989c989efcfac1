import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBenchmarksUrl } from '../domain/discretion/index.ts';
import { idNumberCheckChar } from '../domain/validators/id-number.ts';
import { DEMO_BENCHMARK_NAME, DEMO_INCONSISTENT_PARTY } from '../demo/discretion.ts';
import { createTestApp } from './test-app.ts';
import { allPassedChecklist } from '../domain/cases/legal-review.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let today = '2026-11-16';
const cookies = new Map<string, string>();
const sharedCsv = new URL('../../../shared/data/discretion-benchmarks.csv', import.meta.url);
const csv = readFileSync(existsSync(sharedCsv) ? sharedCsv : bundledBenchmarksUrl);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  t = await createTestApp();
  t.ctx.clock = () => new Date(`${today}T01:00:00Z`); // 09:00 China time on `today`
}, 180_000);
afterAll(() => t.close());

async function as(username: string): Promise<string> {
  const key = `${username}@${today}`;
  if (!cookies.has(key)) cookies.set(key, await t.login(username));
  return cookies.get(key)!;
}

async function call(username: string | null, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<{ status: number; body: Json; raw: Buffer; headers: Json }> {
  const headers = username ? { cookie: await as(username) } : {};
  const res = await t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Json }) });
  const json = (res.headers['content-type'] ?? '').toString().includes('json');
  return { status: res.statusCode, body: json && res.body ? (res.json() as Json) : {}, raw: res.rawPayload, headers: res.headers };
}

async function upload(username: string, fileName: string, data: Buffer, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(data)]), fileName);
  return call(username, 'POST', '/api/benchmarks/import', form);
}

describe('public benchmarks (《行政处罚法》第三十四条)', () => {
  it('lists the published benchmark with its items without logging in, and shows an item with its tiers', async () => {
    const listed = await call(null, 'GET', `/api/public/benchmarks?q=${encodeURIComponent('摆卖')}`);
    expect(listed.status).toBe(200);
    const version = (listed.body.versions as Json[]).find((v) => v.name === DEMO_BENCHMARK_NAME)!;
    expect(version).toMatchObject({ organizationName: '云城市城市管理局', ruleCount: 10, inForce: true, effectiveFrom: '2026-03-01' });
    expect(version).not.toHaveProperty('rejectedCount');
    const item = (version.items as Json[]).find((i) => i.name.startsWith('商场、门店超出门'))!;
    const detail = await call(null, 'GET', `/api/public/benchmarks/items/${item.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.tiers.map((tier: Json) => `${tier.name}：${tier.standard}`)).toEqual(['情节轻微：不予处罚。', '情节较轻：处一千元罚款。', '情节较重：处三千元罚款。', '情节严重：处五千元罚款。']);
    expect(detail.body.citation).toContain('《云城市城市管理行政处罚裁量基准（2026年版）》序号2');
    expect((await call(null, 'GET', '/api/public/benchmarks/items/999999')).body).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/^未找到/) as string });
    const exemptions = await call(null, 'GET', '/api/public/exemptions');
    expect(exemptions.status).toBe(200);
    expect((exemptions.body.lists as Json[])[0]!.items.length).toBeGreaterThan(0);
  });
});

describe('staff: the same-case-same-penalty report and similar cases', () => {
  it('flags exactly the seeded inconsistent demo case', async () => {
    const res = await call('supervisor', 'GET', '/api/discretion/consistency');
    expect(res.status).toBe(200);
    expect(new Set((res.body.flags as Json[]).map((f) => f.caseId)).size).toBe(1);
    const [flag] = res.body.flags as Json[];
    const odd = await call('supervisor', 'GET', `/api/cases/${flag!.caseId}`);
    expect(odd.body.party.name).toBe(DEMO_INCONSISTENT_PARTY);
    expect((res.body.flags as Json[]).map((f) => f.kindLabel).sort()).toEqual(['明显偏离同类案件', '超出裁量基准幅度']);
    expect((await call('wanglei', 'GET', '/api/discretion/consistency')).status).toBe(403);
    expect((await call(null, 'GET', '/api/discretion/consistency')).status).toBe(401);
  });
});

describe('staff: import and export', () => {
  it('imports an uploaded CSV as a new version and reports every rejected row; a bad file imports nothing', async () => {
    const before = (await call('admin.donghu', 'GET', '/api/benchmarks')).body as Json[];
    const ok = await upload('admin.donghu', 'discretion-benchmarks.csv', csv, { name: '东湖区裁量基准（测试导入）', effectiveFrom: '2026-12-01' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.imported).toBeGreaterThanOrEqual(190);
    expect(ok.body).toMatchObject({ status: 'draft', name: '东湖区裁量基准（测试导入）', effectiveFrom: '2026-12-01', format: 'csv' });
    expect(ok.body).not.toHaveProperty('publishedOn');
    expect((ok.body.rejected as Json[]).length).toBeGreaterThan(0);
    expect((ok.body.rejected as Json[]).every((r) => r.row > 0 && /[\u4e00-\u9fa5]/.test(r.reason))).toBe(true);
    const bad = await upload('admin.donghu', 'scan.pdf', Buffer.from('%PDF-1.7\n\0\0'));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^无法读取文件 scan\.pdf/);
    expect((await upload('wanglei', 'discretion-benchmarks.csv', csv)).status).toBe(403);
    const after = (await call('admin.donghu', 'GET', '/api/benchmarks')).body as Json[];
    expect(after.length).toBe(before.length + 1);
    const exported = await call('admin.donghu', 'GET', `/api/benchmarks/${ok.body.versionId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect(exported.raw.subarray(0, 2).toString()).toBe('PK');
    expect((await call('admin.donghu', 'GET', `/api/benchmarks/${ok.body.versionId}/items?q=${encodeURIComponent('摆卖')}`)).body.length).toBeGreaterThan(0);
  });
});

describe('staff: drafts, confirmation, withdrawal and the template (issue 15)', () => {
  it('an import is a draft with its diff; the head confirms it with a date; it can be withdrawn; a draft discarded', async () => {
    const draft = await upload('admin.donghu', 'discretion-benchmarks.csv', csv, { name: '东湖区裁量基准（草稿）', effectiveFrom: '2026-12-01' });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body.diff).toMatchObject({ base: null, removed: [], changed: [] });
    expect((draft.body.preview as Json[]).length).toBeGreaterThan(0);
    const id = draft.body.versionId as number;
    // Officers see no draft; the head sees it and its diff.
    expect(((await call('wanglei', 'GET', '/api/benchmarks')).body as Json[]).some((v) => v.id === id)).toBe(false);
    expect(((await call('head.donghu', 'GET', '/api/benchmarks')).body as Json[]).find((v) => v.id === id)).toMatchObject({ state: 'draft', stateLabel: '草稿', publishedOn: null });
    expect((await call('head.donghu', 'GET', `/api/benchmarks/${id}/diff`)).body).toEqual(draft.body.diff);
    expect((await call('wanglei', 'GET', `/api/benchmarks/${id}/diff`)).status).toBe(403);
    // Who confirms: the head of the unit, with a date not before today.
    expect((await call('admin.donghu', 'POST', `/api/benchmarks/${id}/confirm`, { effectiveFrom: '2026-12-01' })).status).toBe(403);
    expect((await call('head.xishan', 'POST', `/api/benchmarks/${id}/confirm`, { effectiveFrom: '2026-12-01' })).status).toBe(404);
    const past = await call('head.donghu', 'POST', `/api/benchmarks/${id}/confirm`, { effectiveFrom: '2026-11-15' });
    expect(past.status).toBe(422);
    expect(past.body.message).toContain('第三十四条');
    expect((await call('head.donghu', 'POST', `/api/benchmarks/${id}/confirm`, {})).body.message).toContain('请选择施行日期');
    const confirmed = await call('head.donghu', 'POST', `/api/benchmarks/${id}/confirm`, { effectiveFrom: '2026-12-01' });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', effectiveFrom: '2026-12-01', publishedOn: '2026-12-01' });
    expect(((await call('wanglei', 'GET', '/api/benchmarks')).body as Json[]).find((v) => v.id === id)).toMatchObject({ state: 'scheduled', stateLabel: '待施行' });
    // The portal shows it only from its date.
    expect(((await call(null, 'GET', '/api/public/benchmarks')).body.versions as Json[]).some((v) => v.id === id)).toBe(false);
    // Withdrawn with a reason: it never takes effect.
    expect((await call('head.donghu', 'POST', `/api/benchmarks/${id}/withdraw`, { reason: '' })).status).toBe(400);
    const withdrawn = await call('head.donghu', 'POST', `/api/benchmarks/${id}/withdraw`, { reason: '区局决定暂缓施行本细化标准。' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', effectiveTo: '2026-12-01' });
    expect(((await call('wanglei', 'GET', '/api/benchmarks')).body as Json[]).find((v) => v.id === id)).toMatchObject({ state: 'withdrawn', withdrawalReason: '区局决定暂缓施行本细化标准。' });
    // Another draft, discarded by the admin who imported it.
    const other = await upload('admin.donghu', 'discretion-benchmarks.csv', csv, { name: '东湖区裁量基准（放弃）' });
    expect((await call('wanglei', 'POST', `/api/benchmarks/${other.body.versionId}/discard`)).status).toBe(403);
    expect((await call('admin.donghu', 'POST', `/api/benchmarks/${other.body.versionId}/discard`)).body).toMatchObject({ status: 'discarded' });
    expect((await call('head.donghu', 'POST', `/api/benchmarks/${other.body.versionId}/confirm`, { effectiveFrom: '2026-12-01' })).status).toBe(409);
  });

  it('downloads the import template as XLSX and CSV', async () => {
    const xlsx = await call('admin.donghu', 'GET', '/api/benchmarks/template');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain('裁量基准导入模板.xlsx');
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');
    const csvTemplate = await call('admin.donghu', 'GET', '/api/benchmarks/template?kind=exemption&format=csv');
    expect(csvTemplate.headers['content-type']).toContain('text/csv');
    expect(csvTemplate.raw.toString('utf8')).toContain('source,source_url,序号,事项,依据,免罚类型,适用条件,备注');
    expect((await call('admin.donghu', 'GET', '/api/benchmarks/template?format=doc')).status).toBe(400);
    expect((await call(null, 'GET', '/api/benchmarks/template')).status).toBe(401);
  });
});

describe('staff: the proposal step uses the benchmark', () => {
  let seq = 900;
  const person = (name: string) => {
    const first17 = `53990219900101${String(seq++).padStart(3, '0')}`;
    return { kind: 'person', name, idNumber: `${first17}${idNumberCheckChar(first17)}`, phone: '13812345678', address: '云城市东湖区胜利路5号' };
  };

  async function step(username: string, c: Json, body: Json): Promise<{ status: number; body: Json }> {
    return call(username, 'POST', `/api/cases/${c.id}/transitions`, { expectedVersion: c.version, ...body });
  }

  it('outside the range without a reason: 422 naming the range and the item; with one: accepted and legal review required', async () => {
    today = '2026-11-16';
    const me = await call('wanglei', 'GET', '/api/auth/me');
    const items = (await call('wanglei', 'GET', `/api/organizations/${me.body.organizationId}/power-items`)).body as Json[];
    const shopFront = items.find((i) => i.code === 'YC-002')!;
    const ids = await Promise.all(['wanglei', 'zhaogang'].map(async (u) => (await call(u, 'GET', '/api/auth/me')).body.userId as number));
    let c = (
      await call('wanglei', 'POST', '/api/cases', {
        clueSource: 'patrol',
        title: '涉嫌超出门窗外墙摆卖案',
        facts: '当事人在门店门外人行道摆放货架经营，经责令改正拒不改正。',
        place: '云城市东湖区胜利路5号门前',
        actStartedOn: today,
        actEndedOn: today,
        discoveredOn: today,
        powerItemId: shopFront.id,
        party: person('沈一鸣'),
      })
    ).body;
    c = (await step('head.donghu', c, { action: 'file', officerIds: ids, opinion: '同意立案。' })).body;
    c = (await step('wanglei', c, { action: 'startInvestigation' })).body;
    // A penalty rests on evidence (《行政处罚法》第四十条).
    const evidence = await call('wanglei', 'POST', `/api/cases/${c.id}/evidence`, {
      expectedVersion: c.version,
      kind: 'onSiteRecord',
      title: '现场检查笔录',
      fileName: '现场检查笔录.txt',
      mediaType: 'text/plain',
      contentBase64: Buffer.from('现场检查笔录（测试）：胜利路5号门前摆放货架').toString('base64'),
      collectorIds: ids,
      place: '云城市东湖区胜利路5号门前',
      note: '证明当事人超出门店外墙摆卖的事实',
    });
    expect(evidence.status, JSON.stringify(evidence.body)).toBe(201);
    c = (await call('wanglei', 'GET', `/api/cases/${c.id}`)).body;
    const preview = await call('wanglei', 'POST', `/api/cases/${c.id}/discretion/assess`, { facts: { repeatCountPastYear: 0 }, fineFen: 300_000 });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ assessment: { outcome: 'penalty', tier: { name: '情节较轻' } }, proposal: { accepted: false } });
    expect(preview.body.assessment.explanation).toContain('适用「情节较轻」阶次');
    expect((preview.body.similarCases as Json[]).length).toBeGreaterThan(0);

    const proposal = (reason: string | null) => ({
      action: 'closeInvestigation',
      findings: '当事人超出门店外墙摆卖，经责令改正拒不改正，事实清楚。',
      proposal: { kind: 'penalty', penalty: { kinds: ['fine'], fineFen: 300_000, description: '罚款人民币3000元', basis: shopFront.penaltyProvision, outsideRangeReason: reason } },
      discretionFacts: { repeatCountPastYear: 0 },
    });
    const refused = await step('wanglei', c, proposal(null));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('RULE_VIOLATION');
    expect(refused.body.message).toContain('「商场、门店超出门、窗外墙摆卖、经营不符合规范且拒不改正」「情节较轻」阶次');
    expect(refused.body.message).toContain('裁量基准确定的幅度（1000元至1000元），须书面说明理由');
    const unchanged = await call('wanglei', 'GET', `/api/cases/${c.id}`);
    expect(unchanged.body).toMatchObject({ state: 'investigating', version: c.version });

    const accepted = await step('wanglei', c, proposal('当事人在学校门口摆卖，严重影响学生上下学通行。'));
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    c = accepted.body;
    expect(c.record.proposal.penalty).toMatchObject({ tier: '情节较轻', range: { minFen: 100_000, maxFen: 100_000 }, benchmarkVersion: DEMO_BENCHMARK_NAME });
    c = (await step('wanglei', c, { action: 'notify', service: { method: 'direct', time: '10:00' } })).body;
    c = (await step('wanglei', c, { action: 'recordStatement', waived: true, content: '放弃陈述申辩。' })).body;
    const noReview = await step('head.donghu', c, { action: 'decide' });
    expect(noReview.status).toBe(422);
    expect(noReview.body.message).toContain('处罚超出裁量基准幅度');
    c = (await step('reviewer.donghu', c, { action: 'legalReview', passed: true, opinion: '超出幅度的理由充分，同意。', checklist: allPassedChecklist() })).body;
    const similar = await call('head.donghu', 'GET', `/api/cases/${c.id}/similar-cases`);
    expect(similar.body.cases[0].reasons).toContain('同一违法行为');
    const decided = await step('head.donghu', c, { action: 'decide' });
    expect(decided.status).toBe(200);
    expect(decided.body.record.decision.penalty).toMatchObject({ fineFen: 300_000, tier: '情节较轻', range: { minFen: 100_000, maxFen: 100_000 }, benchmarkVersion: DEMO_BENCHMARK_NAME });
  });
});
