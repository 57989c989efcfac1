import { describe, expect, it } from 'vitest';
import { formatChineseInteger, parseChineseInteger } from '../chinese-numerals.ts';
import { art, artFull, articleLabel, item, para } from './law.ts';

describe('citing a law', () => {
  it('names the law once and numbers its article in Chinese', () => {
    expect(art('行政处罚法', 36)).toBe('《行政处罚法》第三十六条');
    expect(art('行政处罚法', 10)).toBe('《行政处罚法》第十条');
    expect(art('民法典', 202)).toBe('《民法典》第二百零二条');
    expect(art('行政处罚法', 110)).toBe('《行政处罚法》第一百一十条');
  });

  it('adds paragraphs and items the way statutes write them', () => {
    expect(art('行政处罚法', 64, item(1))).toBe('《行政处罚法》第六十四条第（一）项');
    expect(art('行政处罚法', 57, para(2))).toBe('《行政处罚法》第五十七条第二款');
    expect(art('行政处罚法', 72, para(1), item(1))).toBe('《行政处罚法》第七十二条第一款第（一）项');
    expect(`${art('行政处罚法', 64, item(2))}、${articleLabel(85)}`).toBe('《行政处罚法》第六十四条第（二）项、第八十五条');
  });

  it('uses the full title for laws (中华人民共和国…) but not for regulations', () => {
    expect(artFull('行政强制法', 53)).toBe('《中华人民共和国行政强制法》第五十三条');
    expect(artFull('民法典', 203)).toBe('《中华人民共和国民法典》第二百零三条');
    expect(artFull('信访工作条例', 32)).toBe('《信访工作条例》第三十二条');
  });
});

describe('formatChineseInteger', () => {
  it('writes article numbers as statutes do', () => {
    expect(formatChineseInteger(1)).toBe('一');
    expect(formatChineseInteger(12)).toBe('十二');
    expect(formatChineseInteger(20)).toBe('二十');
    expect(formatChineseInteger(101)).toBe('一百零一');
    expect(formatChineseInteger(115)).toBe('一百一十五');
    expect(formatChineseInteger(1002)).toBe('一千零二');
    expect(formatChineseInteger(1260)).toBe('一千二百六十');
  });

  it('is the inverse of parseChineseInteger on 0–9999', () => {
    const wrong = Array.from({ length: 10_000 }, (_, n) => n).filter((n) => parseChineseInteger(formatChineseInteger(n)) !== n);
    expect(wrong).toEqual([]);
  });
});
