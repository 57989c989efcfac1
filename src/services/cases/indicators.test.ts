/**
 * The enforcement indicators on a small world whose every figure is counted by hand below. Cases go through the
 * real services (factories), each step on its own day; the test's clock says today is 2026-11-13.
 *
 *   东湖区 (district) ── brigade: c1 penalty 200元 decided 2026-03-16, published 2026-03-18
 *                    │           c2 penalty 300元 + confiscation 1,000元 decided 2026-05-18 (not published)
 *                    │           c3 penalty 2,000元 decided 2026-06-15, published 06-16, revoked 06-20
 *                    │           c4 penalty 500元 decided 2025-12-31, published 2026-01-01 01:00 China time (2025-12-31 17:00 UTC)
 *                    │           c5 penalty 1,000元 decided 2026-01-01
 *                    │           cR in review: legal reviews 2025-12-31 and 2026-01-05
 *                    │           c7 不予处罚 首违不罚 naming 800元 waived, c8 轻微不罚 naming none,
 *                    │           c9 不予处罚 违法事实不能成立 — all decided 2026-08-03
 *                    └─ town:    c6 penalty 150元 decided 2026-07-15
 *   西山区 (other district): no cases; 北山区 (empty): nothing at all.
 *   Benchmarks: the city's (2 violations) in force from 2026-03-01; exemption lists: the city's (3 items) from
 *   2025-06-01, the district's (1 item) from 2026-02-01.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { systemActor } from '../../domain/access.ts';
import { allPassedChecklist } from '../../domain/cases/legal-review.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { importBenchmarks } from '../discretion/import-benchmarks.ts';
import { confirmBenchmarkVersion } from '../discretion/version-steps.ts';
import { drillDownMismatch, type IndicatorValue } from '../kernel/indicators.ts';
import { createOrganization, type Organization } from '../organizations.ts';
import { newCase, newPowerItem, newUser, newWorld, type World } from '../testing/factories.ts';
import { type CaseView, getCase } from './get-case.ts';
import { type CaseIndicatorKey, caseIndicatorKeys, indicators, records } from './indicators.ts';
import { publishDecision } from './publicity.ts';
import { transitionCase } from './transition-case.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
let empty: Organization;
const today = '2026-11-13';
/** The context of an act on `day` at 09:00 China time (or at an exact instant). */
const at = (instant: string): ServiceContext => ({ ...ctx, clock: () => new Date(instant.length === 10 ? `${instant}T01:00:00Z` : instant) });
const ids: Record<string, number> = {};

const step = (day: string, who: keyof World['actors'], c: CaseView, body: Record<string, unknown>) =>
  transitionCase(at(day), w.actors[who], c.id, { expectedVersion: c.version, ...body });
const review = (day: string, c: CaseView) => step(day, 'reviewer.donghu', c, { action: 'legalReview', passed: true, opinion: '事实清楚，证据确凿，同意。', checklist: allPassedChecklist() });
const noPenalty = (ground: string, waivedYuan: number | null) => ({
  kind: 'noPenalty',
  ground,
  education: ground === 'factsNotEstablished' ? null : '向当事人宣讲市容管理规定，当事人当场改正。',
  penalty: waivedYuan === null ? null : { kinds: ['fine'], fineFen: waivedYuan * 100, description: `拟罚款人民币${waivedYuan}元，依法不予处罚`, basis: '《城市市容和环境卫生管理条例》第三十六条第（二）项' },
});

