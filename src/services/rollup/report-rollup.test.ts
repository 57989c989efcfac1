/**
 * The supervisor's roll-up (issue #19 item 5) on a small world counted by hand; today is 2027-02-10 unless a test
 * says otherwise, the year rolled up 2026.
 *
 *   云城市 (city, 周敏 the supervisor) ─ 东湖区 (district) ─ brigade: case P1 penalty 200元
 *                                     │                    └ town:   case P2 penalty 150元
 *                                     │                    orders A (满意), B (不满意) handled by the brigade
 *                                     └ 西山区 (otherDistrict) ─ order E (满意); no cases — sends its report as a file
 * 西山区's report states 行政处罚案件15件, 罚没款3.5万元, 专题学法6次, 法制审核人员占比20%.
 * Totals over 东湖区 + 西山区: penalty_cases 2 + 15 (extracted) = 17; penalty_amount 350 + 35000 = 35350;
 * 法制审核人员占比 1/7 and 0/2 → 1/9 = 11.11 % (the computed 0 % of 西山区 wins over the 20 % its report states).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorMeasure } from '../../domain/indicators/catalog.ts';
import { reportDueOn } from '../../domain/rollup/model.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { auditRecords, reportUploads } from '../../db/schema.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { loadExcelJS } from '../exceljs.ts';
import { memoryFileStore } from '../file-store.ts';
import { computeUnitIndicators } from '../indicators/unit-indicators.ts';
import { enterManualIndicator } from '../indicators/manual-entries.ts';
import type { Organization } from '../organizations.ts';
import { newWorld, type World } from '../testing/factories.ts';
import { seedIndicatorWorld } from '../testing/workorder-factories.ts';
import { compareReports, computeReportRollup, exportReportRollup, reportRollup, type ReportStateSource, setRankingWeights, totalOf } from './report-rollup.ts';
import { listReportUploads, readReportUploadFile, uploadReport } from './report-uploads.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
let today = '2026-11-13';
const files = memoryFileStore();


/** A free-text report of `unit` for 2026, as a unit that does not use Fazhi writes it. */
function reportText(unit: string, body = '全年办理行政处罚案件15件，罚没款3.5万元。组织专题学法6次。法制审核人员占本单位执法人员总数的20%。', year = 2026) {
  return `${unit}${String(year)}年法治政府建设年度报告

${String(year)}年，${unit}坚持依法行政，现将有关情况报告如下。
一、主要举措和成效
${body}
二、存在的不足和原因
执法人员数量不足。
四、${String(year + 1)}年工作打算
继续加强执法规范化建设。

${unit}
${String(year + 1)}年1月20日
`;
}
const txt = (text: string, fileName = '西山区2026年法治政府建设年度报告.txt') => ({ fileName, data: Buffer.from(text, 'utf8') });

const actor = (u: keyof World['actors']) => w.actors[u];
const cell = (r: Awaited<ReturnType<typeof computeReportRollup>>, key: string, unitId: number) => {
  const row = r.indicators.find((i) => i.key === key)!;
  return row.cells[r.units.findIndex((u) => u.id === unitId)]!;
};
const total = (r: Awaited<ReturnType<typeof computeReportRollup>>, key: string) => r.indicators.find((i) => i.key === key)!.total;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(`${today}T01:00:00Z`), files };
  today = '2025-01-02';
  w = await newWorld(ctx);
  await seedIndicatorWorld(ctx, w, (day) => (today = day));
  today = '2027-02-10';
}, 120_000);
afterAll(() => handle.close());

