import { describe, expect, it } from 'vitest';
import { cleanForMatching, normalizeForMatching, splitClauses, splitLines, splitSentences, unwrapPdfLines } from './text.ts';

describe('normalizeForMatching', () => {
  it('makes digits, % and parentheses half-width without moving offsets', () => {
    const text = '合格率１００％（全年）　共９，３５３次';
    const normalized = normalizeForMatching(text);
    expect(normalized).toBe('合格率100%(全年) 共9，353次');
    expect(normalized.length).toBe(text.length);
  });
});

describe('splitSentences', () => {
  it('splits at 。！？； and line breaks, keeping offsets and closing quotes', () => {
    const text = '一、主要举措\n全年共巡查9353次。他说“好。”\n  第二句；第三句';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['一、主要举措', '全年共巡查9353次。', '他说“好。”', '第二句；', '第三句']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('splitSentences with half-width punctuation', () => {
  it('ends a sentence at a half-width full stop, but not inside 36.8, a list number or a web address', () => {
    const text = '1.加强学法\n罚没款36.8万元.其中,网址www.example.cn公开.第二句';
    expect(splitSentences(text).map((s) => s.text)).toEqual(['1.加强学法', '罚没款36.8万元.', '其中,网址www.example.cn公开.', '第二句']);
  });
});

describe('splitClauses', () => {
  it('splits at commas and colons but not inside 9,353 or 10:27', () => {
    const text = '共巡查9,353次,出动人次26802次，发布时间:10:27';
    const [sentence] = splitSentences(text);
    expect(sentence && splitClauses(text, sentence).map((c) => c.text)).toEqual(['共巡查9,353次', '出动人次26802次', '发布时间', '10:27']);
  });
});

describe('splitLines', () => {
  it('trims lines and keeps their offsets', () => {
    const text = '标题\n　　正文一行\n\n末行';
    const lines = splitLines(text);
    expect(lines.map((l) => l.text)).toEqual(['标题', '正文一行', '', '末行']);
    expect(text.slice(lines[1]?.start, lines[1]?.end)).toBe('正文一行');
  });
});

describe('cleanForMatching', () => {
  it('drops quotation marks and spaces', () => {
    expect(cleanForMatching('开展“说服教育” 8000余人次')).toBe('开展说服教育8000余人次');
  });
});

describe('unwrapPdfLines', () => {
  it('joins lines broken at the page width and drops page marks', () => {
    const pdf = [
      '一、主要举措和成效',
      '2023年，我局法制机构共审核执法案件二百三十',
      '二件，全年共巡查9353次，出动人次26802次，',
      '共发现各类问题28791件。',
      '-- 1 of 2 --',
      '二、存在的不足',
      '一是普法宣传力度需进一步加强，群众法治意识还',
      '需进一步强化。',
    ].join('\n');
    expect(unwrapPdfLines(pdf)).toBe(
      [
        '一、主要举措和成效',
        '2023年，我局法制机构共审核执法案件二百三十二件，全年共巡查9353次，出动人次26802次，共发现各类问题28791件。',
        '二、存在的不足',
        '一是普法宣传力度需进一步加强，群众法治意识还需进一步强化。',
      ].join('\n'),
    );
  });
});