const bundled = (name: string) => readFileSync(new URL(`../../domain/discretion/data/${name}`, import.meta.url), 'utf8').split('\n');
/** The header and the given data lines (1-based file lines) of a bundled list, as an uploaded CSV. */
const csvOf = (name: string, header: number, lines: number[]) => {
  const all = bundled(name);
  return { fileName: 'list.csv', data: Buffer.from([all[header - 1], ...lines.map((n) => all[n - 1])].join('\n'), 'utf8') };
};

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(`${today}T01:00:00Z`) };
  w = await newWorld(at('2025-01-02'));
  empty = await createOrganization(ctx, systemActor, { name: '云城市北山区城市管理和综合行政执法局', kind: 'district_bureau', parentId: w.org.city.id, divisionCode: '539904', creditCode: null });
  // A town officer whose certificate ran out mid-2026: an officer at the end of 2025, not on 2026-11-13.
  await newUser(ctx, w.org.town, { roles: ['officer'], certificateValidUntil: '2026-06-30' });

  const c1 = await newCase(ctx, w, { state: 'decided', startOn: '2026-03-02', fineFen: 200_00 });
  await publishDecision(at('2026-03-18'), w.actors.wanglei, c1.id);
  await newCase(ctx, w, {
    state: 'decided',
    startOn: '2026-05-04',
    proposal: { kind: 'penalty', penalty: { kinds: ['fine', 'confiscateIncome'], fineFen: 300_00, confiscationFen: 1_000_00, description: '罚款人民币300元，没收违法所得1000元', basis: '《城市市容和环境卫生管理条例》第三十六条第（二）项' } },
  });
  const c3 = await newCase(ctx, w, { state: 'decided', startOn: '2026-06-01' });
  await publishDecision(at('2026-06-16'), w.actors.wanglei, c3.id);
  await step('2026-06-20', 'head.donghu', await getCase(ctx, w.actors.wanglei, c3.id, ctx.clock()), { action: 'revokeDecision', status: 'revoked', reason: '认定事实有误，依法撤销。' });
  const c4 = await newCase(ctx, w, { state: 'decided', startOn: '2025-12-17', fineFen: 500_00 });
  expect(c4.decision?.decidedOn).toBe('2025-12-31');
  await publishDecision(at('2025-12-31T17:00:00Z'), w.actors.wanglei, c4.id);
  const c5 = await newCase(ctx, w, { state: 'decided', startOn: '2025-12-18', fineFen: 1_000_00 });
  expect(c5.decision?.decidedOn).toBe('2026-01-01');
  const c6 = await newCase(ctx, w, { state: 'decided', startOn: '2026-07-01', fineFen: 150_00, officers: ['zhengyu', 'fengjie'], powerItemId: (await newPowerItem(ctx, w.org.town.id)).id });
  expect(c6.organization.id).toBe(w.org.town.id);
  let cR = await newCase(ctx, w, { state: 'reviewing', startOn: '2025-12-01' });
  cR = await review('2025-12-31', cR);
  await review('2026-01-05', cR);
  for (const [name, proposal] of [
    ['c7', noPenalty('firstViolation', 800)],
    ['c8', noPenalty('minor', null)],
    ['c9', noPenalty('factsNotEstablished', null)],
  ] as const) {
    const c = await newCase(ctx, w, { state: 'reviewing', startOn: '2026-07-20', proposal });
    ids[name] = (await step('2026-08-03', 'head.donghu', c, { action: 'decide' })).id;
  }
  Object.assign(ids, { c1: c1.id, c3: c3.id, c4: c4.id, c5: c5.id, c6: c6.id, cR: cR.id });

  // Each import is a draft the system confirms from its effective date (issue 15).
  for (const [ctxAt, actor, file, options] of [
    [at('2026-02-20'), w.actors.admin, csvOf('discretion-benchmarks.csv', 6, [7, 8, 9, 10, 11, 12, 13]), { name: '云城市裁量基准', effectiveFrom: '2026-03-01' }],
    [at('2025-05-20'), w.actors.admin, csvOf('first-violation-exemptions.csv', 4, [5, 6, 7]), { kind: 'exemption', name: '云城市免罚清单', effectiveFrom: '2025-06-01' }],
    [at('2026-01-20'), w.actors['admin.donghu'], csvOf('first-violation-exemptions.csv', 4, [8]), { kind: 'exemption', name: '东湖区免罚清单', effectiveFrom: '2026-02-01' }],
  ] as const) {
    const draft = await importBenchmarks(ctxAt, actor, file, options);
    await confirmBenchmarkVersion(ctxAt, systemActor, draft.versionId, { effectiveFrom: draft.effectiveFrom });
  }
}, 120_000);
afterAll(() => handle.close());

