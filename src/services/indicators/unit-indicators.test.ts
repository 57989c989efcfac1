/**
 * A unit's indicator table (issue #19 item 1) on a small world counted by hand; today is 2026-11-13.
 *
 *   云城市 (city) ─ 东湖区 (district) ─ brigade: case P1 penalty 200元, decided 2026-03-16
 *                │                    └ town:   case P2 penalty 150元 (its officers 郑宇, 冯洁)
 *                │                    orders A (满意) and B (不满意), received by the district, handled by the brigade
 *                └ 西山区 (otherDistrict) ─ order E (满意), received and handled there; no cases
 * Certified officers on 2026-11-13: 东湖区 7 (陈建国, 林晓 the reviewer, 李卫东, 王磊, 赵刚, 郑宇, 冯洁 — 孙丽's
 * certificate ran out), 西山区 2 (杨帆, 刘洋): 法制审核人员占比 1/7 = 14.29 %, 0/2 = 0 %, city 1/9 = 11.11 %
 * (not the average 7.14). 群众满意度 1/2 = 50 %, 1/1 = 100 %, city 2/3 = 66.67 % (not 75).
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combineFigures, RATE_WITHOUT_COUNTS_NOTE } from '../../domain/indicators/rollup.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { auditRecords, indicatorEntries } from '../../db/schema.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { drillDownMismatch } from '../kernel/indicators.ts';
import type { Organization } from '../organizations.ts';
import { newWorld, type World } from '../testing/factories.ts';
import { seedIndicatorWorld } from '../testing/workorder-factories.ts';
import { attachManualIndicatorFile, enterManualIndicator, readManualIndicatorFile } from './manual-entries.ts';
import { indicatorSources } from './sources.ts';
import { computeUnitIndicators, drillDown, indicatorDrillDown, NO_RECORD_NOTE, unitIndicators } from './unit-indicators.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
let today = '2026-11-13';
const files = memoryFileStore();


const table = (org: Organization, year = 2026) => computeUnitIndicators(ctx, org, year);
const row = async (org: Organization, key: string, year = 2026) => (await table(org, year)).indicators.find((r) => r.key === key)!;
const entriesCount = async () => (await ctx.db.select({ n: count() }).from(indicatorEntries))[0]!.n;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(`${today}T01:00:00Z`), files };
  today = '2025-01-02';
  w = await newWorld(ctx);
  await seedIndicatorWorld(ctx, w, (day) => (today = day));
  today = '2026-11-13';
}, 120_000);
afterAll(() => handle.close());

describe('the indicators of a unit and year, composed from the ledgers', () => {
  it('has every catalog key once, each ledger key answered by its source, each computed figure matching its drill-down list', async () => {
    const t = await table(w.org.district);
    expect(t.indicators).toHaveLength(48);
    expect(t.asOf).toBe('2026-11-13');
    expect(t.indicators.find((r) => r.key === 'penalty_cases')).toMatchObject({ value: 2, source: 'computed', module: 'cases', recordCount: 2 });
    expect(t.indicators.find((r) => r.key === 'penalty_amount')).toMatchObject({ value: 350, source: 'computed' });
    expect(t.indicators.find((r) => r.key === 'petitions_handled')).toMatchObject({ value: 2, source: 'computed', module: 'workorders' });
    for (const r of t.indicators.filter((x) => x.computed?.value != null)) {
      const d = await drillDown(ctx, w.org.district, 2026, r.key);
      expect(drillDownMismatch(r.computed!, d.records)).toBeNull();
    }
  });

  it('roll-up: the figures of 东湖区 and 西山区 combined equal the figures computed over their parent, the city — rates from summed numerators and denominators', async () => {
    const [donghu, xishan, city] = [await table(w.org.district), await table(w.org.otherDistrict), await table(w.org.city)];
    const keys = indicatorSources.flatMap((s) => s.keys);
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) {
      const parts = [donghu, xishan].map((t) => t.indicators.find((r) => r.key === key)!.computed!);
      const combined = combineFigures(key, parts);
      const parent = city.indicators.find((r) => r.key === key)!.computed!;
      expect({ key, value: combined.value, numerator: combined.numerator, denominator: combined.denominator }).toEqual({
        key,
        value: parent.value,
        numerator: parent.numerator,
        denominator: parent.denominator,
      });
    }
    const ratio = (t: typeof city) => t.indicators.find((r) => r.key === 'legal_review_staff_ratio')!;
    expect([ratio(donghu).value, ratio(xishan).value, ratio(city).value]).toEqual([14.29, 0, 11.11]);
    const satisfaction = (t: typeof city) => t.indicators.find((r) => r.key === 'petition_satisfaction')!;
    expect([satisfaction(donghu).value, satisfaction(xishan).value, satisfaction(city).value]).toEqual([50, 100, 66.67]);
  });

  it('本年度无记录: a key no ledger answers has no value, never 0; a ledger key with no records says so too', async () => {
    expect(await row(w.org.district, 'law_study_sessions')).toMatchObject({ value: null, source: 'none', module: null, note: NO_RECORD_NOTE, computed: null });
    expect(await row(w.org.town, 'petitions_handled')).toMatchObject({ value: null, source: 'none', module: 'workorders', note: '本年度无工单记录' });
    expect(await row(w.org.otherDistrict, 'penalty_cases')).toMatchObject({ value: null, source: 'none', note: '本年度无案件记录' });
  });
});

describe('hand-entered figures (手工填报)', () => {
  const reviewer = () => w.actors['reviewer.donghu'];

  it('a figure no ledger holds is entered by the unit’s legal section, shown as 手工填报, audited; a correction replaces it and the trail keeps what it replaced', async () => {
    const shown = await enterManualIndicator(ctx, reviewer(), w.org.district.id, 'training_sessions', { year: 2026, value: 6, sourceNote: '法制科培训台账（纸质）' });
    expect(shown).toMatchObject({ key: 'training_sessions', value: 6, source: 'hand-entered', manual: { value: 6, counted: true, enteredBy: '林晓', version: 1 }, difference: null });
    const corrected = await enterManualIndicator(ctx, w.actors['head.donghu'], w.org.district.id, 'training_sessions', { year: 2026, value: 7, sourceNote: '法制科培训台账（纸质），补录一期' });
    expect(corrected).toMatchObject({ value: 7, source: 'hand-entered', manual: { value: 7, version: 2, enteredBy: '陈建国' } });
    const trail = await ctx.db.select().from(auditRecords).where(and(eq(auditRecords.action, 'indicator.manual'), eq(auditRecords.subjectId, String(corrected.manual!.id)))).orderBy(auditRecords.id);
    expect(trail.map((r) => (r.change as { value: number; replaces: { value: number } | null }).replaces?.value ?? null)).toEqual([null, 6]);
  });

  it('computed wins: a hand-entered figure of a key the ledgers compute is kept and shown with the difference, not used', async () => {
    const shown = await enterManualIndicator(ctx, reviewer(), w.org.district.id, 'penalty_cases', { year: 2026, value: 5, sourceNote: '各中队报表汇总' });
    expect(shown).toMatchObject({ value: 2, source: 'computed', manual: { value: 5, counted: false }, difference: -3 });
    expect(shown.note).toContain('以系统计算为准');
  });

  it('a unit whose own subtree has no records adds its hand-entered figure to the computed one of the unit above', async () => {
    const town = await enterManualIndicator(ctx, reviewer(), w.org.town.id, 'petitions_handled', { year: 2026, value: 5, sourceNote: '街道信访台账' });
    expect(town).toMatchObject({ value: 5, source: 'hand-entered' });
    const district = await row(w.org.district, 'petitions_handled');
    expect(district).toMatchObject({ value: 7, source: 'computed', recordCount: 2, manualFromUnits: [{ organizationId: w.org.town.id, value: 5 }] });
    expect(district.note).toContain('含1个单位手工填报');
    const d = await indicatorDrillDown(ctx, w.actors.supervisor, w.org.district.id, 'petitions_handled', 2026);
    expect([d.records.length, d.manual.map((m) => m.value)]).toEqual([2, [5]]);
    // A rate: the district's computed 1 of 2 visits and the town's hand-entered rate combine only with its counts.
    await enterManualIndicator(ctx, reviewer(), w.org.town.id, 'petition_satisfaction', { year: 2026, value: 95, sourceNote: '街道回访记录' });
    const without = await row(w.org.district, 'petition_satisfaction');
    expect(without).toMatchObject({ value: 50, source: 'computed', numerator: 1, denominator: 2, manualFromUnits: [] });
    expect(without.note).toContain('未给出分子和分母，未计入');
    await enterManualIndicator(ctx, reviewer(), w.org.town.id, 'petition_satisfaction', { year: 2026, value: 95, numerator: 19, denominator: 20, sourceNote: '街道回访记录' });
    expect(await row(w.org.district, 'petition_satisfaction')).toMatchObject({ value: 90.91, source: 'computed', numerator: 20, denominator: 22 });
  });

  it('the units’ entries roll up: counts add, an entry covers its unit’s subtree, rates are Σ numerators ÷ Σ denominators', async () => {
    await enterManualIndicator(ctx, reviewer(), w.org.brigade.id, 'training_sessions', { year: 2026, value: 3, sourceNote: '大队培训台账' });
    await enterManualIndicator(ctx, w.actors['head.xishan'], w.org.otherDistrict.id, 'training_sessions', { year: 2026, value: 4, sourceNote: '西山区培训台账' });
    // The district's 7 covers its brigade's 3; the city adds the districts: 7 + 4.
    expect(await row(w.org.district, 'training_sessions')).toMatchObject({ value: 7, manualFromUnits: [] });
    expect(await row(w.org.city, 'training_sessions')).toMatchObject({ value: 11, source: 'hand-entered', manual: null });
    await enterManualIndicator(ctx, reviewer(), w.org.district.id, 'exam_pass_rate', { year: 2026, value: 95, numerator: 19, denominator: 20, sourceNote: '学法考试成绩单' });
    await enterManualIndicator(ctx, w.actors['head.xishan'], w.org.otherDistrict.id, 'exam_pass_rate', { year: 2026, value: 70, numerator: 7, denominator: 10, sourceNote: '学法考试成绩单' });
    expect(await row(w.org.city, 'exam_pass_rate')).toMatchObject({ value: 86.67, numerator: 26, denominator: 30 });
    await enterManualIndicator(ctx, w.actors['head.xishan'], w.org.otherDistrict.id, 'petition_satisfaction', { year: 2025, value: 90, sourceNote: '满意度调查' });
    await enterManualIndicator(ctx, reviewer(), w.org.district.id, 'petition_satisfaction', { year: 2025, value: 80, sourceNote: '满意度调查' });
    expect(await row(w.org.otherDistrict, 'petition_satisfaction', 2025)).toMatchObject({ value: 90, source: 'hand-entered' });
    expect(await row(w.org.city, 'petition_satisfaction', 2025)).toMatchObject({ value: null, note: RATE_WITHOUT_COUNTS_NOTE });
  });

  it('bad input gets a clear Chinese error and writes nothing', async () => {
    const before = await entriesCount();
    const enter = (body: Record<string, unknown>, key = 'trained_persons', actor = reviewer(), org = w.org.district.id) =>
      enterManualIndicator(ctx, actor, org, key, { year: 2026, sourceNote: '培训签到表', ...body });
    await expect(enter({ value: 2.5 })).rejects.toThrow('应为整数');
    await expect(enter({ value: 101 }, 'exam_pass_rate')).rejects.toThrow('不超过 100');
    await expect(enter({ value: 90, numerator: 8, denominator: 10 }, 'exam_pass_rate')).rejects.toThrow('比率应等于分子÷分母：8÷10 = 80.00%');
    await expect(enter({ value: 12.345 }, 'penalty_amount')).rejects.toThrow('最多两位小数');
    await expect(enter({ value: 3, numerator: 3, denominator: 4 })).rejects.toThrow('不是比率');
    await expect(enter({ value: 3, year: 2027 })).rejects.toThrow('2027年尚未开始');
    await expect(enter({ value: 3, sourceNote: '' })).rejects.toThrow('数据来源说明');
    await expect(enter({ value: 3 }, 'no_such_key')).rejects.toThrow('未找到该指标');
    await expect(enter({ value: 3 }, 'trained_persons', w.actors['head.xishan'])).rejects.toThrow('未找到该单位');
    await expect(enter({ value: 3 }, 'trained_persons', w.actors.wanglei)).rejects.toThrow('此操作需要以下角色之一：法制审核员、负责人');
    await expect(enter({ value: 3 }, 'trained_persons', w.actors.supervisor)).rejects.toThrow('此操作需要以下角色之一');
    expect(await entriesCount()).toBe(before);
  });

  it('a supporting file is stored under its SM3 digest, audited, read back checked; tampering is refused', async () => {
    const data = Buffer.from('培训期次,参训人数\n第一期,30\n');
    const stored = files.entries().length;
    await expect(attachManualIndicatorFile(ctx, reviewer(), w.org.district.id, 'legal_aid_cases', { fileName: '台账.csv', data }, { year: '2026' })).rejects.toThrow('请先填报2026年“法律援助案件数”的数值');
    await expect(attachManualIndicatorFile(ctx, reviewer(), w.org.district.id, 'training_sessions', { fileName: '台账.exe', data }, { year: '2026' })).rejects.toThrow();
    expect(files.entries()).toHaveLength(stored);
    const shown = await attachManualIndicatorFile(ctx, reviewer(), w.org.district.id, 'training_sessions', { fileName: '培训台账.csv', data }, { year: '2026' });
    expect(shown.manual?.attachment).toMatchObject({ fileName: '培训台账.csv', mediaType: 'text/csv', size: data.byteLength });
    expect(files.entries()).toHaveLength(stored + 1);
    const [audit] = await ctx.db.select().from(auditRecords).where(eq(auditRecords.action, 'indicator.manualAttachment'));
    expect(audit?.change).toMatchObject({ key: 'training_sessions', digest: shown.manual!.attachment!.digest, replaces: null });
    const read = await readManualIndicatorFile(ctx, w.actors.supervisor, w.org.district.id, 'training_sessions', 2026);
    expect(read.data.equals(data)).toBe(true);
    await expect(readManualIndicatorFile(ctx, w.actors['head.xishan'], w.org.district.id, 'training_sessions', 2026)).rejects.toThrow('未找到该单位');
    files.tamper(shown.manual!.attachment!.digest, Buffer.from('changed'));
    await expect(readManualIndicatorFile(ctx, w.actors.supervisor, w.org.district.id, 'training_sessions', 2026)).rejects.toThrow('可能已被篡改');
  });

  it('the supervisor reads any unit of the subtree; an officer may not; another district is not found', async () => {
    expect((await unitIndicators(ctx, w.actors.supervisor, w.org.district.id, 2026)).indicators).toHaveLength(48);
    await expect(unitIndicators(ctx, w.actors.wanglei, w.org.brigade.id, 2026)).rejects.toThrow('此操作需要以下角色之一');
    await expect(unitIndicators(ctx, w.actors['head.xishan'], w.org.district.id, 2026)).rejects.toThrow('未找到该单位');
    await expect(unitIndicators(ctx, w.actors.supervisor, w.org.district.id, 1980)).rejects.toThrow('年度无效');
  });
});
