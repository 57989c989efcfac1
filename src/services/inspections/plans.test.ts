import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import { poolDigest } from '../../domain/inspections/draw.ts';
import { DRAW_RESULT_BASIS } from '../../domain/inspections/periods.ts';
import { RANDOM_BASIS, verifyProof } from '../../domain/inspections/plan.ts';
import type { PlanView } from '../../domain/inspections/plan-views.ts';
import { refusal } from '../../domain/test-support.ts';
import { creditCodeCheckChar } from '../../domain/validators/credit-code.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { newWorld, type World } from '../testing/factories.ts';
import { verifyAudit } from '../verify-audit.ts';
import { getInspection } from './get-inspection.ts';
import { addInspectionItem, publishInspectionItem } from './items.ts';
import { createPlan, getPlan, publicDraw, publicDraws, publishDrawResult, publishSeed, redrawOfficer, runDraw } from './plans.ts';
import { importSubjects } from './subjects.ts';
import { transitionInspection } from './transition-inspection.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
let now = new Date('2026-09-01T02:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => now };
  w = await newWorld(ctx);
});
afterAll(() => handle.close());

const code = (n: number) => {
  const first17 = `91539902MA6K${String(n).padStart(4, '0')}X`;
  return first17 + creditCodeCheckChar(first17);
};
const item = (over: Record<string, unknown>) => ({ name: '户外广告设施设置检查', basis: '《城市市容和环境卫生管理条例》第十一条', subjectKinds: ['enterprise'], method: 'onSite', yearlyCap: null, random: true, ...over });

