import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import { RATING_BASIS } from '../../domain/inspections/rating.ts';
import type { InspectionView } from '../../domain/inspections/views.ts';
import { refusal } from '../../domain/test-support.ts';
import { creditCodeCheckChar } from '../../domain/validators/credit-code.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { inspectionRatings } from '../../db/schema.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { newWorld, type World } from '../testing/factories.ts';
import { verifyAudit } from '../verify-audit.ts';
import { addInspectionItem, publishInspectionItem } from './items.ts';
import { inspectionLoad, listInspections } from './list-inspections.ts';
import { rateInspection } from './rate-inspection.ts';
import { registerInspection } from './register-inspection.ts';
import { addSubject } from './subjects.ts';
import { transitionInspection } from './transition-inspection.ts';
import { checkInspectionCode } from './verify-code.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
let today = '2026-09-05';
const code = (first17: string) => first17 + creditCodeCheckChar(first17);
let items: { capped: number; free: number };
let subjects: { a: number; b: number };
let two: number[];

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(`${today}T02:00:00Z`) };
  w = await newWorld(ctx);
  const head = w.actors['head.donghu'];
  const base = { basis: '《城市市容和环境卫生管理条例》第十一条', subjectKinds: ['enterprise'], method: 'onSite', random: false };
  const capped = await addInspectionItem(ctx, head, w.org.district.id, { ...base, code: 'CG-001', name: '户外广告设施设置检查', yearlyCap: 1 });
  const free = await addInspectionItem(ctx, head, w.org.district.id, { ...base, code: 'CG-002', name: '门前三包责任落实检查', yearlyCap: null });
  for (const i of [capped, free]) await publishInspectionItem(ctx, head, i.id, { publishedOn: today });
  items = { capped: capped.id, free: free.id };
  const subject = (name: string, first17: string) => addSubject(ctx, w.actors.wanglei, w.org.district.id, { name, creditCode: code(first17), kind: 'enterprise', address: '云城市东湖区湖滨路8号', category: '商贸', riskClass: 'B' });
  subjects = { a: (await subject('云城市鑫源商贸有限公司', '91539902MA6K0AAA1')).id, b: (await subject('云城市东湖广告有限公司', '91539902MA6K0BBB2')).id };
  two = [w.users.wanglei.id, w.users.zhaogang.id];
});
afterAll(() => handle.close());

async function coded(subjectId: number, itemId: number, trigger = 'planned'): Promise<InspectionView> {
  const i = await registerInspection(ctx, w.actors.wanglei, { organizationId: w.org.brigade.id, subjectId, itemId, trigger, method: 'onSite', officerIds: two });
  return transitionInspection(ctx, w.actors.wanglei, i.id, { expectedVersion: i.version, action: 'issueCode' });
}
const step = (actor: Actor, i: InspectionView, body: Record<string, unknown>) => transitionInspection(ctx, actor, i.id, { expectedVersion: i.version, ...body });
const ratings = async () => (await ctx.db.select().from(inspectionRatings)).length;

describe('the enterprise rates an inspection anonymously with its 行政检查码', () => {
  it(`${RATING_BASIS}: within 30 calendar days of the inspection, the last day on a rest day moving to the next working day (2026-09-05 → 10-05 in 国庆 → 10-08)`, async () => {
    today = '2026-09-05';
    const i = await coded(subjects.a, items.free);
    expect((await checkInspectionCode(ctx, i.code!)).rating).toEqual({ dueOn: '2026-10-08', open: true, rated: false });
    // The day after the last day: refused with the rule, nothing written.
    today = '2026-10-09';
    const late = await refusal(rateInspection(ctx, i.code!, { score: 5 }));
    expect(late).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('评价期限为检查之日起 30 日（至 2026-10-08），已过评价期限') });
    expect(late.details?.article).toBe(RATING_BASIS);
    expect((await checkInspectionCode(ctx, i.code!)).rating).toEqual({ dueOn: '2026-10-08', open: false, rated: false });
    expect(await ratings()).toBe(0);
    // On the first working day after the holiday it is still in time.
    today = '2026-10-08';
    const given = await rateInspection(ctx, i.code!.toLowerCase(), { score: 4, concerns: ['disruption'], comment: '检查人员态度较好，但时间过长。' });
    expect(given).toEqual({ score: 4, scoreLabel: '满意', concerns: [{ key: 'disruption', label: '影响正常生产经营' }], comment: '检查人员态度较好，但时间过长。', ratedOn: '2026-10-08' });
    expect((await checkInspectionCode(ctx, i.code!)).rating).toEqual({ dueOn: '2026-10-08', open: false, rated: true });
    // One rating per code.
    expect(await refusal(rateInspection(ctx, i.code!, { score: 1 }))).toMatchObject({ code: 'CONFLICT', message: '该行政检查已评价，每个行政检查码只能评价一次' });
    const [stored] = await ctx.db.select().from(inspectionRatings);
    expect(stored).toMatchObject({ score: 4, concerns: ['disruption'], ratedOn: '2026-10-08' });
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });

  it('refuses an unknown code, a cancelled inspection’s code, bad input and personal data — writing nothing', async () => {
    today = '2026-09-07';
    const i = await coded(subjects.b, items.free);
    const cancelled = await coded(subjects.b, items.free);
    await step(w.actors['head.donghu'], cancelled, { action: 'cancel', reason: '检查对象已停业' });
    const before = await ratings();
    expect((await refusal(rateInspection(ctx, 'ABCDEFGHJKMNPQRS', { score: 5 }))).code).toBe('NOT_FOUND');
    expect((await refusal(rateInspection(ctx, 'not a code', { score: 5 }))).code).toBe('NOT_FOUND');
    expect((await refusal(rateInspection(ctx, cancelled.code!, { score: 5 }))).code).toBe('NOT_FOUND');
    expect((await refusal(rateInspection(ctx, i.code!, { score: 6 }))).message).toContain('满意度应为 1 至 5');
    expect((await refusal(rateInspection(ctx, i.code!, {}))).message).toContain('请选择满意度');
    expect((await refusal(rateInspection(ctx, i.code!, { score: 3, concerns: ['nonsense'] }))).message).toContain('评价选项无效');
    expect((await refusal(rateInspection(ctx, i.code!, { score: 3, comment: '有事请联系 13912345678' }))).message).toContain('请勿填写电话号码、身份证号等个人信息');
    expect((await refusal(rateInspection(ctx, i.code!, { score: 3, comment: '身份证 53010219900101123X' }))).message).toContain('个人信息');
    expect(await ratings()).toBe(before);
    expect((await rateInspection(ctx, i.code!, { score: 2, concerns: ['noCode', 'repeated'] })).scoreLabel).toBe('不满意');
  });
});

