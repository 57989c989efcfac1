/**
 * The indicator contract every ledger implements (docs/ARCHITECTURE.md "Indicators"): a module's
 * `services/<module>/indicators.ts` exports an `IndicatorSource` — for an organization subtree (materialized path)
 * and a year, a value for each catalog key it answers (src/domain/indicators/catalog.ts), and for drill-down the
 * records each value counts, so that a count is its list's length and an amount the sum of its list.
 *
 * Not a use case: there is no actor. The caller (the annual report, issue #19) decides who may see which subtree.
 */
import { chinaDateOf, type IsoDate } from '../../domain/calendar/iso-date.ts';
import type { Clock } from '../../domain/clock.ts';
import { validationError } from '../../domain/errors.ts';
import { type IndicatorKey, indicatorMeasure, indicatorName, indicatorUnit } from '../../domain/indicators/catalog.ts';
import type { IndicatorRecord, IndicatorValue } from '../../domain/indicators/views.ts';
import type { Executor } from '../../db/connect.ts';

export type { IndicatorRecord, IndicatorValue } from '../../domain/indicators/views.ts';

/** What computing indicators needs: the database and the clock (a `ServiceContext` will do). */
export interface IndicatorContext {
  db: Executor;
  clock: Clock;
}

/** One module's indicators. */
export interface IndicatorSource<K extends IndicatorKey = IndicatorKey> {
  /** The ledger, e.g. 'cases'. */
  module: string;
  /** The catalog keys it answers, in catalog order. */
  keys: readonly K[];
  /** A value for each of `keys`, in that order. */
  indicators(ctx: IndicatorContext, orgPath: string, year: number): Promise<IndicatorValue[]>;
  /** The records `key`'s value counts (its numerator's, for a rate), oldest first; empty when the value is null. */
  records(ctx: IndicatorContext, orgPath: string, year: number, key: K): Promise<IndicatorRecord[]>;
}

/**
 * An organization subtree and a year. Flows (decisions, reviews, publications) count by the date of the act, China
 * time, from `from` to `to` inclusive; stocks (certified officers, lists in force) are taken on `asOf`: the year's
 * last day, or today while the year runs.
 */
export interface IndicatorScope {
  /** '/1/4/' — every organization whose path starts with it; '/' is everything. */
  orgPath: string;
  year: number;
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
  asOf: IsoDate;
  /** False for a year that has not begun: then every value is null. */
  begun: boolean;
}

const orgPathPattern = /^\/(?:\d+\/)*$/;

export function indicatorScope(clock: Clock, orgPath: string, year: number): IndicatorScope {
  if (!orgPathPattern.test(orgPath)) throw validationError('单位路径格式应为 /1/4/', { orgPath });
  if (!Number.isInteger(year) || year < 1990 || year > 9999) throw validationError('年度无效', { year });
  const today = chinaDateOf(clock());
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return { orgPath, year, from, to, today, asOf: today < to ? today : to, begun: from <= today };
}

/** The note of every value of a year that has not begun. */
export const NOT_BEGUN_NOTE = '该年度尚未开始，无记录';

/** A value with its catalog name and unit. */
export function figure(key: IndicatorKey, value: number | null, recordCount: number, extra: { numerator?: number; denominator?: number; note?: string } = {}): IndicatorValue {
  return { key, name: indicatorName(key), unit: indicatorUnit(key), value, recordCount, ...extra };
}

/** No records for this key: the value is null and the note says why (never a 0 by default). */
export function noValue(key: IndicatorKey, note: string): IndicatorValue {
  return figure(key, null, 0, { note });
}

/** A rate as the catalog writes it: a percentage with two decimals (3 of 59 → 5.08). */
export function percentage(numerator: number, denominator: number): number {
  return Math.round((numerator / denominator) * 10_000) / 100;
}

/** 分 (how the ledgers keep money) to 元 (the catalog's unit), exactly to the 分. */
export const yuanOfFen = (fen: number): number => Math.round(fen) / 100;

/** Checks a value against its records the way the contract promises (used by the modules' tests). */
export function drillDownMismatch(value: IndicatorValue, records: IndicatorRecord[]): string | null {
  if (records.length !== value.recordCount) return `${value.key}: ${records.length} records, recordCount ${value.recordCount}`;
  if (value.value === null) return records.length ? `${value.key}: null value with records` : null;
  const measure = indicatorMeasure(value.key);
  if (measure === 'count' && value.value !== records.length) return `${value.key}: value ${value.value}, ${records.length} records`;
  if (measure === 'amount') {
    const sum = yuanOfFen(records.reduce((s, r) => s + Math.round((r.amount ?? 0) * 100), 0));
    if (sum !== value.value) return `${value.key}: value ${value.value}, records sum to ${sum}`;
  }
  if (measure === 'rate' && value.numerator !== records.length) return `${value.key}: numerator ${value.numerator}, ${records.length} records`;
  return null;
}