describe('双随机: plan, seed, draw, re-draw, results', () => {
  let plan: PlanView;
  let actorOf: (userId: number) => Actor;

  it(`${RANDOM_BASIS}: a plan takes only published 双随机 items and certified officers; the seed is published before the draw`, async () => {
    const head = w.actors['head.donghu'];
    actorOf = (userId) => Object.entries(w.users).map(([name, u]) => (u.id === userId ? w.actors[name as keyof World['actors']] : null)).find((a) => a)!;
    const random = await addInspectionItem(ctx, head, w.org.district.id, item({ code: 'SJ-001' }));
    await publishInspectionItem(ctx, head, random.id, { publishedOn: '2026-09-01' });
    const targeted = await addInspectionItem(ctx, head, w.org.district.id, item({ code: 'SJ-002', random: false }));
    await publishInspectionItem(ctx, head, targeted.id, { publishedOn: '2026-09-01' });
    const draft = await addInspectionItem(ctx, head, w.org.district.id, item({ code: 'SJ-003' }));
    const csv = ['名称,统一社会信用代码,对象类型,地址,行业类别,风险等级', ...Array.from({ length: 12 }, (_, i) => `东湖区第${i + 1}商贸有限公司,${code(i + 1)},企业,云城市东湖区湖滨路${i + 1}号,商贸,${'ABCD'[i % 4]}`)].join('\n');
    expect((await importSubjects(ctx, head, w.org.district.id, 'subjects.csv', new TextEncoder().encode(csv))).added).toBe(12);

    const body = (over: Record<string, unknown> = {}) => ({
      year: 2026,
      name: '2026年度户外广告双随机抽查',
      items: [{ itemId: random.id, rule: { ratioPercent: 20 } }],
      officerIds: [w.users['chief.donghu'].id, w.users.wanglei.id, w.users.zhaogang.id],
      officersPerSubject: 2,
      ...over,
    });
    const notRandom = await refusal(createPlan(ctx, head, w.org.brigade.id, body({ items: [{ itemId: targeted.id, rule: { count: 1 } }] })));
    expect(notRandom).toMatchObject({ code: 'RULE_VIOLATION', details: { article: RANDOM_BASIS } });
    expect(notRandom.message).toContain('未列入“双随机”抽查事项');
    expect((await refusal(createPlan(ctx, head, w.org.brigade.id, body({ items: [{ itemId: draft.id, rule: { count: 1 } }] })))).message).toContain('未在检查事项清单中公布');
    expect((await refusal(createPlan(ctx, head, w.org.brigade.id, body({ officerIds: [w.users.wanglei.id, w.users.sunli.id] })))).message).toContain('孙丽没有有效的行政执法证件');
    expect((await refusal(createPlan(ctx, w.actors.wanglei, w.org.brigade.id, body()))).code).toBe('FORBIDDEN');

    plan = await createPlan(ctx, head, w.org.brigade.id, body());
    expect(plan).toMatchObject({ seed: null, drawnAt: null, proof: null, items: [{ code: 'SJ-001', rule: { ratioPercent: 20 } }] });
    // Not before the seed is public, and not in the same instant.
    const noSeed = await refusal(runDraw(ctx, head, plan.id, { expectedVersion: plan.version }));
    expect(noSeed).toMatchObject({ code: 'RULE_VIOLATION', details: { article: RANDOM_BASIS } });
    expect(noSeed.message).toContain('请先公布抽取种子');
    expect(await publicDraws(ctx.db, undefined)).toEqual([]);
    plan = await publishSeed(ctx, head, plan.id, { expectedVersion: plan.version });
    expect(plan.seed).toMatch(/^[0-9a-f]{32}$/);
    expect((await refusal(publishSeed(ctx, head, plan.id, { expectedVersion: plan.version }))).message).toContain('不能更改');
    expect((await refusal(runDraw(ctx, head, plan.id, { expectedVersion: plan.version }))).message).toContain('抽取须在种子公布之后进行');
    expect(await publicDraw(ctx.db, plan.id)).toMatchObject({ seed: plan.seed, proof: null, drawnAt: null });
  });

  it('the draw: 20 % of the pool (rounded up), two officers each, an inspection per subject; the proof re-runs; a re-draw is recorded', async () => {
    const head = w.actors['head.donghu'];
    now = new Date('2026-09-02T02:00:00Z');
    plan = await runDraw(ctx, head, plan.id, { expectedVersion: plan.version });
    expect(plan.drawn).toHaveLength(3);
    expect(plan.proof!.items[0]!.pool).toHaveLength(12);
    expect(plan.proof!.items[0]!.poolDigest).toBe(poolDigest(Array.from({ length: 12 }, (_, i) => code(i + 1)).sort()));
    for (const d of plan.drawn) {
      expect(d.officers).toHaveLength(2);
      const i = await getInspection(ctx.db, head, d.inspection!.id);
      expect(i).toMatchObject({ trigger: { key: 'random', label: '双随机抽查' }, state: { key: 'registered' }, subject: { creditCode: d.creditCode } });
      expect(i.officers.map((o) => o.userId)).toEqual(d.officers.map((o) => o.userId));
    }
    expect(verifyProof(plan.proof!)).toEqual([]);
    expect((await refusal(runDraw(ctx, head, plan.id, { expectedVersion: plan.version }))).message).toContain('本计划已抽取');

    // A drawn officer declares a conflict of interest: replaced by the next position of the shuffle, recorded in the proof.
    const first = plan.drawn[0]!;
    const setAside = first.officers[0]!;
    plan = await redrawOfficer(ctx, head, plan.id, { itemId: first.itemId, subjectId: first.subjectId, officerId: setAside.userId, reason: '与该企业负责人系近亲属' });
    const after = plan.drawn[0]!;
    expect(after.officers.map((o) => o.userId)).not.toContain(setAside.userId);
    expect(after.officers).toHaveLength(2);
    expect(plan.redraws).toEqual([expect.objectContaining({ setAside: setAside.certificateNo, reason: '与该企业负责人系近亲属', on: '2026-09-02' })]);
    expect(plan.proof!.items[0]!.officers[0]!.setAside).toEqual([setAside.certificateNo]);
    expect(verifyProof(plan.proof!)).toEqual([]);
    expect((await getInspection(ctx.db, head, after.inspection!.id)).officers.map((o) => o.userId)).toEqual(after.officers.map((o) => o.userId));
    // Three in the pool, two drawn, one set aside: nobody is left for a second conflict.
    expect((await refusal(redrawOfficer(ctx, head, plan.id, { itemId: first.itemId, subjectId: first.subjectId, officerId: after.officers[0]!.userId, reason: '另有利害关系' }))).message).toContain('已无可替换的人员');
    // The public proof is the stored one, and re-runs to the same result.
    const published = await publicDraw(ctx.db, plan.id);
    expect(published.proof).toEqual(plan.proof);
    expect(verifyProof(published.proof!)).toEqual([]);
  });

  it(`${DRAW_RESULT_BASIS}: results are published within 20 working days of the inspection's end (2026-09-30 → 2026-11-03, across 国庆) — later only with a reason`, async () => {
    const head = w.actors['head.donghu'];
    now = new Date('2026-09-30T02:00:00Z');
    const ended: number[] = [];
    for (const d of plan.drawn.slice(0, 2)) {
      const officer = actorOf(d.officers[0]!.userId);
      let i = await getInspection(ctx.db, head, d.inspection!.id);
      expect((await refusal(publishDrawResult(ctx, head, plan.id, { inspectionId: i.id }))).message).toContain('尚未记录检查情况');
      i = await transitionInspection(ctx, officer, i.id, { expectedVersion: i.version, action: 'issueCode' });
      i = await transitionInspection(ctx, officer, i.id, { expectedVersion: i.version, action: 'record', findings: '广告设施设置规范，未发现问题', outcome: 'compliant' });
      expect(i.state.key).toBe('closed');
      ended.push(i.id);
    }
    plan = await getPlan(ctx.db, head, plan.id);
    expect(plan.drawn[0]!.resultDueOn).toBe('2026-11-03');
    now = new Date('2026-11-03T02:00:00Z');
    plan = await publishDrawResult(ctx, head, plan.id, { inspectionId: ended[0]! });
    expect(plan.drawn[0]!.result).toEqual({ text: '未发现问题', publishedOn: '2026-11-03', dueOn: '2026-11-03', lateReason: null });
    expect((await refusal(publishDrawResult(ctx, head, plan.id, { inspectionId: ended[0]! }))).message).toContain('已于 2026-11-03 公示');
    now = new Date('2026-11-04T02:00:00Z');
    const late = await refusal(publishDrawResult(ctx, head, plan.id, { inspectionId: ended[1]! }));
    expect(late).toMatchObject({ code: 'RULE_VIOLATION', details: { article: DRAW_RESULT_BASIS } });
    expect(late.message).toContain('20 个工作日内（2026-11-03 前）');
    plan = await publishDrawResult(ctx, head, plan.id, { inspectionId: ended[1]!, lateReason: '系统故障延误公示' });
    expect(plan.drawn[1]!.result).toMatchObject({ publishedOn: '2026-11-04', lateReason: '系统故障延误公示' });
    const open = await publicDraw(ctx.db, plan.id);
    expect(open.results.map((r) => [r.creditCode, r.result])).toEqual(plan.drawn.slice(0, 2).map((d) => [d.creditCode, '未发现问题']));
    expect(await publicDraws(ctx.db, w.org.brigade.id)).toEqual([expect.objectContaining({ id: plan.id, drawnCount: 3, publishedCount: 2 })]);
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });
});
