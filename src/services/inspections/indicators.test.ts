/**
 * The patrol and inspection indicators on a small hand-made world, every figure counted by hand below.
 * Inspections through the services; patrols, their problems and the 双随机 plans written to their tables.
 *   东湖 I1  coded 2026-03-02 (王磊, 赵刚), 责令整改 → 复查整改到位 03-17 → closed
 *   东湖 I2  coded 2026-04-01 (王磊, 赵刚, 李卫东), 未发现问题
 *   东湖 I3  registered 2026-04-01, cancelled — counts nowhere
 *   东湖 I4  coded 2026-05-06 (王磊, 赵刚), 移送立案
 *   东湖 I5  coded 2026-05-06 (王磊, 赵刚), 责令整改, still rectifying
 *   东湖 P1  brigade patrol set out 2026-03-10 (王磊, 赵刚): problems Q1 rectified, Q2 referred, Q3 found (not yet ordered)
 *   东湖 P2  town patrol planned 2026-06-01, not set out — counts nowhere
 *   东湖 P3  town patrol set out 2025-12-31 16:30 UTC = 2026-01-01 00:30 China time (郑宇, 冯洁): counts in 2026
 *   西山 P4  patrol set out 2026-03-10 (刘洋, 杨帆): problem Q4 rectified — another district
 *   plans: 东湖 2026 {CG-001, CG-002}, brigade 2026 {CG-001}, 西山 2026 {XS-001}, 东湖 2025 {CG-003}
 * 东湖 2026: inspections P1 P3 I1 I2 I4 I5 = 6; staff trips 2+2+2+3+2+2 = 13; issues Q1 Q2 Q3 I1 I4 I5 = 6;
 *   rectification: not referred Q1 Q3 I1 I5 = 4, rectified Q1 I1 = 2 → 50 %; random items CG-001 CG-002 = 2.
 * Everything 2026: 7 inspections, 15 trips, 7 issues, 3 of 5 = 60 %, 3 items.
 * 东湖 2025: no patrol or inspection (P3 is planned on 2026-01-01) → null; one plan → 1 item. 2024: all null.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import type { InspectionView } from '../../domain/inspections/views.ts';
import { creditCodeCheckChar } from '../../domain/validators/credit-code.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { inspectionPlans, patrolProblems, patrols } from '../../db/schema.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { drillDownMismatch } from '../kernel/indicators.ts';
import { newWorld, type World } from '../testing/factories.ts';
import { inspectionIndicators } from './indicators.ts';
import { addInspectionItem, publishInspectionItem } from './items.ts';
import { registerInspection } from './register-inspection.ts';
import { addSubject } from './subjects.ts';
import { transitionInspection } from './transition-inspection.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
let today = '2026-03-02';
const ids: Record<string, number> = {};

const code = (first17: string) => first17 + creditCodeCheckChar(first17);
const item = (itemCode: string, name: string) => ({ code: itemCode, name, basis: '《城市市容和环境卫生管理条例》第十一条', subjectKinds: ['enterprise'], method: 'onSite', yearlyCap: null, random: true });

async function inspection(name: string, on: string, officerIds: number[], subjectId: number, itemId: number, then: (step: (a: Actor, b: Record<string, unknown>) => Promise<void>) => Promise<void>) {
  today = on;
  let i: InspectionView = await registerInspection(ctx, w.actors.wanglei, { organizationId: w.org.brigade.id, subjectId, itemId, trigger: 'planned', method: 'onSite', officerIds });
  ids[name] = i.id;
  const step = async (actor: Actor, body: Record<string, unknown>) => {
    i = await transitionInspection(ctx, actor, i.id, { expectedVersion: i.version, ...body });
  };
  await then(step);
}

async function patrol(name: string, organizationId: number, plannedOn: string, officerIds: number[], startedAt: string | null, problems: { name: string; state: string }[] = []) {
  const [p] = await ctx.db
    .insert(patrols)
    .values({ organizationId, area: `${name}片区`, route: `${name}路线`, plannedOn, officerIds, state: startedAt ? 'finished' : 'planned', startedAt: startedAt ? new Date(startedAt) : null, finishedAt: startedAt ? new Date(new Date(startedAt).getTime() + 3_600_000) : null, lastActedOn: plannedOn, record: {} })
    .returning();
  ids[name] = p!.id;
  for (const q of problems) {
    const [row] = await ctx.db
      .insert(patrolProblems)
      .values({ patrolId: p!.id, organizationId, categoryKind: 'part', categoryCode: '01001', place: `${q.name}处`, description: `${q.name}：占道经营`, state: q.state, foundOn: plannedOn, lastActedOn: plannedOn, record: {} })
      .returning();
    ids[q.name] = row!.id;
  }
}

async function plan(organizationId: number, year: number, itemIds: number[], createdAt: string) {
  await ctx.db.insert(inspectionPlans).values({
    organizationId,
    year,
    name: `${year}年度双随机抽查计划`,
    plan: { year, name: '计划', items: itemIds.map((itemId) => ({ itemId, rule: { count: 1 }, filter: { kinds: [], riskClasses: [], categories: [] } })), officerIds: [], officersPerSubject: 2 },
    createdAt: new Date(createdAt),
  });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(`${today}T02:00:00Z`) };
  w = await newWorld(ctx);
  const head = w.actors['head.donghu'];
  const [cg1, cg2, cg3] = [await addInspectionItem(ctx, head, w.org.district.id, item('CG-001', '户外广告设施设置检查')), await addInspectionItem(ctx, head, w.org.district.id, item('CG-002', '门前三包责任落实检查')), await addInspectionItem(ctx, head, w.org.district.id, item('CG-003', '渣土运输检查'))];
  const xs1 = await addInspectionItem(ctx, w.actors['head.xishan'], w.org.otherDistrict.id, item('XS-001', '西山区广告检查'));
  await publishInspectionItem(ctx, head, cg1!.id, { publishedOn: '2026-03-02' });
  const s = await addSubject(ctx, w.actors.wanglei, w.org.district.id, { name: '云城市鑫源商贸有限公司', creditCode: code('91539902MA6K0AAA1'), kind: 'enterprise', address: '云城市东湖区湖滨路8号', category: '商贸', riskClass: 'B' });
  const two = [w.users.wanglei.id, w.users.zhaogang.id];
  const three = [...two, w.users['chief.donghu'].id];
  await inspection('I1', '2026-03-02', two, s.id, cg1!.id, async (step) => {
    await step(w.actors.wanglei, { action: 'issueCode' });
    await step(w.actors.wanglei, { action: 'record', findings: '门头广告牌未经审批设置', outcome: 'rectify', rectifyDueOn: '2026-03-16' });
    today = '2026-03-17';
    await step(w.actors.zhaogang, { action: 'reinspect', rectified: true, note: '广告牌已拆除' });
  });
  await inspection('I2', '2026-04-01', three, s.id, cg1!.id, async (step) => {
    await step(w.actors.wanglei, { action: 'issueCode' });
    await step(w.actors.wanglei, { action: 'record', findings: '广告设施符合审批内容', outcome: 'compliant' });
  });
  await inspection('I3', '2026-04-01', two, s.id, cg1!.id, (step) => step(head, { action: 'cancel', reason: '计划调整' }));
  await inspection('I4', '2026-05-06', two, s.id, cg1!.id, async (step) => {
    await step(w.actors.wanglei, { action: 'issueCode' });
    await step(w.actors.wanglei, { action: 'record', findings: '擅自设置大型户外广告', outcome: 'refer' });
  });
  await inspection('I5', '2026-05-06', two, s.id, cg1!.id, async (step) => {
    await step(w.actors.wanglei, { action: 'issueCode' });
    await step(w.actors.wanglei, { action: 'record', findings: '广告牌破损', outcome: 'rectify', rectifyDueOn: '2026-05-20' });
  });
  await patrol('P1', w.org.brigade.id, '2026-03-10', two, '2026-03-10T01:00:00Z', [
    { name: 'Q1', state: 'rectified' },
    { name: 'Q2', state: 'referred' },
    { name: 'Q3', state: 'found' },
  ]);
  await patrol('P2', w.org.town.id, '2026-06-01', [w.users.zhengyu.id, w.users.fengjie.id], null);
  await patrol('P3', w.org.town.id, '2026-01-01', [w.users.zhengyu.id, w.users.fengjie.id], '2025-12-31T16:30:00Z');
  await patrol('P4', w.org.otherBrigade.id, '2026-03-10', [w.users.liuyang.id, w.users['head.xishan'].id], '2026-03-10T01:00:00Z', [{ name: 'Q4', state: 'rectified' }]);
  await plan(w.org.district.id, 2026, [cg1!.id, cg2!.id], '2026-02-10T02:00:00Z');
  await plan(w.org.brigade.id, 2026, [cg1!.id], '2026-01-20T02:00:00Z');
  await plan(w.org.otherDistrict.id, 2026, [xs1!.id], '2026-02-10T02:00:00Z');
  await plan(w.org.district.id, 2025, [cg3!.id], '2025-02-10T02:00:00Z');
  ids.CG1 = cg1!.id;
  ids.CG2 = cg2!.id;
  today = '2026-06-30';
});
afterAll(() => handle.close());

describe('the patrol and inspection indicators (巡查检查次数, 出动人次, 发现问题件数, 整改到位率, 双随机抽查事项数)', () => {
  it('counts every figure of a district by hand, and each list matches its figure', async () => {
    const path = w.org.district.path;
    const values = await inspectionIndicators.indicators(ctx, path, 2026);
    expect(values).toMatchObject([
      { key: 'inspections', name: '巡查检查次数', unit: '次', value: 6, recordCount: 6 },
      { key: 'inspection_staff_trips', unit: '人次', value: 13, recordCount: 13 },
      { key: 'issues_found', value: 6 },
      { key: 'rectification_rate', unit: '%', value: 50, numerator: 2, denominator: 4, recordCount: 2 },
      { key: 'random_inspection_items', value: 2 },
    ]);
    for (const v of values) expect(drillDownMismatch(v, await inspectionIndicators.records(ctx, path, 2026, v.key as never))).toBeNull();
    const list = async (key: (typeof inspectionIndicators.keys)[number]) => (await inspectionIndicators.records(ctx, path, 2026, key)).map((r) => `${r.subjectType}:${r.subjectId}@${r.date}`);
    // A patrol set out at 00:30 on New Year's Day China time (16:30 UTC the day before) belongs to 2026.
    expect(await list('inspections')).toEqual([`patrol:${ids.P3}@2026-01-01`, `inspection:${ids.I1}@2026-03-02`, `patrol:${ids.P1}@2026-03-10`, `inspection:${ids.I2}@2026-04-01`, `inspection:${ids.I4}@2026-05-06`, `inspection:${ids.I5}@2026-05-06`]);
    expect((await inspectionIndicators.records(ctx, path, 2026, 'inspection_staff_trips')).filter((r) => r.subjectId === ids.I2 && r.subjectType === 'inspection').map((r) => r.label.split(' — ')[1])).toEqual(['李卫东', '王磊', '赵刚']);
    expect(await list('issues_found')).toEqual([`inspection:${ids.I1}@2026-03-02`, `patrolProblem:${ids.Q1}@2026-03-10`, `patrolProblem:${ids.Q2}@2026-03-10`, `patrolProblem:${ids.Q3}@2026-03-10`, `inspection:${ids.I4}@2026-05-06`, `inspection:${ids.I5}@2026-05-06`]);
    expect(await list('rectification_rate')).toEqual([`inspection:${ids.I1}@2026-03-02`, `patrolProblem:${ids.Q1}@2026-03-10`]);
    // The item in two plans (the district's and the brigade's) counts once, from the day it first entered one.
    expect(await list('random_inspection_items')).toEqual([`inspectionItem:${ids.CG1}@2026-01-20`, `inspectionItem:${ids.CG2}@2026-02-10`]);
  });

  it('a subtree counts only its own; the whole tree counts everything', async () => {
    expect((await inspectionIndicators.indicators(ctx, w.org.town.path, 2026)).map((v) => v.value)).toEqual([1, 2, 0, null, null]);
    expect((await inspectionIndicators.indicators(ctx, w.org.otherDistrict.path, 2026)).map((v) => v.value)).toEqual([1, 2, 1, 100, 1]);
    const all = await inspectionIndicators.indicators(ctx, '/', 2026);
    expect(all.map((v) => v.value)).toEqual([7, 15, 7, 60, 3]);
    for (const v of all) expect(drillDownMismatch(v, await inspectionIndicators.records(ctx, '/', 2026, v.key as never))).toBeNull();
  });

  it('a year without records is null with its note, never 0; a year not begun is null', async () => {
    expect(await inspectionIndicators.indicators(ctx, w.org.district.path, 2025)).toMatchObject([
      { key: 'inspections', value: null, note: '本年度无巡查检查记录' },
      { key: 'inspection_staff_trips', value: null },
      { key: 'issues_found', value: null },
      { key: 'rectification_rate', value: null },
      { key: 'random_inspection_items', value: 1, recordCount: 1 },
    ]);
    expect(await inspectionIndicators.records(ctx, w.org.district.path, 2025, 'inspections')).toEqual([]);
    expect((await inspectionIndicators.indicators(ctx, w.org.district.path, 2024)).map((v) => [v.value, v.note])).toEqual([
      [null, '本年度无巡查检查记录'],
      [null, '本年度无巡查检查记录'],
      [null, '本年度无巡查检查记录'],
      [null, '本年度无巡查检查记录'],
      [null, '本年度无双随机抽查计划'],
    ]);
    expect((await inspectionIndicators.indicators(ctx, w.org.district.path, 2027)).every((v) => v.value === null && v.note === '该年度尚未开始，无记录')).toBe(true);
  });
});
