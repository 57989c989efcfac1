/**
 * The official holiday schedule (国务院办公厅 annual notices) as shipped by the `chinese-days` package.
 *
 * We read the package's data file instead of calling its functions: its `isWorkday('2026-02-14')` parses the
 * string as UTC midnight and then formats it with the machine's local time zone, so on a server west of UTC it
 * answers for the previous day. The data file itself matches the official 2023–2026 notices exactly
 * (checked against shared/data/cn-holidays-2023-2026.json, which was cross-checked with holiday-calendar and
 * the 2026 notice text).
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { IsoDate } from './iso-date.ts';

/** What the base source says about one date; absent when it is an ordinary weekday or weekend. */
export interface BaseDayEntry {
  /** 'holiday': a rest day of a holiday block; 'workday': a weekend day worked in exchange (调休上班). */
  kind: 'holiday' | 'workday';
  /** Chinese festival name, e.g. '春节'. */
  name: string;
  /** A rest day that is not a statutory holiday but was swapped for a make-up workday (调休). */
  inLieu: boolean;
}

/** A source of official holiday schedules, one calendar year at a time. */
export interface HolidaySource {
  readonly description: string;
  entryFor(date: IsoDate): BaseDayEntry | undefined;
  /** True when the source holds the official schedule for the whole year. */
  coversYear(year: number): boolean;
  coveredYears(): readonly number[];
}

type NameMap = Record<string, string>;

/** Package values look like "Spring Festival,春节,4"; the Chinese name is what users see. */
function chineseName(raw: string): string {
  const parts = raw.split(',');
  return (parts[1] ?? parts[0] ?? '').trim();
}

function buildSource(): HolidaySource {
  const holidays = data.holidays as NameMap;
  const workdays = data.workdays as NameMap;
  const inLieuDays = data.inLieuDays as NameMap;

  // Every official schedule starts with 元旦 as a holiday, so a year with any holiday entry has been published.
  const years = [...new Set(Object.keys(holidays).map((date) => Number(date.slice(0, 4))))].sort((a, b) => a - b);
  const yearSet = new Set(years);

  return {
    description: 'chinese-days（国务院办公厅节假日安排）',
    entryFor(date) {
      const work = workdays[date];
      if (work !== undefined) return { kind: 'workday', name: chineseName(work), inLieu: false };
      const holiday = holidays[date];
      if (holiday !== undefined) return { kind: 'holiday', name: chineseName(holiday), inLieu: inLieuDays[date] !== undefined };
      return undefined;
    },
    coversYear: (year) => yearSet.has(year),
    coveredYears: () => years,
  };
}

/** The package's schedule (2004 up to the last year the installed version ships). */
export const chineseDaysSource: HolidaySource = buildSource();