describe('the roll-up of the units below a supervising unit', () => {
  it('the total of 东湖区 and 西山区 equals every indicator computed over 云城市, their parent (rates from summed counts, never averaged)', async () => {
    const r = await computeReportRollup(ctx, w.org.city, 2026);
    expect(r.units.map((u) => [u.name, u.level, u.status])).toEqual([
      [w.org.district.name, 1, 'not-started'],
      [w.org.otherDistrict.name, 1, 'not-started'],
    ]);
    const city = await computeUnitIndicators(ctx, w.org.city, 2026);
    for (const row of city.indicators) {
      const t = total(r, row.key);
      expect([row.key, t.value, t.numerator, t.denominator], row.key).toEqual([row.key, row.value, row.numerator, row.denominator]);
    }
    expect(total(r, 'legal_review_staff_ratio')).toMatchObject({ value: 11.11, numerator: 1, denominator: 9, source: 'computed' });
    expect(total(r, 'petition_satisfaction')).toMatchObject({ value: 66.67, numerator: 2, denominator: 3 });
    expect(cell(r, 'penalty_cases', w.org.otherDistrict.id)).toMatchObject({ value: null, source: 'none' });
    expect(r.dueOn).toBe('2027-03-31');
  });

  it('an uploaded report: stored under its SM3 digest, analyzed, audited; its figures enter flagged extracted with their sentence; the unit counts as published', async () => {
    const up = await uploadReport(ctx, actor('supervisor'), w.org.otherDistrict.id, txt(reportText(w.org.otherDistrict.name)), { year: '2026' });
    expect(up).toMatchObject({ organizationId: w.org.otherDistrict.id, year: 2026, version: 1, publishedOn: '2027-02-10', mediaType: 'text/plain', uploadedBy: '周敏' });
    expect(up.analysis.missingSections).toEqual(['responsibility']);
    expect(files.entries().some(([d]) => d === up.digest)).toBe(true);
    const audit = await ctx.db.select().from(auditRecords).where(eq(auditRecords.chain, `reportUpload:${String(up.id)}`)).orderBy(auditRecords.id);
    expect(audit.map((a) => a.action)).toEqual(['reportUpload.upload']);

    const r = await computeReportRollup(ctx, w.org.city, 2026);
    expect(r.units.find((u) => u.id === w.org.otherDistrict.id)).toMatchObject({ status: 'published', publishedOn: '2027-02-10', upload: { id: up.id, version: 1 } });
    expect(cell(r, 'penalty_cases', w.org.otherDistrict.id)).toMatchObject({ value: 15, source: 'extracted', extracted: { value: 15, text: '全年办理行政处罚案件15件，罚没款3.5万元。', uploadId: up.id } });
    expect(total(r, 'penalty_cases')).toMatchObject({ value: 17, source: 'extracted', note: '含提取数据' });
    expect(total(r, 'penalty_amount')).toMatchObject({ value: 35350 });
    // Computed wins over extracted: 西山区's officers are counted (0 of 2 legal reviewers), not its report's 20 %.
    expect(cell(r, 'legal_review_staff_ratio', w.org.otherDistrict.id)).toMatchObject({ value: 0, source: 'computed', extracted: { value: 20 } });
    expect(total(r, 'legal_review_staff_ratio')).toMatchObject({ value: 11.11, source: 'computed' });
  });

  it('a hand-entered figure wins over an extracted one (the extracted one still shown beside it)', async () => {
    await enterManualIndicator(ctx, actor('head.xishan'), w.org.otherDistrict.id, 'law_study_sessions', { year: 2026, value: 4, sourceNote: '党组学法记录（4次）' });
    const r = await computeReportRollup(ctx, w.org.city, 2026);
    expect(cell(r, 'law_study_sessions', w.org.otherDistrict.id)).toMatchObject({ value: 4, source: 'hand-entered', extracted: { value: 6 } });
  });

  it('a re-upload replaces the report (version 2) and the audit chain keeps the version it replaced', async () => {
    const before = (await listReportUploads(ctx, actor('head.xishan'), w.org.otherDistrict.id, 2026))[0]!;
    const up = await uploadReport(ctx, actor('head.xishan'), w.org.otherDistrict.id, txt(reportText(w.org.otherDistrict.name, '全年办理行政处罚案件16件。组织专题学法6次。')), { year: '2026', publishedOn: '2027-01-25' });
    expect(up).toMatchObject({ id: before.id, version: 2, publishedOn: '2027-01-25', uploadedBy: '杨帆' });
    const audit = await ctx.db.select().from(auditRecords).where(eq(auditRecords.chain, `reportUpload:${String(up.id)}`)).orderBy(auditRecords.id);
    expect(audit).toHaveLength(2);
    expect((audit[1]!.change as { replaces: unknown }).replaces).toEqual({ version: 1, fileName: before.fileName, digest: before.digest, publishedOn: '2027-02-10' });
    expect(cell(await computeReportRollup(ctx, w.org.city, 2026), 'penalty_cases', w.org.otherDistrict.id)).toMatchObject({ value: 16, source: 'extracted' });
  });

  it('bad uploads get a clear Chinese error and change nothing', async () => {
    const rows = async () => (await ctx.db.select().from(reportUploads)).map((u) => [u.id, u.version, u.digest]);
    const stored = await rows();
    const storedFiles = files.entries().length;
    const refuse = async (who: keyof World['actors'], unit: Organization, file: { fileName: string; data: Buffer }, fields: Record<string, string>, message: RegExp | string) => {
      await expect(uploadReport(ctx, actor(who), unit.id, file, fields)).rejects.toThrow(message);
    };
    await refuse('supervisor', w.org.district, txt(reportText(w.org.district.name, '全年办理行政处罚案件9件。', 2025)), { year: '2026' }, '该报告是2025年度的报告，与所选年度（2026年）不符');
    await refuse('supervisor', w.org.district, txt('报告', '东湖区.doc'), { year: '2026' }, /请上传 \.docx、\.pdf 或 \.txt 文件（不接受 \.doc）/);
    await refuse('supervisor', w.org.district, txt(''), { year: '2026' }, /文件为空/);
    await refuse('supervisor', w.org.district, txt(reportText(w.org.district.name)), { year: '2027' }, '2027年度尚未结束，不能上传该年度的年度报告');
    await refuse('supervisor', w.org.district, txt(reportText(w.org.district.name)), { year: '2026', publishedOn: '2027-02-30' }, '公开日期应为有效日期（YYYY-MM-DD）');
    await refuse('supervisor', w.org.district, txt(reportText(w.org.district.name)), { year: '2026', publishedOn: '2026-12-30' }, '2026年度报告的公开日期应在2027年');
    await refuse('supervisor', w.org.district, txt(reportText(w.org.district.name)), {}, /年度/);
    await refuse('wanglei', w.org.brigade, txt(reportText(w.org.brigade.name)), { year: '2026' }, /此操作需要以下角色之一/);
    await refuse('head.xishan', w.org.district, txt(reportText(w.org.district.name)), { year: '2026' }, '未找到该单位');
    expect(await rows()).toEqual(stored);
    expect(files.entries()).toHaveLength(storedFiles);
  });

  it('a computed figure wins over what the unit’s own uploaded report states', async () => {
    await uploadReport(ctx, actor('reviewer.donghu'), w.org.district.id, txt(reportText(w.org.district.name, '全年办理行政处罚案件9件。'), '东湖区报告.txt'), { year: '2026' });
    const r = await computeReportRollup(ctx, w.org.city, 2026);
    expect(cell(r, 'penalty_cases', w.org.district.id)).toMatchObject({ value: 2, source: 'computed', extracted: { value: 9 } });
    expect(total(r, 'penalty_cases')).toMatchObject({ value: 18 });
  });

  it('the file is read back with its digest checked first; a changed file is refused', async () => {
    const [up] = await listReportUploads(ctx, actor('supervisor'), w.org.otherDistrict.id, 2026);
    const file = await readReportUploadFile(ctx, actor('supervisor'), w.org.otherDistrict.id, up!.id);
    expect(file.data.toString('utf8')).toContain('全年办理行政处罚案件16件');
    await expect(readReportUploadFile(ctx, actor('head.donghu'), w.org.otherDistrict.id, up!.id)).rejects.toThrow('未找到该单位');
    await expect(readReportUploadFile(ctx, actor('supervisor'), w.org.district.id, up!.id)).rejects.toThrow('未找到该年度报告');
    const original = Buffer.from(file.data);
    files.tamper(up!.digest, Buffer.from('changed'));
    await expect(readReportUploadFile(ctx, actor('supervisor'), w.org.otherDistrict.id, up!.id)).rejects.toThrow(/与登记的摘要不一致/);
    files.tamper(up!.digest, original);
  });
});

