/**
 * The read shapes of a unit's indicator table (issue #19 item 1): per catalog key the figure the report shows —
 * computed from the ledgers, hand-entered (手工填报), or none — with what it is made of, and the drill-down.
 */
import { z } from 'zod';
import { isoDay, timestamp } from '../view-kit.ts';
import { indicatorKey, indicatorRecord, indicatorValue } from './views.ts';

export const figureSources = { computed: '系统计算', 'hand-entered': '手工填报', none: '无记录' } as const;
export type FigureSource = keyof typeof figureSources;

/** A hand-entered figure of one unit, year and key. `counted` says whether it is part of the figure shown. */
export const manualEntryView = z.object({
  id: z.number(),
  organizationId: z.number(),
  organizationName: z.string(),
  year: z.number(),
  key: indicatorKey,
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  sourceNote: z.string(),
  attachment: z.object({ fileName: z.string(), mediaType: z.string(), size: z.number(), digest: z.string() }).nullable(),
  enteredBy: z.string(),
  enteredAt: timestamp,
  version: z.number(),
  counted: z.boolean(),
});
export type ManualEntryView = z.output<typeof manualEntryView>;

/**
 * One row of the table. `value` is what the report shows: the computed figure when the ledgers have one, else the
 * hand-entered figures that count (a unit's own, or its units' summed); null — with `note` ("本年度无记录") — when
 * neither. `computed` is the ledgers' figure (null when no ledger of Fazhi answers the key yet); `manual` the unit's
 * own hand-entered figure, and `difference` = computed − hand-entered when both exist (the computed one wins).
 */
export const unitIndicator = z.object({
  key: indicatorKey,
  name: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  source: z.enum(['computed', 'hand-entered', 'none']),
  recordCount: z.number(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  note: z.string().optional(),
  /** The ledger that computes the key (e.g. 'cases'), null when none does yet. */
  module: z.string().nullable(),
  computed: indicatorValue.nullable(),
  manual: manualEntryView.nullable(),
  /** Hand-entered figures of units below that are part of `value`. */
  manualFromUnits: z.array(manualEntryView),
  difference: z.number().nullable(),
});
export type UnitIndicator = z.output<typeof unitIndicator>;

export const unitIndicatorTable = z.object({
  organization: z.object({ id: z.number(), name: z.string(), path: z.string() }),
  year: z.number(),
  /** The day stocks are taken on: the year's last day, or today while the year runs. */
  asOf: isoDay,
  indicators: z.array(unitIndicator),
});
export type UnitIndicatorTable = z.output<typeof unitIndicatorTable>;

/** What a figure counts: the ledgers' records, and the hand-entered figures that are part of it. */
export const indicatorDrillDown = z.object({
  key: indicatorKey,
  records: z.array(indicatorRecord),
  manual: z.array(manualEntryView),
});
export type IndicatorDrillDown = z.output<typeof indicatorDrillDown>;
