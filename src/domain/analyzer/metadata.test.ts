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
