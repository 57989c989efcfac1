import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { amountInWords, chineseNumeral, dateOf, formatAmount, formatAmountFigures, formatDate, formatDateTime, formatDocumentNumber, formatTimeRange } from './format.ts';

describe('dates as GB/T 9704-2012 §7.3.5.4 writes them', () => {
  it('uses arabic numerals, the full year and no leading zeros', () => {
    expect(formatDate('2024-03-08')).toBe('2024年3月8日');
    expect(formatDate('2024-12-31')).toBe('2024年12月31日');
  });

  it('refuses a date that does not exist, naming the field', () => {
    expect(() => formatDate('2025-02-29', '决定日期')).toThrow(/决定日期格式不正确/);
  });

  it('writes times to the minute and a record period once per day', () => {
    expect(formatDateTime('2024-03-08T09:05')).toBe('2024年3月8日9时05分');
    expect(formatTimeRange('2024-03-08T09:30', '2024-03-08T10:15')).toBe('2024年3月8日9时30分至10时15分');
    expect(formatTimeRange('2024-03-08T23:30', '2024-03-09T00:15')).toBe('2024年3月8日23时30分至2024年3月9日0时15分');
  });

  it('prints a value recorded without a time as the date alone, never an invented time', () => {
    expect(formatDateTime('2024-04-23')).toBe('2024年4月23日');
    expect(dateOf('2024-04-23')).toBe('2024-04-23');
    expect(dateOf('2024-04-23T10:20')).toBe('2024-04-23');
    expect(() => dateOf('2024-13-01', '送达时间')).toThrow(/送达时间格式不正确/);
  });

  it('refuses a record that ends before it starts', () => {
    expect(() => formatTimeRange('2024-03-08T10:00', '2024-03-08T09:00', '询问时间')).toThrow(/询问时间的结束时间早于开始时间/);
    expect(() => formatDateTime('2024-03-08 09:00')).toThrow(AppError);
  });
});

describe('document numbers as GB/T 9704-2012 §7.2.4 writes them', () => {
  it('puts the year in 六角括号 and the serial without 第 or leading zeros', () => {
    expect(formatDocumentNumber({ prefix: '锦城执罚字', year: 2024, serial: 15 })).toBe('锦城执罚字〔2024〕15号');
  });

  it('refuses brackets or digits in the prefix, a bad year or serial', () => {
    expect(() => formatDocumentNumber({ prefix: '锦城执罚字[', year: 2024, serial: 1 })).toThrow(/代字/);
    expect(() => formatDocumentNumber({ prefix: '锦城执罚字', year: 24, serial: 1 })).toThrow(/四位年份/);
    expect(() => formatDocumentNumber({ prefix: '锦城执罚字', year: 2024, serial: 0 }, '决定书文号')).toThrow(/决定书文号的顺序号/);
  });
});

describe('amounts in words per 《正确填写票据和结算凭证的基本规定》', () => {
  it.each([
    [20000, '贰万元整'],
    [200, '贰佰元整'],
    [10, '壹拾元整'],
    [16.15, '壹拾陆元壹角伍分'],
    [1010, '壹仟零壹拾元整'],
    [100100, '壹拾万零壹佰元整'],
    [1000100, '壹佰万零壹佰元整'],
    [100001000, '壹亿零壹仟元整'],
    [3.05, '叁元零伍分'],
    [10.5, '壹拾元伍角'],
    [0.05, '伍分'],
    [0, '零元整'],
    [7200, '柒仟贰佰元整'],
  ])('%d → %s', (yuan, words) => {
    expect(amountInWords(yuan)).toBe(words);
  });

  it('prints figures with grouping and two decimals next to the words', () => {
    expect(formatAmountFigures(1234567.8)).toBe('1,234,567.80');
    expect(formatAmount(20000)).toBe('人民币贰万元整（¥20,000.00）');
  });

  it('refuses negative amounts and fractions of a fen', () => {
    expect(() => amountInWords(-1, '罚款数额')).toThrow(/罚款数额应为不小于 0/);
    expect(() => amountInWords(1.005)).toThrow(AppError);
  });

  it('writes statutory periods in Chinese numerals', () => {
    expect([3, 5, 10, 15, 60, 21].map(chineseNumeral)).toEqual(['三', '五', '十', '十五', '六十', '二十一']);
  });
});