describe('lists: the phone list, the rectification board and the supervisor’s view per enterprise', () => {
  it('the rectification board lists 整改中 soonest due first; mine lists the actor’s own', async () => {
    today = '2026-11-02';
    const later = await step(w.actors.wanglei, await coded(subjects.b, items.free), { action: 'record', findings: '门前堆放杂物', outcome: 'rectify', rectifyDueOn: '2026-11-20' });
    const sooner = await step(w.actors.wanglei, await coded(subjects.b, items.free), { action: 'record', findings: '门前占道经营', outcome: 'rectify', rectifyDueOn: '2026-11-10' });
    const board = await listInspections(ctx.db, w.actors['head.donghu'], w.org.district.id, { state: 'rectifying' });
    expect(board.items.map((i) => [i.id, i.rectifyDueOn])).toEqual([
      [sooner.id, '2026-11-10'],
      [later.id, '2026-11-20'],
    ]);
    expect(board.total).toBe(2);
    expect((await listInspections(ctx.db, w.actors.wanglei, w.org.brigade.id, { mine: 'true', limit: '1' })).items).toHaveLength(1);
    expect((await listInspections(ctx.db, w.actors['chief.donghu'], w.org.brigade.id, { mine: true })).total).toBe(0);
    expect((await listInspections(ctx.db, w.actors.wanglei, w.org.brigade.id, { q: '鑫源' })).items.every((i) => i.subject.name === '云城市鑫源商贸有限公司')).toBe(true);
    expect((await refusal(listInspections(ctx.db, w.actors.liuyang, w.org.brigade.id, {}))).code).toBe('FORBIDDEN');
    expect((await refusal(listInspections(ctx.db, w.actors.wanglei, w.org.brigade.id, { state: 'nonsense' }))).message).toContain('检查状态无效');
  });

  it('per enterprise and year: inspections, the targeted ones apart, and the items at their yearly cap', async () => {
    today = '2026-11-03';
    await coded(subjects.a, items.capped);
    await coded(subjects.a, items.capped, 'complaint');
    const supervisor = w.actors.supervisor;
    const load = await inspectionLoad(ctx.db, ctx.clock, supervisor, w.org.city.id, { year: '2026' });
    // 东湖广告: 3 inspections on CG-002 (no cap; the cancelled one not counted); 鑫源: CG-002 once, CG-001 twice (one by complaint).
    expect(load.items.map((s) => [s.subject.name, s.inspections, s.capExempt, s.units, s.capStatus.key])).toEqual([
      ['云城市东湖广告有限公司', 3, 0, 1, 'none'],
      ['云城市鑫源商贸有限公司', 3, 1, 1, 'reached'],
    ]);
    expect(load.items[1]!.items.map((i) => [i.code, i.yearlyCap, i.inspections, i.counted, i.capStatus.label])).toEqual([
      ['CG-001', 1, 2, 1, '已达上限'],
      ['CG-002', null, 1, 1, '无频次上限'],
    ]);
    const reached = await inspectionLoad(ctx.db, ctx.clock, supervisor, w.org.city.id, { year: 2026, capStatus: 'reached' });
    expect([reached.total, reached.items.map((s) => s.subject.name)]).toEqual([1, ['云城市鑫源商贸有限公司']]);
    expect(await inspectionLoad(ctx.db, ctx.clock, supervisor, w.org.city.id, { capStatus: 'over' })).toEqual({ year: 2026, items: [], total: 0 });
    expect(await inspectionLoad(ctx.db, ctx.clock, supervisor, w.org.city.id, { year: 2026, offset: 5 })).toMatchObject({ items: [], total: 2 });
    expect((await inspectionLoad(ctx.db, ctx.clock, supervisor, w.org.city.id, { year: 2025 })).total).toBe(0);
    expect((await inspectionLoad(ctx.db, ctx.clock, supervisor, w.org.otherDistrict.id, { year: 2026 })).total).toBe(0);
    expect((await refusal(inspectionLoad(ctx.db, ctx.clock, w.actors.wanglei, w.org.district.id, {}))).code).toBe('FORBIDDEN');
    expect((await refusal(inspectionLoad(ctx.db, ctx.clock, w.actors['head.xishan'], w.org.district.id, {}))).code).toBe('FORBIDDEN');
    expect((await refusal(inspectionLoad(ctx.db, ctx.clock, supervisor, w.org.city.id, { year: 'abc' }))).message).toContain('年度应为数字');
  });
});
