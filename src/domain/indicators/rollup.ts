/**
 * How figures of several units (or several parts of one unit's figure) combine into one — the roll-up rule of
 * ../shared/docs/INDICATORS.md and docs/REPORTS.md: counts and amounts (元) add up; a rate is never averaged, it is
 * recomputed from the summed numerators and denominators (Σ numerators ÷ Σ denominators). A part with no value
 * (null: no records) adds nothing; when every part is null, so is the whole — never a 0 by default.
 */
import { type IndicatorKey, indicatorMeasure, indicatorName, indicatorUnit } from './catalog.ts';
import type { IndicatorValue } from './views.ts';

/** A rate as the catalog writes it: a percentage with two decimals (3 of 59 → 5.08). */
export function percentageOf(numerator: number, denominator: number): number {
  return Math.round((numerator / denominator) * 10_000) / 100;
}

/** Money in 元, exact to the 分 (adding 0.1 + 0.2 gives 0.3). */
const sumYuan = (values: number[]): number => values.reduce((fen, v) => fen + Math.round(v * 100), 0) / 100;

/** The note of a combined figure none of whose parts has a value. */
export const NO_PART_NOTE = '各单位本年度均无记录';
/** The note of a rate that cannot be combined: a part gives its percentage without numerator and denominator. */
export const RATE_WITHOUT_COUNTS_NOTE = '部分单位的比率未给出分子和分母，无法汇总（比率不能平均）';

/**
 * The figure of `key` over all `parts` (each an `IndicatorValue` of that key). `recordCount` adds up. Counts and
 * amounts: the sum of the parts that have a value. Rates: Σ numerators ÷ Σ denominators of the parts that have a
 * value; a single part with a value and no counts is taken as it is; several, one of them without counts, give null
 * with a note.
 */
export function combineFigures(key: IndicatorKey, parts: readonly IndicatorValue[]): IndicatorValue {
  const base = { key, name: indicatorName(key), unit: indicatorUnit(key) };
  const valued = parts.filter((p) => p.value !== null);
  const recordCount = valued.reduce((n, p) => n + p.recordCount, 0);
  if (!valued.length) {
    const notes = [...new Set(parts.map((p) => p.note).filter((n): n is string => !!n))];
    return { ...base, value: null, recordCount: 0, note: notes.length === 1 ? notes[0] : NO_PART_NOTE };
  }
  const measure = indicatorMeasure(key);
  if (measure === 'count') return { ...base, value: valued.reduce((n, p) => n + (p.value ?? 0), 0), recordCount };
  if (measure === 'amount') return { ...base, value: sumYuan(valued.map((p) => p.value ?? 0)), recordCount };
  if (valued.length === 1 && (valued[0]!.numerator === undefined || valued[0]!.denominator === undefined)) return { ...base, value: valued[0]!.value, recordCount };
  if (valued.some((p) => p.numerator === undefined || p.denominator === undefined)) return { ...base, value: null, recordCount: 0, note: RATE_WITHOUT_COUNTS_NOTE };
  const numerator = valued.reduce((n, p) => n + (p.numerator ?? 0), 0);
  const denominator = valued.reduce((n, p) => n + (p.denominator ?? 0), 0);
  if (denominator === 0) return { ...base, value: null, recordCount: 0, note: '分母为零，无法计算比率' };
  return { ...base, value: percentageOf(numerator, denominator), recordCount, numerator, denominator };
}
