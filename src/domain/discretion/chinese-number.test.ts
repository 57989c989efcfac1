import { describe, expect, it } from 'vitest';
import { formatYuan, parseChineseNumber } from './chinese-number.ts';

describe('parseChineseNumber', () => {
  it.each([
    ['二千', 2000],
    ['两千', 2000],
    ['二万', 20000],
    ['三万五千', 35000],
    ['十五万', 150000],
    ['一百万', 1000000],
    ['五十万', 500000],
    ['十', 10],
    ['二十', 20],
    ['一千零五十', 1050],
    ['一点五', 1.5],
    ['500', 500],
    ['2万', 20000],
    ['0.5', 0.5],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it('refuses what is not a number', () => {
    expect(parseChineseNumber('元')).toBeUndefined();
    expect(parseChineseNumber('')).toBeUndefined();
    expect(parseChineseNumber('一点')).toBeUndefined();
  });

  it('formats yuan without trailing zeros', () => {
    expect(formatYuan(35000)).toBe('35000元');
    expect(formatYuan(499.5)).toBe('499.5元');
  });
});
