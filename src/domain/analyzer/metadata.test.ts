import { describe, expect, it } from 'vitest';
import { cleanOrganization, extractDate, extractOrganization, extractYear, findTitle, parseDate } from './metadata.ts';
import { normalizeForMatching, splitLines } from './text.ts';

function metadataOf(text: string) {
  const normalized = normalizeForMatching(text);
  const lines = splitLines(normalized);
  const title = findTitle(lines);
  const date = extractDate(lines, Math.max(0, title.lineIndex));
  return {
    title: title.title,
    organization: extractOrganization(lines, title, date.lineIndex),
    year: extractYear(title.title, normalized.slice(title.end), date.date),
    date: date.date,
  };
}

describe('parseDate', () => {
  it.each([
    ['2024年1月12日', '2024-01-12'],
    ['2024 年 01 月 12 日', '2024-01-12'],
    ['2023-12-20 10:27', '2023-12-20'],
    ['2023/12/20', '2023-12-20'],
    ['二〇二四年一月十二日', '2024-01-12'],
    ['二○二三年十二月三十一日', '2023-12-31'],
    ['二零二四年二月二十日', '2024-02-20'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('rejects impossible dates', () => {
    expect(parseDate('2024年13月1日')).toBeNull();
    expect(parseDate('今年3月25日')).toBeNull();
  });
});

describe('cleanOrganization', () => {
  it('drops 中共…党组 around a bureau, keeps a party committee that reports itself', () => {
    expect(cleanOrganization('中共云阳县城市管理局党组')).toBe('云阳县城市管理局');
    expect(cleanOrganization('XX区司法局党委')).toBe('XX区司法局');
    expect(cleanOrganization('中共重庆市荣昌区昌元街道工作委员会')).toBe('中共重庆市荣昌区昌元街道工作委员会');
  });
});

describe('report metadata', () => {
  it('reads a letterhead report signed at the end', () => {
    const text = ['中共云阳县城市管理局党组', '关于2023年法治政府建设情况的报告', '县委、县政府:', '现将2023年度推进法治政府建设情况报告如下:', '一、主要举措', '正文。', '云阳县城市管理局', '2024年1月12日', '国务院部门网站'].join('\n');
    expect(metadataOf(text)).toEqual({ title: '关于2023年法治政府建设情况的报告', organization: '云阳县城市管理局', year: 2023, date: '2024-01-12' });
  });

  it('prefers the government office when a party committee signs with it', () => {
    const text = ['关于2021年法治政府建设工作的报告', '正文。', '特此报告', '中共重庆市荣昌区昌元街道工作委员会', '重庆市荣昌区人民政府昌元街道办事处', '2022年1月24日', '(联系人:雷敏)'].join('\n');
    expect(metadataOf(text)).toMatchObject({ organization: '重庆市荣昌区人民政府昌元街道办事处', year: 2021, date: '2022-01-24' });
  });

  it('reads a web page: the body from the title, the date from 发布时间', () => {
    const text = ['杭州市城管局2023年法治政府建设年度报告', '', '发布时间:2023-12-20 10:27浏览次数:来源:政策法规处', '2023年是全面贯彻党的二十大精神开局之年。'].join('\n');
    expect(metadataOf(text)).toEqual({ title: '杭州市城管局2023年法治政府建设年度报告', organization: '杭州市城管局', year: 2023, date: '2023-12-20' });
  });

  it('reads a Chinese-numeral signing date on the signature line, behind full-width spaces', () => {
    const text = ['XX区市场监督管理局2023年度法治政府建设工作报告', '正文。', '　　　　XX区市场监督管理局', '　　　　二〇二四年一月十八日'].join('\n');
    expect(metadataOf(text)).toMatchObject({ organization: 'XX区市场监督管理局', date: '2024-01-18', year: 2023 });
  });

  it('reads the body and date on one signature line', () => {
    const text = ['关于2023年度法治政府建设情况的报告', '正文。', 'XX县司法局　　2024年1月5日'].join('\n');
    expect(metadataOf(text)).toMatchObject({ organization: 'XX县司法局', date: '2024-01-05' });
  });

  it('finds the year in the opening when the title has none, and no date when there is none', () => {
    const text = ['法治政府建设年度报告', 'XX镇人民政府', '现将我镇2022年度法治政府建设情况报告如下：', '正文。'].join('\n');
    expect(metadataOf(text)).toEqual({ title: '法治政府建设年度报告', organization: 'XX镇人民政府', year: 2022, date: null });
  });

  it('joins a title broken over two lines', () => {
    const text = ['XX县人民政府', '关于2023年度法治政府建设', '情况的报告', '正文。'].join('\n');
    expect(metadataOf(text)).toMatchObject({ title: '关于2023年度法治政府建设情况的报告', organization: 'XX县人民政府', year: 2023 });
  });
});

/** Issue 19 item 6: reports whose header does not name the body or the date, and titles that also name next year's plan. */
describe('report metadata from the body', () => {
  it('takes the body named in the first sentence of the text (2024年，XX局坚持…)', () => {
    const text = ['2024年度法治政府建设工作报告', '2024年，临川县综合行政执法局坚持以习近平法治思想为指导，扎实推进依法行政。', '一、主要举措和成效', '正文。'].join('\n');
    expect(metadataOf(text)).toMatchObject({ organization: '临川县综合行政执法局', year: 2024 });
  });

  it('takes the body after a salutation line, never the addressee', () => {
    const text = ['关于2024年法治政府建设情况的报告', '县人民政府：', '2024年，县自然资源局在县委、县政府的坚强领导下，深入推进法治政府建设。现将有关情况报告如下：', '一、主要工作', '正文。'].join('\n');
    expect(metadataOf(text)).toMatchObject({ organization: '县自然资源局' });
  });

  it('reads a body whose punctuation is half-width (县人民政府: … 今年以来,XX镇人民政府…)', () => {
    const text = ['关于2024年法治政府建设情况的报告', '县人民政府:', '今年以来,石泉镇人民政府认真贯彻落实上级部署,现将有关情况报告如下:', '一.主要工作', '正文.'].join('\n');
    expect(metadataOf(text)).toMatchObject({ organization: '石泉镇人民政府' });
  });

  it('takes the body the opening announces (现将XX局2024年度…报告如下)', () => {
    const text = ['法治政府建设年度报告', '市委依法治市办：', '现将蓝田区交通运输局2024年度法治政府建设工作情况报告如下。', '一、主要举措', '正文。', '2025年2月14日'].join('\n');
    expect(metadataOf(text)).toMatchObject({ organization: '蓝田区交通运输局', year: 2024, date: '2025-02-14' });
  });

  it('names no body when the opening only says 我局, or names another body under whose guidance it worked', () => {
    const own = ['关于2024年法治政府建设情况的报告', '县人民政府：', '2024年，我局坚持依法行政，在县司法局的指导下，深入推进法治建设。', '一、主要工作'].join('\n');
    expect(metadataOf(own).organization).toBeNull();
    const salutationOnly = ['关于2024年法治政府建设情况的报告', '县人民政府：', '现将有关情况报告如下：', '一、主要工作'].join('\n');
    expect(metadataOf(salutationOnly).organization).toBeNull();
  });

  it('with a place in the title, takes from the opening only a body of that place', () => {
    const own = ['松溪县2024年法治政府建设年度报告', '2024年，松溪县人民政府坚持依法行政。', '正文。'].join('\n');
    expect(metadataOf(own).organization).toBe('松溪县人民政府');
    const other = ['松溪县2024年法治政府建设年度报告', '2024年，市司法局深入开展法治督察。', '正文。'].join('\n');
    expect(metadataOf(other).organization).toBe('松溪县');
  });

  it('reads the signature and date written after 特此报告 on the same line', () => {
    const text = ['2024年法治政府建设情况报告', '正文。', '特此报告。 绵山县应急管理局 2025年1月8日'].join('\n');
    expect(metadataOf(text)).toMatchObject({ organization: '绵山县应急管理局', date: '2025-01-08' });
  });

  it('takes the date the body gives for the report’s approval, not the dates of the year’s events', () => {
    const text = ['关于2024年法治政府建设情况的报告', '2024年3月12日，我局召开党组会议。', '本报告已经2025年1月15日局党组会议审议通过。'].join('\n');
    expect(metadataOf(text).date).toBe('2025-01-15');
    const eventsOnly = ['关于2024年法治政府建设情况的报告', '2024年3月12日，我局召开党组会议审议通过学法计划。', '正文。'].join('\n');
    expect(metadataOf(eventsOnly).date).toBeNull();
  });

  it('reports on the year reviewed when the title also names next year’s plan, whichever comes first', () => {
    expect(metadataOf(['白沙县卫生健康委员会2024年法治政府建设工作总结及2025年工作计划', '正文。'].join('\n')).year).toBe(2024);
    expect(metadataOf(['2025年工作打算和2024年法治政府建设情况报告', '正文。'].join('\n')).year).toBe(2024);
  });
});
