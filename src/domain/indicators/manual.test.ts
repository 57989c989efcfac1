import { describe, expect, it } from 'vitest';
import { checkManualFigure, manualIndicatorInput } from './manual.ts';

const input = (value: number, extra: { numerator?: number; denominator?: number } = {}) => ({ year: 2026, value, sourceNote: '法制科台账', ...extra });

describe('a hand-entered figure fits its key', () => {
  it('accepts a whole count, money to the 分, a rate with or without its counts', () => {
    expect(() => checkManualFigure('training_sessions', input(6))).not.toThrow();
    expect(() => checkManualFigure('penalty_amount', input(38800.5))).not.toThrow();
    expect(() => checkManualFigure('exam_pass_rate', input(100))).not.toThrow();
    expect(() => checkManualFigure('legal_review_staff_ratio', input(5.08, { numerator: 3, denominator: 59 }))).not.toThrow();
  });

  it('refuses, in Chinese, what does not fit', () => {
    expect(() => checkManualFigure('training_sessions', input(6.5))).toThrow('“法治培训期次”是件数/次数，应为整数');
    expect(() => checkManualFigure('penalty_amount', input(1.234))).toThrow('以元为单位，最多两位小数');
    expect(() => checkManualFigure('exam_pass_rate', input(100.5))).toThrow('是百分比，不超过 100');
    expect(() => checkManualFigure('exam_pass_rate', input(50, { numerator: 1 }))).toThrow('分子和分母应同时填写');
    expect(() => checkManualFigure('exam_pass_rate', input(100, { numerator: 3, denominator: 2 }))).toThrow('分子不能大于分母');
    expect(() => checkManualFigure('exam_pass_rate', input(0, { numerator: 0, denominator: 0 }))).toThrow('分母应大于零');
    expect(() => checkManualFigure('exam_pass_rate', input(50, { numerator: 1, denominator: 3 }))).toThrow('1÷3 = 33.33%');
    expect(() => checkManualFigure('training_sessions', input(6, { numerator: 1, denominator: 3 }))).toThrow('不是比率');
  });

  it('the body needs a year, a non-negative value and a source note; nothing else', () => {
    expect(manualIndicatorInput.safeParse(input(-1)).success).toBe(false);
    expect(manualIndicatorInput.safeParse({ year: 2026, value: 1 }).success).toBe(false);
    expect(manualIndicatorInput.safeParse({ ...input(1), extra: 1 }).success).toBe(false);
    expect(manualIndicatorInput.safeParse({ ...input(1), year: 1999 }).success).toBe(false);
  });
});