describe('report status across the due day (31 March, calendar date)', () => {
  it('from 1 April a unit without a published report is 未报告; a report published after 31 March is 逾期公开; a drafts source plugs in', async () => {
    const drafts: ReportStateSource = {
      name: 'drafts',
      listReportStates: async (_ctx, ids, year) => ids.filter((id) => id === w.org.brigade.id).map((organizationId) => ({ organizationId, state: 'drafting', publishedAt: null, dueOn: reportDueOn(year) })),
    };
    today = '2027-03-31';
    let r = await computeReportRollup(ctx, w.org.district, 2026, { stateSources: [drafts] });
    expect(r.units.map((u) => [u.id, u.status])).toEqual([
      [w.org.brigade.id, 'drafting'],
      [w.org.town.id, 'not-started'],
    ]);
    today = '2027-04-01';
    r = await computeReportRollup(ctx, w.org.district, 2026, { stateSources: [drafts] });
    expect(r.units.map((u) => u.status)).toEqual(['missing', 'missing']);
    await uploadReport(ctx, actor('head.donghu'), w.org.town.id, txt(reportText(w.org.town.name, '组织专题学法2次。'), '南湖街道.txt'), { year: '2026' });
    r = await computeReportRollup(ctx, w.org.district, 2026);
    expect(r.units.find((u) => u.id === w.org.town.id)).toMatchObject({ status: 'late', publishedOn: '2027-04-01' });
    today = '2027-02-10';
  });
});

