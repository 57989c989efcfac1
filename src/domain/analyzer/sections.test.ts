import { describe, expect, it } from 'vitest';
import { classifyHeading, detectHeadings, readHeading, summarizeSections, titleNamesPlan } from './sections.ts';
import { splitLines } from './text.ts';

function sectionsOf(text: string, year = 2023) {
  const lines = splitLines(text);
  return summarizeSections(detectHeadings(lines, -1, text.length, year));
}

const body = '全年共巡查9353次，出动人次26802次，共发现各类问题28791件，均全部落实整改，整改到位率100%，群众满意度显著提高。';

describe('classifyHeading', () => {
  it.each([
    ['2023年度推进法治政府建设的主要举措和成效', ['measures']],
    ['主要工作举措及成效', ['measures']],
    ['存在的不足', ['shortcomings']],
    ['存在不足和原因', ['shortcomings']],
    ['存在的问题及下一步打算', ['shortcomings', 'plan']],
    ['2023年履行推进法治建设第一责任人职责情况', ['responsibility']],
    ['党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况', ['responsibility']],
    ['2024年度法治政府建设工作打算', ['plan']],
    ['2024年度推进法治政府建设的主要安排', ['plan']],
    ['下一步工作思路', ['plan']],
    ['下一步措施', ['plan']],
    ['主要负责人履职情况', ['responsibility']],
    ['存在的困难和问题', ['shortcomings']],
    ['其他需要报告的情况', ['other']],
    ['补齐短板，提升执法水平', []],
    ['解决问题情况', []],
  ])('%s', (text, kinds) => {
    expect(classifyHeading(text, 2023)).toEqual(kinds);
  });

  it('takes a year after the report year as a plan', () => {
    expect(classifyHeading('2022年重点工作', 2021)).toEqual(['plan']);
    expect(classifyHeading('2021年重点工作', 2021)).toEqual([]);
    expect(classifyHeading('2023年度推进法治政府建设情况', 2023)).toEqual(['measures']);
  });
});

describe('readHeading', () => {
  const line = (text: string) => ({ start: 0, end: text.length, text });
  it('reads numbered headings of each level, inline ones up to their 。', () => {
    expect(readHeading(line('一、主要举措和成效'), 2023)).toMatchObject({ level: 1, text: '主要举措和成效' });
    expect(readHeading(line('（三）严格规范公正文明执法。落实行政执法三项制度。'), 2023)).toMatchObject({ level: 2, text: '严格规范公正文明执法' });
    expect(readHeading(line('二)系统推进行业地方立法。成立立法起草小组'), 2023)).toMatchObject({ level: 2 });
    expect(readHeading(line('1.完善行政决策工作制度和程序规则。坚持把公众参与'), 2023)).toMatchObject({ level: 3 });
    expect(readHeading(line('第二部分 存在的问题'), 2023)).toMatchObject({ level: 0, kinds: ['shortcomings'] });
  });

  it('does not read a numbered paragraph as a heading', () => {
    const paragraph = '3.党政主要负责人履行推进法治建设第一责任人职责,落实“述法”要求,推进法治建设,运用法治思维和法治方式深化改革、推动发展、化解矛盾、维护稳定、应对风险。';
    expect(readHeading(line(paragraph), 2023)).toBeNull();
    expect(readHeading(line('3.19城市管理服务周'), 2023)).toBeNull();
  });

  it('reads an unnumbered heading line only when it names a part', () => {
    expect(readHeading(line('存在的不足'), 2023)).toMatchObject({ numbered: false, kinds: ['shortcomings'] });
    expect(readHeading(line('国务院部门网站'), 2023)).toBeNull();
  });
});

describe('summarizeSections', () => {
  it('finds all required parts of a complete report', () => {
    const text = ['一、2023年度推进法治政府建设的主要举措和成效', body, '二、2023年履行推进法治建设第一责任人职责情况', body, '三、存在的不足', body, '四、2024年度法治政府建设工作打算', body].join('\n');
    expect(sectionsOf(text)).toEqual({ measures: true, shortcomings: true, responsibility: true, plan: true, other: false });
  });

  it('does not count a sentence about the first-responsible duty inside another part', () => {
    const text = [
      '一、学习宣传习近平法治思想情况',
      '（二）贯彻落实情况。',
      '3.党政主要负责人履行推进法治建设第一责任人职责,落实“述法”要求,推进法治建设,运用法治思维和法治方式深化改革、推动发展、化解矛盾、维护稳定、应对风险。',
      body,
      '三、存在的问题',
      '一是法制宣传针对性不够强。',
      '四、2022年工作打算',
      body,
    ].join('\n');
    expect(sectionsOf(text, 2021)).toEqual({ measures: true, shortcomings: true, responsibility: false, plan: true, other: false });
  });

  it('reports missing parts and an optional other part', () => {
    const text = ['一、主要工作情况', body, '二、其他需要报告的情况', '无。'].join('\n');
    expect(sectionsOf(text)).toEqual({ measures: true, shortcomings: false, responsibility: false, plan: false, other: true });
  });

  it('finds nothing in text without headings', () => {
    expect(sectionsOf(`${body}\n${body}`)).toEqual({ measures: false, shortcomings: false, responsibility: false, plan: false, other: false });
  });
});

describe('titleNamesPlan (a title that names next year’s plan)', () => {
  it.each([
    ['白沙县卫生健康委员会2024年法治政府建设工作总结及2025年工作计划', 2024, true],
    ['关于2024年法治政府建设情况和下一步工作打算的报告', 2024, true],
    ['2024年法治政府建设工作总结', 2024, false],
    // The plan of the year reviewed is not next year's plan.
    ['2024年法治政府建设工作计划执行情况的报告', 2024, false],
  ] as const)('%s → %s', (title, year, expected) => {
    expect(titleNamesPlan(title, year)).toBe(expected);
  });
});
