import { describe, expect, it } from 'vitest';
import { indicatorCatalog, indicatorMeasure } from './catalog.ts';
import { extractIndicators } from './indicators.ts';
import { readTableFigures } from './tables.ts';
import { normalizeForMatching, splitLines } from './text.ts';

/** The (key=value) pairs read from the text of a 2024 report. */
function read(lines: string[], reportYear = 2024): string[] {
  const text = lines.join('\n');
  return extractIndicators(text, normalizeForMatching(text), { reportYear }).map((m) => `${m.key}=${String(m.value)}`);
}

describe('figures stated in tables (issue 19 item 6)', () => {
  it('reads a two-column table with tabs, units in the label, in the cell or nowhere (a count)', () => {
    const table = ['全年主要指标如下：', '指标\t数值', '专题学法次数\t6', '行政处罚案件数（件）\t126', '罚没金额（万元）\t36.8', '整改到位率\t98.5%', '法律咨询\t430人次'];
    expect(read(table)).toEqual(['law_study_sessions=6', 'penalty_cases=126', 'penalty_amount=368000', 'rectification_rate=98.5', 'legal_consultations=430']);
  });

  it('reads the column of the year reported on, not last year’s, under a 单位 note and a serial number column', () => {
    const table = ['单位：件', '| 序号 | 项目 | 2023年 | 2024年 |', '| 1 | 行政处罚案件 | 100 | 128 |', '| 2 | 信访投诉办理 | 45 | 52 |', '| 3 | 合法性审查 | 30 | 41 |'];
    expect(read(table)).toEqual(['penalty_cases=128', 'petitions_handled=52', 'legality_reviews=41']);
    // The same table in a 2023 report gives the other column.
    expect(read(table, 2023)).toEqual(['penalty_cases=100', 'petitions_handled=45', 'legality_reviews=30']);
  });

  it('reads 本年 against 上年 and 同比 columns (cells split by spaces, as HTML and PDF text gives them)', () => {
    expect(read(['项目 本年 上年 同比', '执法检查 320次 300次 6.7%', '出动人次 1500 1400 7.1%'])).toEqual(['inspections=320', 'inspection_staff_trips=1500']);
  });

  it('reads a Word table that comes as one cell per line', () => {
    const cells = ['指标', '', '数量', '', '行政处罚案件数', '', '128', '', '罚没金额（万元）', '', '46.5', '', '调解纠纷件数', '', '63'];
    expect(read(cells)).toEqual(['penalty_cases=128', 'penalty_amount=465000', 'disputes_mediated=63']);
  });

  it('reads a unit column before the figures, and a unit set apart by spaces (PDF text)', () => {
    expect(read(['序号 指标名称 单位 数值', '1 行政处罚案件数 件 126', '2 罚没金额 万元 36.8', '3 整改到位率 % 98'])).toEqual(['penalty_cases=126', 'penalty_amount=368000', 'rectification_rate=98']);
    expect(read(['罚没金额 （万元） 36.8'])).toEqual(['penalty_amount=368000']);
  });

  it('reads a Word table whose one figure column is the year reported on', () => {
    expect(read(['指标', '', '2024年', '', '行政处罚案件数', '', '128'])).toEqual(['penalty_cases=128']);
  });

  it('reads every catalog name as a row label', () => {
    const sample = (key: string) => (indicatorMeasure(key as never) === 'rate' ? '88.5%' : indicatorMeasure(key as never) === 'amount' ? '12万元' : '37');
    for (const entry of indicatorCatalog) {
      const expected = indicatorMeasure(entry.key) === 'rate' ? 88.5 : indicatorMeasure(entry.key) === 'amount' ? 120000 : 37;
      expect(read(['指标\t数值', `${entry.name}\t${sample(entry.key)}`]), entry.name).toEqual([`${entry.key}=${String(expected)}`]);
    }
  });

  it.each([
    ['a table of last year only', ['指标 2023年', '行政处罚案件数 100']],
    ['a column of targets', ['指标 目标值', '行政处罚案件数 150']],
    ['a Word table with a column per year', ['指标', '', '2023年', '', '2024年', '', '行政处罚案件数', '', '100', '', '128']],
    ['a Word table of last year only', ['指标', '', '2023年', '', '行政处罚案件数', '', '100']],
    ['two figures and no header to tell them apart', ['专题学法次数 6 5']],
    ['money without a unit (元 or 万元?)', ['罚没金额 36.8']],
    ['a label that names no indicator', ['办公用房面积 1200']],
    ['a label of another year or of a change', ['上年行政处罚案件数\t100', '行政处罚案件数增长率\t12%']],
    ['a percentage under a count', ['行政处罚案件数\t12%']],
  ])('leaves out %s', (_why, lines) => {
    expect(read(['关于2024年法治政府建设情况的报告', ...lines])).toEqual([]);
  });

  it('does not read the rows of the plan for next year when told to skip it', () => {
    const text = ['四、2025年工作计划', '行政处罚案件数\t150'].join('\n');
    expect(extractIndicators(text, normalizeForMatching(text), { reportYear: 2024, skip: [{ start: 0, end: text.length }] })).toEqual([]);
  });

  it('gives the row as evidence, at its place in the text', () => {
    const text = ['正文。', '行政处罚案件数（件）\t126'].join('\n');
    const [mention] = extractIndicators(text, normalizeForMatching(text), { reportYear: 2024 });
    expect(mention).toMatchObject({ key: 'penalty_cases', value: 126, text: '行政处罚案件数（件）\t126' });
    expect(mention && text.slice(mention.start, mention.start + mention.text.length)).toBe(mention?.text);
  });
});

describe('readTableFigures', () => {
  it('leaves prose alone: a sentence with figures is no table row', () => {
    const lines = splitLines('全年办理行政处罚案件126件，罚没款36.8万元。');
    expect(readTableFigures(lines, 2024).figures).toEqual([]);
  });
});
