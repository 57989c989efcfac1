/**
 * The read shapes of computed indicators (the contract of every module's `indicators.ts`, docs/ARCHITECTURE.md
 * "Indicators"): one value per catalog key for an organization subtree and a year, and the records a value counts
 * (drill-down). Zod schemas, so the annual report's routes (issue #19) use them as `response:` and the web infers them.
 */
import { z } from 'zod';
import { isoDay } from '../view-kit.ts';
import { indicatorCatalog } from './catalog.ts';

export const indicatorKey = z.enum(indicatorCatalog.map((entry) => entry.key) as [(typeof indicatorCatalog)[number]['key'], ...(typeof indicatorCatalog)[number]['key'][]]);

/**
 * One figure. `value` is null when the ledger holds no records for the organization and year (then `note` says so
 * in Chinese: a missing figure is never shown as 0); a 0 is a real 0 — records exist and none count.
 * `recordCount` is the length of the drill-down list: for a count it equals `value`, for an amount the list's
 * amounts sum to `value`, for a rate the list holds the numerator's records (`numerator`/`denominator` given, so
 * figures of several units combine as Σ numerators ÷ Σ denominators, never as an average of rates).
 */
export const indicatorValue = z.object({
  key: indicatorKey,
  name: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  recordCount: z.number(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  note: z.string().optional(),
});
export type IndicatorValue = z.infer<typeof indicatorValue>;

/**
 * One record a figure counts: the subject (its ledger's audit subject type and id, e.g. `case` 42), a label to show
 * (e.g. decision number and 案由), the date that placed it in the year (the act's date, China time), and for an
 * amount its share in the figure's unit (元).
 */
export const indicatorRecord = z.object({
  subjectType: z.string(),
  subjectId: z.number(),
  label: z.string(),
  date: isoDay,
  amount: z.number().optional(),
});
export type IndicatorRecord = z.infer<typeof indicatorRecord>;
