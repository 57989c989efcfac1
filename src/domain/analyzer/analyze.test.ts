import { describe, expect, it } from 'vitest';
import { analyzeReportText } from './analyze.ts';

const report = [
  'XX县人民政府关于2023年度法治政府建设情况的报告',
  '市委、市政府：',
  '现将2023年度法治政府建设情况报告如下。',
  '一、2023年度推进法治政府建设的主要举措和成效',
  '（一）加强学法。县政府常务会议会前学法12次。2022年会前学法10次。',
  '（二）严格执法。全年共办理行政处罚案件3256件，罚没款1865.3万元，较上年下降8.2%。',
  '二、县政府主要负责人履行推进法治建设第一责任人职责情况',
  '县政府主要负责人认真履行第一责任人职责。',
  '三、存在的不足和原因',
  '一是个别部门重视不够。',
  '四、2024年工作安排',
  '开展执法培训10期，培训执法人员2000人次。',
  'XX县人民政府',
  '2024年2月20日',
].join('\n');

describe('analyzeReportText', () => {
  const result = analyzeReportText(report, 'county.txt');

  it('returns the contract shape with metadata and sections', () => {
    expect(result).toMatchObject({
      file: 'county.txt',
      title: 'XX县人民政府关于2023年度法治政府建设情况的报告',
      organization: 'XX县人民政府',
      year: 2023,
      date: '2024-02-20',
      sections: { measures: true, shortcomings: true, responsibility: true, plan: true, other: false },
      missingSections: [],
    });
  });

  it('reads this year’s figures only, not last year’s, comparisons or next year’s plan', () => {
    expect(result.indicators.map((m) => [m.key, m.value])).toEqual([
      ['law_study_sessions', 12],
      ['penalty_cases', 3256],
      ['penalty_amount', 18653000],
    ]);
  });

  it('points each evidence at its place in the text', () => {
    for (const mention of result.indicators) {
      expect(report.slice(mention.start, mention.start + mention.text.length)).toBe(mention.text);
    }
  });

  it('lists missing required parts', () => {
    const partial = analyzeReportText('关于2023年法治政府建设情况的报告\n一、主要工作情况\n全年共巡查9353次，出动人次26802次，共发现各类问题28791件，均全部落实整改。', 'partial.txt');
    expect(partial.missingSections).toEqual(['shortcomings', 'responsibility', 'plan']);
  });
});

describe('analyzeReportText: a title that names next year’s plan', () => {
  const text = [
    '白沙县卫生健康委员会2024年法治政府建设工作总结及2025年工作计划',
    '一、2024年主要工作',
    '全年开展专题学法6次。',
    '二、存在问题',
    '执法力量不足。',
    '三、主要负责人履行推进法治建设第一责任人职责情况',
    '主要负责人带头学法。下一步，我委将继续开展专题学法8次。',
  ].join('\n');
  const result = analyzeReportText(text, 'plan-in-title.txt');

  it('has the plan part when the body gives it without a heading of its own', () => {
    expect(result.sections.plan).toBe(true);
    expect(result.missingSections).toEqual([]);
  });

  it('reads the year reviewed and not the figures planned for next year (下一步)', () => {
    expect(result.year).toBe(2024);
    expect(result.indicators.map((m) => `${m.key}=${String(m.value)}`)).toEqual(['law_study_sessions=6']);
  });

  it('does not grant the plan part to a title without one', () => {
    expect(analyzeReportText(text.replace('工作总结及2025年工作计划', '工作总结'), 'no-plan.txt').sections.plan).toBe(false);
  });
});
