import { describe, expect, it } from 'vitest';
import { parseChineseInteger } from './chinese-numerals.ts';

describe('parseChineseInteger', () => {
  it('reads positional numerals, with the implied 一 of a leading 十', () => {
    expect(parseChineseInteger('一百二十二')).toBe(122);
    expect(parseChineseInteger('十二')).toBe(12);
    expect(parseChineseInteger('三千五百')).toBe(3500);
    expect(parseChineseInteger('两万')).toBe(20_000);
    expect(parseChineseInteger('一千零五')).toBe(1005);
  });

  it('multiplies everything before 亿, but only its own group before 万', () => {
    expect(parseChineseInteger('三亿五千万')).toBe(350_000_000);
    expect(parseChineseInteger('一万亿')).toBe(1e12);
    expect(parseChineseInteger('亿')).toBe(1e8);
  });

  it('reads digit by digit only when asked (years), otherwise a lone digit only', () => {
    expect(parseChineseInteger('二〇二四', { digitByDigit: true })).toBe(2024);
    expect(parseChineseInteger('二〇二四')).toBeNull();
    expect(parseChineseInteger('五')).toBe(5);
  });

  it('refuses estimates and anything that is not a numeral', () => {
    expect(parseChineseInteger('二三百')).toBeNull();
    expect(parseChineseInteger('')).toBeNull();
    expect(parseChineseInteger('三个')).toBeNull();
  });
});
