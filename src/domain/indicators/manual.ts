/**
 * Hand-entered figures (手工填报): for a unit and a year, a value of a catalog key that no ledger of Fazhi holds yet
 * (approvals, reconsideration, 普法 …) or that the unit keeps outside Fazhi, with the note saying where it comes from
 * and optionally a supporting file. Shown as 手工填报 in the report and the roll-up; a computed figure always wins
 * over it (docs/REPORTS.md). The value is in the catalog's unit: counts whole, money in 元 to the 分, rates as
 * percentages — with numerator and denominator when known, so that units' rates can be combined (never averaged).
 */
import { z } from 'zod';
import { validationError } from '../errors.ts';
import { missing, textInput } from '../input-kit.ts';
import { type IndicatorKey, indicatorMeasure, indicatorName } from './catalog.ts';
import { percentageOf } from './rollup.ts';

/** Years a figure may be entered for: from 2000 to the current year (a year that has not begun has no figures). */
export const MIN_INDICATOR_YEAR = 2000;

export const indicatorYear = z.coerce
  .number({ error: missing('年度') })
  .int('年度应为整数')
  .min(MIN_INDICATOR_YEAR, `年度不早于 ${String(MIN_INDICATOR_YEAR)} 年`)
  .max(9999, '年度无效')
  .meta({ title: '年度' });

/** `?year=2026` of the indicator routes. */
export const indicatorYearQuery = z.object({ year: indicatorYear });

const count = (label: string) => z.number({ error: missing(label) }).int(`${label}应为整数`).nonnegative(`${label}不能为负数`).max(1_000_000_000, `${label}过大`).meta({ title: label });

/** The body of `PUT /api/organizations/:id/indicators/:key/manual`. */
export const manualIndicatorInput = z.strictObject({
  year: z.number({ error: missing('年度') }).int('年度应为整数').min(MIN_INDICATOR_YEAR, `年度不早于 ${String(MIN_INDICATOR_YEAR)} 年`).max(9999, '年度无效').meta({ title: '年度' }),
  value: z.number({ error: missing('数值') }).nonnegative('数值不能为负数').max(1e13, '数值过大').meta({ title: '数值' }),
  numerator: count('分子').optional(),
  denominator: count('分母').optional(),
  sourceNote: textInput('数据来源说明', 500, 4),
});
export type ManualIndicatorInput = z.infer<typeof manualIndicatorInput>;

/**
 * Refuses a figure that does not fit its key (a clear Chinese message, nothing written): a count is whole, money
 * has at most two decimals, a rate is at most 100 and — when numerator and denominator are given, both are — equals
 * numerator ÷ denominator to the two decimals the catalog writes; counts and amounts take no numerator/denominator.
 */
export function checkManualFigure(key: IndicatorKey, input: ManualIndicatorInput): void {
  const name = indicatorName(key);
  const measure = indicatorMeasure(key);
  const hasNum = input.numerator !== undefined;
  const hasDen = input.denominator !== undefined;
  if (measure !== 'rate' && (hasNum || hasDen)) throw validationError(`“${name}”不是比率，不填分子和分母`);
  if (measure === 'count' && !Number.isInteger(input.value)) throw validationError(`“${name}”是件数/次数，应为整数`);
  if (measure === 'amount' && Math.round(input.value * 100) / 100 !== input.value) throw validationError(`“${name}”以元为单位，最多两位小数`);
  if (measure !== 'rate') return;
  if (input.value > 100) throw validationError(`“${name}”是百分比，不超过 100`);
  if (hasNum !== hasDen) throw validationError('分子和分母应同时填写（或都不填）');
  if (!hasNum || !hasDen) return;
  const [numerator, denominator] = [input.numerator!, input.denominator!];
  if (denominator === 0) throw validationError('分母应大于零');
  if (numerator > denominator) throw validationError('分子不能大于分母');
  const expected = percentageOf(numerator, denominator);
  if (Math.abs(expected - input.value) > 0.005) throw validationError(`比率应等于分子÷分母：${String(numerator)}÷${String(denominator)} = ${expected.toFixed(2)}%`);
}

/** Most bytes of a supporting file (a scanned table, a spreadsheet). */
export const MAX_INDICATOR_ATTACHMENT_BYTES = 10 * 1024 * 1024;