describe('depth, ranking, export', () => {
  it('depth 2 lists the units two levels down under theirs; the total stays over the units directly below', async () => {
    const r = await computeReportRollup(ctx, w.org.city, 2026, { depth: 2 });
    expect(r.units.map((u) => [u.name, u.level])).toEqual([
      [w.org.district.name, 1],
      [w.org.brigade.name, 2],
      [w.org.town.name, 2],
      [w.org.otherDistrict.name, 1],
      [w.org.otherBrigade.name, 2],
    ]);
    expect(cell(r, 'penalty_cases', w.org.brigade.id)).toMatchObject({ value: 1, source: 'computed' });
    expect(total(r, 'penalty_cases')).toMatchObject({ value: 18 });
  });

  it('the supervisor sets weights (audited, replaced with what they replace); units are ranked on them', async () => {
    await expect(setRankingWeights(ctx, actor('head.donghu'), w.org.city.id, { year: 2026, weights: [{ key: 'penalty_cases', weight: 1 }] })).rejects.toThrow(/此操作需要以下角色之一/);
    await expect(setRankingWeights(ctx, actor('supervisor'), w.org.city.id, { year: 2026, weights: [{ key: 'penalty_cases', weight: 0 }] })).rejects.toThrow('请至少为一项指标设置大于 0 的权重');
    await expect(setRankingWeights(ctx, actor('supervisor'), w.org.city.id, { year: 2026, weights: [{ key: 'penalty_cases', weight: 101 }] })).rejects.toThrow('权重不超过 100');
    await setRankingWeights(ctx, actor('supervisor'), w.org.city.id, { year: 2026, weights: [{ key: 'penalty_cases', weight: 10 }] });
    const set = await setRankingWeights(ctx, actor('supervisor'), w.org.city.id, {
      year: 2026,
      weights: [
        { key: 'penalty_cases', weight: 60 },
        { key: 'legal_review_staff_ratio', weight: 40 },
        { key: 'exam_pass_rate', weight: 0 },
      ],
    });
    expect(set).toMatchObject({ version: 2, setBy: '周敏', weights: [{ key: 'penalty_cases', weight: 60 }, { key: 'legal_review_staff_ratio', weight: 40 }] });
    const audit = await ctx.db.select().from(auditRecords).where(and(eq(auditRecords.action, 'rollup.weights'))).orderBy(auditRecords.id);
    expect(audit).toHaveLength(2);
    expect((audit[1]!.change as { replaces: unknown }).replaces).toEqual([{ key: 'penalty_cases', weight: 10 }]);
    // penalty_cases: 东湖区 2, 西山区 16 → 0, 1; 法制审核人员占比: 14.29, 0 → 1, 0. Scores 40 and 60.
    const r = await reportRollup(ctx, actor('supervisor'), w.org.city.id, 2026);
    expect(r.ranking.map((x) => [x.name, x.score, x.rank])).toEqual([
      [w.org.otherDistrict.name, 60, 1],
      [w.org.district.name, 40, 2],
    ]);
    await expect(reportRollup(ctx, actor('head.donghu'), w.org.city.id, 2026)).rejects.toThrow(/此操作需要以下角色之一/);
  });

  it('the XLSX: the table with its total, the sources, the statuses and the ranking', async () => {
    const exported = await exportReportRollup(ctx, actor('supervisor'), w.org.city.id, 2026);
    const chunks: Buffer[] = [];
    for await (const c of exported.stream) chunks.push(c as Buffer);
    const ExcelJS = await loadExcelJS();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('指标汇总')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '指标', '单位', w.org.district.name, w.org.otherDistrict.name, '合计']);
    const penalty = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(1).value === '行政处罚案件数')!;
    expect([penalty.getCell(3).value, penalty.getCell(4).value, penalty.getCell(5).value]).toEqual([2, 16, 18]);
    const sources = book.getWorksheet('数据来源')!.getRows(2, 60)!.find((row) => row.getCell(1).value === '行政处罚案件数')!;
    expect([sources.getCell(3).value, sources.getCell(4).value]).toEqual(['系统计算', '提取']);
    expect(book.getWorksheet('晾晒排名')!.getRow(2).values).toEqual([undefined, 1, w.org.otherDistrict.name, 60, 16, 0]);
    expect(book.getWorksheet('报告状态')!.getRow(3).values).toEqual([undefined, w.org.otherDistrict.name, 1, '已公开', '2027-01-25', '2027-03-31', '西山区2026年法治政府建设年度报告.txt']);
  });
});

