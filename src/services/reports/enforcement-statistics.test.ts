/**
 * 行政执法数据 (issue #19 item 4) on a small world whose every figure is counted by hand below. Cases and inspections go
 * through the real services (factories), each step on its own day; the test's clock says today is 2027-01-15, so 2026
 * is a closed year.
 *
 *   东湖区 brigade: A penalty 罚款 200元, decided 2026-03-16, closed 03-20
 *                   B penalty 警告 + 罚款 300元 + 没收违法所得 1,000.55元, decided 2026-05-18
 *                   C penalty 2,000元 decided 2026-06-15, revoked 06-20
 *                   D penalty 500元 decided 2025-12-31 (the year before)
 *                   E penalty 1,000元 decided 2026-01-01, reminded 02-02, 申请法院强制执行 2026-07-06
 *                   G 不予处罚 (首违不罚), H 不予处罚 (违法事实不能成立), both decided 2026-08-03
 *                   W filed and withdrawn (撤销立案) 2026-04-01
 *                   I1 inspection (planned) coded 2026-03-02, I2 (双随机) coded 2026-04-01, I3 cancelled 2026-04-01,
 *                   I4 (planned) coded 2025-12-31
 *   南湖街道 (town): F 简易程序 罚款 50元, 2026-07-15
 * 东湖区 2026: decisions A B E F = 4 (simple F, ordinary A B E); 警告 1 (B), 罚款 4, 没收违法所得 1 (B) — B counts in three
 *   kind rows and once in the total; fines 200 + 300 + 1,000 + 50 = 1,550元; confiscation 1,000.55元; 不予处罚 2;
 *   revoked 1 (C); withdrawn 1 (W); closed 1 (A); court enforcement 1 (E); inspections 2 (I1, I2), 双随机 1 → 50 %.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../domain/errors.ts';
import { formatStatistic, NOT_RECORDED, statisticsRowKeys, wanYuan } from '../../domain/reports/enforcement-statistics.ts';
import { creditCodeCheckChar } from '../../domain/validators/credit-code.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { decideOnSpot } from '../cases/decide-on-spot.ts';
import { getCase } from '../cases/get-case.ts';
import { indicators as caseIndicators } from '../cases/indicators.ts';
import { transitionCase } from '../cases/transition-case.ts';
import type { ServiceContext } from '../context.ts';
import { addInspectionItem, publishInspectionItem } from '../inspections/items.ts';
import { registerInspection } from '../inspections/register-inspection.ts';
import { addSubject } from '../inspections/subjects.ts';
import { transitionInspection } from '../inspections/transition-inspection.ts';
import { newCase, newPerson, newPowerItem, newWorld, type World } from '../testing/factories.ts';
import { loadExcelJS } from '../exceljs.ts';
import { computeEnforcementStatistics, enforcementStatistics, publicEnforcementStatistics } from './enforcement-statistics.ts';
import { enforcementStatisticsXlsx } from './enforcement-statistics-xlsx.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
const today = '2027-01-15';
const at = (day: string): ServiceContext => ({ ...ctx, clock: () => new Date(`${day}T01:00:00Z`) });

const noPenalty = (ground: string) => ({
  kind: 'noPenalty',
  ground,
  education: ground === 'factsNotEstablished' ? null : '向当事人宣讲市容管理规定，当事人当场改正。',
  penalty: null,
});

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(`${today}T01:00:00Z`) };
  w = await newWorld(at('2025-01-02'));
  const step = async (day: string, who: keyof World['actors'], id: number, body: Record<string, unknown>) => {
    const c = await getCase(ctx, w.actors[who], id, at(day).clock());
    return transitionCase(at(day), w.actors[who], id, { expectedVersion: c.version, ...body });
  };

  await newCase(ctx, w, { state: 'closed', startOn: '2026-03-02', fineFen: 200_00 }); // A
  await newCase(ctx, w, {
    state: 'decided',
    startOn: '2026-05-04',
    proposal: {
      kind: 'penalty',
      penalty: { kinds: ['warning', 'fine', 'confiscateIncome'], fineFen: 300_00, confiscationFen: 1_000_55, description: '警告，罚款人民币300元，没收违法所得1000.55元', basis: '《城市市容和环境卫生管理条例》第三十六条第（二）项' },
    },
  }); // B
  const c = await newCase(ctx, w, { state: 'decided', startOn: '2026-06-01', fineFen: 2_000_00 });
  await step('2026-06-20', 'head.donghu', c.id, { action: 'revokeDecision', status: 'revoked', reason: '认定事实有误，依法撤销。' });
  const d = await newCase(ctx, w, { state: 'decided', startOn: '2025-12-17', fineFen: 500_00 });
  expect(d.decision?.decidedOn).toBe('2025-12-31');
  const e = await newCase(ctx, w, { state: 'enforcing', startOn: '2025-12-18', fineFen: 1_000_00 });
  expect(e.decision?.decidedOn).toBe('2026-01-01');
  await step('2026-02-02', 'wanglei', e.id, { action: 'remindPayment', periodDays: 10, service: { method: 'direct', time: '10:00' } });
  await step('2026-07-06', 'head.donghu', e.id, { action: 'applyCourtEnforcement', court: '云城市东湖区人民法院' });
  for (const ground of ['firstViolation', 'factsNotEstablished']) {
    const n = await newCase(ctx, w, { state: 'reviewing', startOn: '2026-07-20', proposal: noPenalty(ground) });
    await step('2026-08-03', 'head.donghu', n.id, { action: 'decide' });
  }
  await newCase(ctx, w, { state: 'withdrawn', startOn: '2026-04-01' }); // W
  const townItem = await newPowerItem(ctx, w.org.town.id);
  const f = await decideOnSpot(at('2026-07-15'), w.actors.zhengyu, {
    title: '乱扔烟头',
    facts: '当事人在南湖广场随地乱扔烟头，经执法人员当场指出后承认。',
    place: '云城市东湖区南湖广场',
    actStartedOn: '2026-07-15',
    actEndedOn: '2026-07-15',
    powerItemId: townItem.id,
    party: newPerson('李娜'),
    officerIds: [w.users.zhengyu.id, w.users.fengjie.id],
    penalty: { kinds: ['fine'], fineFen: 50_00, description: '罚款人民币50元', basis: '《城市市容和环境卫生管理条例》第三十六条第（二）项' },
  });
  expect(f).toMatchObject({ procedure: 'simple', organization: { id: w.org.town.id } });

  // Inspections of the brigade.
  const head = w.actors['head.donghu'];
  const item = await addInspectionItem(at('2025-12-01'), head, w.org.district.id, {
    code: 'CG-001',
    name: '户外广告设施设置检查',
    basis: '《城市市容和环境卫生管理条例》第十一条',
    subjectKinds: ['enterprise'],
    method: 'onSite',
    yearlyCap: null,
    random: true,
  });
  await publishInspectionItem(at('2025-12-01'), head, item!.id, { publishedOn: '2025-12-01' });
  const first17 = '91539902MA6K0AAA1';
  const subject = await addSubject(at('2025-12-01'), w.actors.wanglei, w.org.district.id, { name: '云城市鑫源商贸有限公司', creditCode: first17 + creditCodeCheckChar(first17), kind: 'enterprise', address: '云城市东湖区湖滨路8号', category: '商贸', riskClass: 'B' });
  const officerIds = [w.users.wanglei.id, w.users.zhaogang.id];
  const inspect = async (day: string, trigger: string, then: 'issueCode' | 'cancel') => {
    const i = await registerInspection(at(day), w.actors.wanglei, { organizationId: w.org.brigade.id, subjectId: subject.id, itemId: item!.id, trigger, method: 'onSite', officerIds });
    const body = then === 'issueCode' ? { action: 'issueCode' } : { action: 'cancel', reason: '计划调整' };
    await transitionInspection(at(day), then === 'issueCode' ? w.actors.wanglei : head, i.id, { expectedVersion: i.version, ...body });
  };
  await inspect('2026-03-02', 'planned', 'issueCode'); // I1
  await inspect('2026-04-01', 'random', 'issueCode'); // I2
  await inspect('2026-04-01', 'planned', 'cancel'); // I3
  await inspect('2025-12-31', 'planned', 'issueCode'); // I4
}, 240_000);
afterAll(() => handle.close());

const valuesOf = (stats: Awaited<ReturnType<typeof computeEnforcementStatistics>>) => Object.fromEntries(stats.rows.map((r) => [r.key, r.value]));
const rowOf = (stats: Awaited<ReturnType<typeof computeEnforcementStatistics>>, key: string) => stats.rows.find((r) => r.key === key)!;
const unitOf = (org: World['org'][keyof World['org']]) => ({ id: org.id, name: org.name, path: org.path });

describe('行政执法数据 (国办发〔2018〕118号): the annual enforcement statistics', () => {
  it('the district for 2026, every figure as counted by hand; a decision with several kinds counts in each kind row and once in the total', async () => {
    const stats = await computeEnforcementStatistics(ctx, unitOf(w.org.district), 2026);
    expect(stats.rows.map((r) => r.key)).toEqual(statisticsRowKeys);
    expect(stats).toMatchObject({ year: 2026, countedOn: today, closed: true, title: '云城市东湖区城市管理和综合行政执法局 2026年度行政执法数据统计表' });
    expect(valuesOf(stats)).toEqual({
      penalty_decisions: 4, // A, B, E, F — not C (revoked), not D (2025)
      kind_warning: 1, // B
      kind_criticism: 0,
      kind_fine: 4, // A, B, E, F
      kind_confiscateIncome: 1, // B
      kind_confiscateProperty: 0,
      kind_suspendLicense: 0,
      kind_lowerQualification: 0,
      kind_revokeLicense: 0,
      kind_restrictBusiness: 0,
      kind_suspendBusiness: 0,
      kind_close: 0,
      kind_restrictEmployment: 0,
      kind_detention: null, // only the police may detain: not recorded
      kind_other: 0,
      fine_amount: 1_550, // 200 + 300 + 1,000 + 50
      confiscation_amount: 1_000.55, // B, exact to the 分
      simple_procedure: 1, // F
      ordinary_procedure: 3, // A, B, E
      no_penalty: 2, // G, H
      revoked: 1, // C
      withdrawn: 1, // W
      closed: 1, // A
      inspections: 2, // I1, I2 — not I3 (cancelled), not I4 (2025)
      random_inspections: 1, // I2
      random_share: 50,
      coercive_measures: null,
      coercive_enforcement: null,
      court_enforcement: 1, // E
      licences: null,
    });
    expect(stats.notes.join('\n')).toContain('一件处罚决定同时给予几种处罚的，在每一种处罚的行中各计一次，在“行政处罚决定（合计）”中只计一次');
  });

  it('a row without a ledger says 本系统无记录, never 0 (行政许可, 行政强制措施, 行政机关强制执行, 行政拘留)', async () => {
    const stats = await computeEnforcementStatistics(ctx, unitOf(w.org.district), 2026);
    for (const key of ['licences', 'coercive_measures', 'coercive_enforcement', 'kind_detention']) {
      const row = rowOf(stats, key);
      expect(row, key).toMatchObject({ recorded: false, value: null, months: null, note: NOT_RECORDED });
      expect(formatStatistic(row)).toBe('本系统无记录');
    }
    // 《行政处罚法》第十八条第三款: the reason the detention row is empty.
    expect(rowOf(stats, 'kind_detention').definition).toContain('第十八条第三款');
  });

  it('per month, by the decision date in China time', async () => {
    const stats = await computeEnforcementStatistics(ctx, unitOf(w.org.district), 2026);
    const month = (key: string) => rowOf(stats, key).months;
    expect(month('penalty_decisions')).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0]); // E Jan, A Mar, B May, F Jul
    expect(month('fine_amount')).toEqual([1_000, 0, 200, 0, 300, 0, 50, 0, 0, 0, 0, 0]);
    expect(month('confiscation_amount')![4]).toBe(1_000.55);
    expect(month('revoked')![5]).toBe(1); // C, decided in June
    expect(month('withdrawn')![3]).toBe(1);
    expect(month('court_enforcement')![6]).toBe(1);
    expect(month('random_share')).toEqual([null, null, 0, 100, null, null, null, null, null, null, null, null]);
    // The months add up to the year.
    for (const row of stats.rows) if (row.months && row.unit !== '%') expect(Math.round(row.months.reduce<number>((s, v) => s + (v ?? 0), 0) * 100) / 100, row.key).toBe(row.value);
  });

  it('agrees with the annual report: the total is penalty_cases, fines plus confiscations are penalty_amount', async () => {
    for (const org of [w.org.district, w.org.town, w.org.city]) {
      const stats = valuesOf(await computeEnforcementStatistics(ctx, unitOf(org), 2026));
      const report = Object.fromEntries((await caseIndicators(ctx, org.path, 2026)).map((v) => [v.key, v.value]));
      expect(stats.penalty_decisions, org.name).toBe(report.penalty_cases);
      expect(Math.round((stats.fine_amount! + stats.confiscation_amount!) * 100) / 100, org.name).toBe(report.penalty_amount);
    }
  });

  it('scopes to the subtree and the calendar year', async () => {
    const town = valuesOf(await computeEnforcementStatistics(ctx, unitOf(w.org.town), 2026));
    expect(town).toMatchObject({ penalty_decisions: 1, simple_procedure: 1, ordinary_procedure: 0, fine_amount: 50, inspections: 0, random_share: null, closed: 0 });
    const other = await computeEnforcementStatistics(ctx, unitOf(w.org.otherDistrict), 2026);
    expect(valuesOf(other)).toMatchObject({ penalty_decisions: 0, fine_amount: 0, inspections: 0, licences: null });
    expect(rowOf(other, 'random_share').note).toBe('本年度无行政检查，无法计算占比');
    const before = valuesOf(await computeEnforcementStatistics(ctx, unitOf(w.org.district), 2025));
    expect(before).toMatchObject({ penalty_decisions: 1, fine_amount: 500, kind_fine: 1, inspections: 1, random_inspections: 0, random_share: 0, revoked: 0 }); // D, I4
    const future = await computeEnforcementStatistics(ctx, unitOf(w.org.district), 2028);
    expect(future.rows.every((r) => r.value === null)).toBe(true);
  });

  it('who reads the indicator table reads the statistics; another district is not found', async () => {
    expect((await enforcementStatistics(ctx, w.actors['reviewer.donghu'], w.org.district.id, 2026)).rows[0]!.value).toBe(4);
    expect((await enforcementStatistics(ctx, w.actors.supervisor, w.org.district.id, 2026)).rows[0]!.value).toBe(4);
    await expect(enforcementStatistics(ctx, w.actors.wanglei, w.org.district.id, 2026)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(enforcementStatistics(ctx, w.actors['head.xishan'], w.org.district.id, 2026)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('国办发〔2018〕118号: public once the year is over — the current year is refused with the reason', async () => {
    expect(valuesOf(await publicEnforcementStatistics(ctx, w.org.district.id, 2026)).penalty_decisions).toBe(4);
    const refused = (await publicEnforcementStatistics(ctx, w.org.district.id, 2027).catch((e: unknown) => e)) as AppError;
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', message: '2027年度尚未结束，行政执法数据在年度结束后公开（次年1月31日前）' });
    expect(refused.details?.article).toContain('国办发〔2018〕118号');
    // On New Year's Eve in China (16:30 UTC on 12-31 is already 2027-01-01 00:30 there), 2026 is over.
    const newYear: ServiceContext = { ...ctx, clock: () => new Date('2026-12-31T16:30:00Z') };
    expect((await publicEnforcementStatistics(newYear, w.org.district.id, 2026)).closed).toBe(true);
    const eve: ServiceContext = { ...ctx, clock: () => new Date('2026-12-31T15:30:00Z') };
    await expect(publicEnforcementStatistics(eve, w.org.district.id, 2026)).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    await expect(publicEnforcementStatistics(ctx, 999_999, 2026)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the XLSX: title row, unit and date, one row per category, money in 万元 with two decimals, the months and a 说明 sheet', async () => {
    const stats = await computeEnforcementStatistics(ctx, unitOf(w.org.district), 2026);
    const ExcelJS = await loadExcelJS();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await enforcementStatisticsXlsx(stats)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['行政执法数据', '分月统计', '说明']);
    const sheet = book.getWorksheet('行政执法数据')!;
    expect(sheet.getCell('A1').value).toBe('云城市东湖区城市管理和综合行政执法局 2026年度行政执法数据统计表');
    expect(String(sheet.getCell('A2').value)).toBe('填报单位：云城市东湖区城市管理和综合行政执法局');
    expect(String(sheet.getCell('F2').value)).toBe('统计日期：2027-01-15');
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((row) => rows.set(String(row.getCell(3).value), [row.getCell(2).value, row.getCell(4).value, row.getCell(5).value]));
    expect(rows.get('行政处罚决定（合计）')).toEqual(['行政处罚', '件', 4]);
    expect(rows.get('警告')).toEqual(['行政处罚', '件', 1]);
    expect(rows.get('罚款金额')).toEqual(['行政处罚', '万元', 0.16]); // 1,550元
    expect(rows.get('没收违法所得、没收非法财物金额')).toEqual(['行政处罚', '万元', 0.1]); // 1,000.55元
    expect(rows.get('行政许可决定')).toEqual(['行政许可', '件', '本系统无记录']);
    expect(rows.get('双随机抽查占比')).toEqual(['行政检查', '%', 50]);
    const months = book.getWorksheet('分月统计')!;
    expect(months.getRow(3).values).toEqual([undefined, '行政处罚决定（合计）', '件', 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0]);
    const notes: string[] = [];
    book.getWorksheet('说明')!.eachRow((row) => notes.push(String(row.getCell(2).value)));
    expect(notes.join('\n')).toContain('国办发〔2018〕118号');
    expect(notes.join('\n')).toContain('本系统无记录');
  });

  it('万元 from the exact 分', () => {
    expect([wanYuan(1_550), wanYuan(1_000.55), wanYuan(12_345.67), wanYuan(0), wanYuan(5_000)]).toEqual(['0.16', '0.10', '1.23', '0.00', '0.50']);
  });
});
