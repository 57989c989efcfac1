import { describe, expect, it } from 'vitest';
import { parseArabicNumber, parseChineseNumeral, scanQuantities } from './numerals.ts';
import { normalizeForMatching } from './text.ts';

const scan = (text: string) =>
  scanQuantities(normalizeForMatching(text)).map((q) => ({ value: q.value, measure: q.measure, approx: q.approx }));

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['一百二十二', 122], ['一百零五', 105], ['三千五百', 3500],
    ['两千', 2000], ['三万五千', 35000], ['一万二千三百四十五', 12345], ['十五万', 150000], ['一亿二千万', 120000000],
    ['二〇二四', 2024], ['二○二三', 2023], ['两', 2],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it('rejects what is not a numeral', () => {
    expect(parseChineseNumeral('')).toBeNull();
    expect(parseChineseNumeral('三个')).toBeNull();
  });
});

describe('parseArabicNumber', () => {
  it('reads thousands separators and decimals', () => {
    expect(parseArabicNumber('9,353')).toBe(9353);
    expect(parseArabicNumber('80.75')).toBe(80.75);
    expect(parseArabicNumber('1.2.3')).toBeNull();
  });
});

describe('scanQuantities', () => {
  it.each([
    ['组织专题学法三千五百次', { value: 3500, measure: '次', approx: false }],
    ['培训1.2万人次', { value: 12000, measure: '人次', approx: false }],
    ['罚没款3.88万元', { value: 38800, measure: '元', approx: false }],
    ['收缴罚款11.26万元', { value: 112600, measure: '元', approx: false }],
    ['发放各类宣传材料近15万份', { value: 150000, measure: '份', approx: true }],
    ['发放手册等5000余份', { value: 5000, measure: '份', approx: true }],
    ['免罚金额共计78万余元', { value: 780000, measure: '元', approx: true }],
    ['调解纠纷10余万件', { value: 100000, measure: '件', approx: true }],
    ['承诺时限压缩比例80.75%', { value: 80.75, measure: '%', approx: false }],
    ['合格率达到１００％', { value: 100, measure: '%', approx: false }],
    ['满意率百分之九十', { value: 90, measure: '%', approx: false }],
    ['审核一百二十二件', { value: 122, measure: '件', approx: false }],
    ['共巡查9,353次', { value: 9353, measure: '次', approx: false }],
    ['开展流动宣传约840余次', { value: 840, measure: '次', approx: true }],
    ['培训300人左右', { value: 300, measure: '人', approx: true }],
    ['开展法律法规宣传160场(次)', { value: 160, measure: '场次', approx: false }],
    ['开展“送法下乡”活动40(场)次', { value: 40, measure: '场次', approx: false }],
    ['对200多名重点人员', { value: 200, measure: '名', approx: true }],
    // A bare 百/千/万 with 余/多/近/上 (issue 19 item 6): a round figure, flagged approximate.
    ['开展送法进社区活动百余场', { value: 100, measure: '场', approx: true }],
    ['轮训网格员千余人次', { value: 1000, measure: '人次', approx: true }],
    ['解答群众疑问近百人次', { value: 100, measure: '人次', approx: true }],
    ['印制普法挂历上千份', { value: 1000, measure: '份', approx: true }],
    ['挽回经济损失百余万元', { value: 1000000, measure: '元', approx: true }],
    ['惠及群众万余人', { value: 10000, measure: '人', approx: true }],
    ['参考率百分之百', { value: 100, measure: '%', approx: false }],
  ])('%s', (text, expected) => {
    expect(scan(text)).toEqual([expected]);
  });

  it('reads 两批135项 as two quantities', () => {
    expect(scan('发布两批135项“首违不罚”清单')).toEqual([
      { value: 2, measure: '批', approx: false },
      { value: 135, measure: '项', approx: false },
    ]);
  });

  it.each([
    ['dates and years', '2023年10月12日召开会议'],
    ['ordinals', '第三次会议，第3次会议，第一批有'],
    ['ranges', '每月培训3-5次，开展三四次，共5至8件'],
    ['words that contain a numeral', '统一规范，一件事一次办，提高3个百分点，一次性告知'],
    ['codes and phone numbers', '拨打12345热线，网站标识码5002350018，GB12345'],
    ['dozens', '开展数十次'],
    ['hundreds', '走访数百家，发放成百上千份'],
    ['a bare 百 or 千 without an approximation mark', '百家讲坛，千人计划，万人次'],
    ['a full-width thousands separator', '优化审批服务许可事项1，221项'],
  ])('ignores %s', (_what, text) => {
    expect(scan(text)).toEqual([]);
  });

  it('keeps offsets into the original text', () => {
    const text = '全年共巡查９３５３次。';
    const [quantity] = scanQuantities(normalizeForMatching(text));
    expect(quantity && text.slice(quantity.start, quantity.end)).toBe('９３５３次');
  });
});