describe('the side-by-side comparison', () => {
  it('shows each report’s parts present or missing and the figures side by side; a unit with a draft counts as generated', async () => {
    const drafts: ReportStateSource = { name: 'drafts', listReportStates: async (_c, ids) => ids.filter((id) => id === w.org.brigade.id).map((organizationId) => ({ organizationId, state: 'drafting', publishedAt: null, dueOn: '2027-03-31' })) };
    const c = await compareReports(ctx, actor('supervisor'), w.org.city.id, 2026, [w.org.otherDistrict.id, w.org.brigade.id, w.org.otherBrigade.id], [drafts]);
    expect(c.reports.map((r) => [r.name, r.kind, r.missingSections])).toEqual([
      [w.org.otherDistrict.name, 'uploaded', ['responsibility']],
      [w.org.brigade.name, 'generated', []],
      [w.org.otherBrigade.name, 'none', ['measures', 'shortcomings', 'responsibility', 'plan']],
    ]);
    const penalty = c.indicators.find((i) => i.key === 'penalty_cases')!;
    expect(penalty.cells.map((x) => [x.value, x.source])).toEqual([
      [16, 'extracted'],
      [1, 'computed'],
      [null, 'none'],
    ]);
    await expect(compareReports(ctx, actor('supervisor'), w.org.district.id, 2026, [w.org.brigade.id, w.org.otherBrigade.id])).rejects.toThrow(`“${w.org.otherBrigade.name}”不在${w.org.district.name}的下级单位中`);
    await expect(compareReports(ctx, actor('head.donghu'), w.org.district.id, 2026, [w.org.brigade.id, w.org.town.id])).rejects.toThrow(/此操作需要以下角色之一/);
  });

  it('a total of rates: an extracted rate without its counts cannot be combined with another unit’s rate', () => {
    const t = totalOf('exam_pass_rate', [
      { value: 90, source: 'extracted', extracted: null },
      { value: 50, numerator: 1, denominator: 2, source: 'computed', extracted: null },
    ]);
    expect(t).toMatchObject({ value: null, source: 'none' });
    expect(indicatorMeasure('exam_pass_rate')).toBe('rate');
  });
});