/** The values as { key: value } and the notes of the null ones. */
async function figures(path: string, year: number) {
  const values = await indicators(ctx, path, year);
  expect(values.map((v) => v.key)).toEqual([...caseIndicatorKeys]);
  return { values: Object.fromEntries(values.map((v) => [v.key, v.value])) as Record<CaseIndicatorKey, number | null>, byKey: Object.fromEntries(values.map((v) => [v.key, v])) as Record<CaseIndicatorKey, IndicatorValue> };
}

describe('enforcement indicators (issue #11 item 8; INDICATORS.md 行政执法)', () => {
  it('the district for 2026, every figure as counted by hand', async () => {
    const { values, byKey } = await figures(w.org.district.path, 2026);
    expect(values).toEqual({
      penalty_cases: 4, // c1, c2, c5, c6 — not c3 (revoked), not c4 (2025)
      penalty_amount: 2_650, // 200 + (300 + 1,000) + 1,000 + 150
      legal_reviews: 1, // cR's review of 2026-01-05
      penalties_published: 3, // c1, c3 (taken down later, still published), c4 (published on 2026-01-01 China time)
      non_penalty_cases: 2, // c7, c8 — not c9 (违法事实不能成立)
      exempted_amount: 800, // c7; c8 names no amount
      enforcement_officers: 7, // head, reviewer, 3 brigade officers (not 孙丽, expired 2025), 2 town officers (not the one expired 2026-06-30)
      legal_review_staff_ratio: 14.29, // 1 reviewer of 7
      first_violation_exempt_items: 1, // the district's own list
      discretion_benchmark_items: null, // the city's benchmark applies, the district has none of its own
    });
    expect(byKey.exempted_amount.note).toBe('另有1件不予处罚案件未记录免除的罚款金额，未计入');
    expect(byKey.legal_review_staff_ratio).toMatchObject({ numerator: 1, denominator: 7, unit: '%', name: '法制审核人员占比' });
    expect(byKey.penalty_amount).toMatchObject({ unit: '元', name: '罚没金额' });
    expect(byKey.discretion_benchmark_items.note).toBe('本单位及下属单位无现行有效的裁量基准');
  });

  it('scopes to the subtree: brigade, town, city, the other district', async () => {
    const brigade = (await figures(w.org.brigade.path, 2026)).values;
    expect([brigade.penalty_cases, brigade.penalty_amount, brigade.enforcement_officers]).toEqual([3, 2_500, 3]); // c1, c2, c5; 李卫东, 王磊, 赵刚 (not 孙丽)
    const town = (await figures(w.org.town.path, 2026)).values;
    expect([town.penalty_cases, town.penalty_amount, town.legal_reviews, town.non_penalty_cases, town.enforcement_officers]).toEqual([1, 150, 0, 0, 2]);
    const city = (await figures(w.org.city.path, 2026)).values;
    expect(city).toMatchObject({ penalty_cases: 4, penalty_amount: 2_650, enforcement_officers: 9, first_violation_exempt_items: 4, discretion_benchmark_items: 2 }); // + 西山区's 2 officers; 3 + 1 items
    expect(city.legal_review_staff_ratio).toBe(11.11); // 1 of 9
    const other = await figures(w.org.otherDistrict.path, 2026);
    expect(other.values).toMatchObject({ penalty_cases: null, penalty_amount: null, exempted_amount: null, enforcement_officers: 2, legal_review_staff_ratio: 0 });
    expect(other.byKey.penalty_cases.note).toBe('本年度无案件记录');
  });

  it('counts by the date of the act, China time, across the year boundary', async () => {
    const { values } = await figures(w.org.district.path, 2025);
    expect(values).toEqual({
      penalty_cases: 1, // c4, decided 2025-12-31
      penalty_amount: 500,
      legal_reviews: 1, // cR's review of 2025-12-31
      penalties_published: 0, // c4 was published at 01:00 on 2026-01-01 in China: a real 0, the district had cases
      non_penalty_cases: 0,
      exempted_amount: 0,
      enforcement_officers: 8, // on 2025-12-31 the town officer's certificate was still valid
      legal_review_staff_ratio: 12.5,
      first_violation_exempt_items: null, // the district's list takes effect on 2026-02-01
      discretion_benchmark_items: null,
    });
    const city = (await figures(w.org.city.path, 2025)).values;
    expect([city.first_violation_exempt_items, city.discretion_benchmark_items]).toEqual([3, null]); // the benchmark only from 2026-03-01
  });

  it('a unit without records gets null with a note, never 0; so does a year that has not begun', async () => {
    const values = await indicators(ctx, empty.path, 2026);
    expect(values.every((v) => v.value === null && v.recordCount === 0 && v.note)).toBe(true);
    expect(Object.fromEntries(values.map((v) => [v.key, v.note]))).toMatchObject({
      penalty_cases: '本年度无案件记录',
      enforcement_officers: '本单位未登记持有执法证的人员',
      legal_review_staff_ratio: '无持有有效执法证的人员，无法计算占比',
      first_violation_exempt_items: '本单位及下属单位无现行有效的免罚清单',
    });
    expect((await indicators(ctx, w.org.district.path, 2027)).every((v) => v.value === null && v.note === '该年度尚未开始，无记录')).toBe(true);
    expect(await records(ctx, w.org.district.path, 2027, 'enforcement_officers')).toEqual([]);
  });

  it('every figure drills down to the records it counts: a count is its list length, an amount the sum of its list', async () => {
    for (const [path, year] of [
      [w.org.district.path, 2026],
      [w.org.district.path, 2025],
      [w.org.city.path, 2026],
      [w.org.town.path, 2026],
      [empty.path, 2026],
    ] as const) {
      for (const value of await indicators(ctx, path, year)) {
        expect(drillDownMismatch(value, await records(ctx, path, year, value.key as CaseIndicatorKey)), `${path} ${year}`).toBeNull();
      }
    }
    const money = await records(ctx, w.org.district.path, 2026, 'penalty_amount');
    expect(money.map((r) => [r.subjectType, r.date, r.amount])).toEqual([
      ['case', '2026-01-01', 1_000],
      ['case', '2026-03-16', 200],
      ['case', '2026-05-18', 1_300],
      ['case', '2026-07-15', 150],
    ]);
    const published = await records(ctx, w.org.district.path, 2026, 'penalties_published');
    expect(published.map((r) => [r.subjectId, r.date])).toEqual([
      [ids.c4, '2026-01-01'],
      [ids.c1, '2026-03-18'],
      [ids.c3, '2026-06-16'],
    ]);
    expect(published[1]!.label).toMatch(/^云东城管罚决字〔2026〕\d+号 涉嫌擅自占用城市道路摆摊设点案$/);
    expect(await records(ctx, w.org.district.path, 2026, 'exempted_amount')).toEqual([expect.objectContaining({ subjectId: ids.c7, date: '2026-08-03', amount: 800 })]);
    expect((await records(ctx, w.org.district.path, 2026, 'legal_reviews')).map((r) => [r.subjectId, r.date])).toEqual([[ids.cR, '2026-01-05']]);
    expect((await records(ctx, w.org.district.path, 2026, 'legal_review_staff_ratio')).map((r) => r.label)).toEqual(['林晓（执法证号 53990219000102）']);
    expect((await records(ctx, w.org.city.path, 2026, 'discretion_benchmark_items')).map((r) => [r.subjectType, r.label, r.date])).toEqual([
      ['benchmarkItem', '不履行市容和环境卫生主体责任且逾期未改正', '2026-03-01'],
      ['benchmarkItem', '商场、门店超出门、窗外墙摆卖、经营不符合规范且拒不改正', '2026-03-01'],
    ]);
  });
});
