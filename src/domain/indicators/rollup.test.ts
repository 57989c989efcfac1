import { describe, expect, it } from 'vitest';
import { combineFigures, NO_PART_NOTE, percentageOf, RATE_WITHOUT_COUNTS_NOTE } from './rollup.ts';
import type { IndicatorValue } from './views.ts';

const part = (key: IndicatorValue['key'], value: number | null, extra: Partial<IndicatorValue> = {}): IndicatorValue => ({ key, name: '', unit: '', value, recordCount: value ?? 0, ...extra });

describe('combining the figures of several units (roll-up)', () => {
  it('counts add; units without a value add nothing', () => {
    expect(combineFigures('penalty_cases', [part('penalty_cases', 3), part('penalty_cases', null, { note: '本年度无案件记录' }), part('penalty_cases', 0)])).toMatchObject({ value: 3, recordCount: 3, name: '行政处罚案件数' });
  });

  it('amounts add exactly to the 分', () => {
    expect(combineFigures('penalty_amount', [part('penalty_amount', 0.1), part('penalty_amount', 0.2)]).value).toBe(0.3);
  });

  it('no unit with a value: null, never 0 — with the parts’ note when they agree', () => {
    expect(combineFigures('penalty_cases', [part('penalty_cases', null, { note: '本年度无案件记录' })])).toMatchObject({ value: null, note: '本年度无案件记录' });
    expect(combineFigures('penalty_cases', [part('penalty_cases', null, { note: 'a' }), part('penalty_cases', null, { note: 'b' })])).toMatchObject({ value: null, note: NO_PART_NOTE });
  });

  it('rates are Σ numerators ÷ Σ denominators, never the average of the rates', () => {
    const combined = combineFigures('rectification_rate', [part('rectification_rate', 100, { numerator: 1, denominator: 1 }), part('rectification_rate', 50, { numerator: 1, denominator: 2 })]);
    expect(combined).toMatchObject({ value: 66.67, numerator: 2, denominator: 3 });
    expect(combined.value).not.toBe(75);
  });

  it('a rate without its counts is taken alone, but cannot be combined with another', () => {
    expect(combineFigures('exam_pass_rate', [part('exam_pass_rate', 98.5), part('exam_pass_rate', null)]).value).toBe(98.5);
    expect(combineFigures('exam_pass_rate', [part('exam_pass_rate', 98.5), part('exam_pass_rate', 90, { numerator: 9, denominator: 10 })])).toMatchObject({ value: null, note: RATE_WITHOUT_COUNTS_NOTE });
  });

  it('writes a percentage with two decimals', () => {
    expect(percentageOf(3, 59)).toBe(5.08);
  });
});
