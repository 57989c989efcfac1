/**
 * The working-day calendar used for every legal period.
 *
 * 《行政处罚法》第八十五条 counts "二日、三日、五日、七日" in working days, so which days are worked has legal
 * effect. The State Council publishes each year's schedule in November; the base source (chinese-days) covers
 * the years its installed version ships, and an admin enters overrides for later years or corrections.
 *
 * Precedence, per date: override → base source → (for a year without its arrangement) the statutory holidays of
 * 《全国年节及纪念日放假办法》第二条 → weekday rule (Mon–Fri work, Sat–Sun rest).
 * For a year that neither the base source nor a complete set of overrides covers, `coversYear(year)` is false so
 * callers can mark the deadlines counted over it provisional: 调休 and 补假 are not known until the notice is entered.
 */
import { validationError } from '../errors.ts';
import { chineseDaysSource, type HolidaySource } from './chinese-days-source.ts';
import { statutoryHolidays } from './statutory-holidays.ts';
import { assertIsoDate, dayOfWeek, yearOf, type IsoDate } from './iso-date.ts';

/** One admin-entered correction or addition to the official schedule. */
export interface CalendarOverride {
  date: IsoDate;
  /** 'holiday': the day is a rest day (放假); 'workday': the day is worked (e.g. 调休上班 on a weekend). */
  kind: 'holiday' | 'workday';
  /** Shown in the UI, e.g. '春节' or '2027年元旦'. */
  name?: string;
}

export type DayStatus =
  /** rest day inside a holiday block (放假) */
  | 'holiday'
  /** weekend day worked in exchange for rest elsewhere (调休上班) */
  | 'makeup-workday'
  | 'weekend'
  | 'weekday';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  status: DayStatus;
  /** Festival name for holidays and make-up workdays. */
  name?: string;
  /** For holidays: a rest day obtained by 调休 rather than a statutory holiday. */
  inLieu?: boolean;
  /**
   * Which layer decided: an admin override, the base source, the statutory holidays of a year whose arrangement is
   * not yet known (statutory-holidays.ts), or the plain weekday rule.
   */
  source: 'override' | 'base' | 'statutory' | 'weekday-rule';
}

export interface WorkCalendarOptions {
  /** Official schedule; defaults to chinese-days. `null` means weekday rule plus overrides only. */
  base?: HolidaySource | null;
  overrides?: readonly CalendarOverride[];
  /**
   * Years for which the overrides hold the complete official schedule (the admin entered the whole
   * notice). A single correction does not make a year "covered", hence the explicit list.
   */
  completeOverrideYears?: readonly number[];
}

const isWeekend = (date: IsoDate): boolean => {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
};

export class WorkCalendar {
  private readonly base: HolidaySource | null;
  private readonly overrides: ReadonlyMap<IsoDate, CalendarOverride>;
  private readonly completeOverrideYears: ReadonlySet<number>;

  constructor(options: WorkCalendarOptions = {}) {
    this.base = options.base === undefined ? chineseDaysSource : options.base;
    const overrides = new Map<IsoDate, CalendarOverride>();
    for (const entry of options.overrides ?? []) {
      assertIsoDate(entry.date, 'overrides.date');
      if (entry.kind !== 'holiday' && entry.kind !== 'workday') {
        throw validationError(`日历调整类型无效（应为 holiday 或 workday）：${String(entry.kind)}`, { date: entry.date });
      }
      // Two entries for one day would make the answer depend on list order; the admin must resolve it.
      if (overrides.has(entry.date)) {
        throw validationError(`日历调整中 ${entry.date} 重复出现`, { date: entry.date });
      }
      const name = entry.name?.trim();
      overrides.set(entry.date, name ? { date: entry.date, kind: entry.kind, name } : { date: entry.date, kind: entry.kind });
    }
    this.overrides = overrides;
    this.completeOverrideYears = new Set(options.completeOverrideYears ?? []);
  }

  /** A calendar on chinese-days with the given admin overrides. */
  static withOverrides(overrides: readonly CalendarOverride[] = [], completeOverrideYears: readonly number[] = []): WorkCalendar {
    return new WorkCalendar({ overrides, completeOverrideYears });
  }

  dayInfo(date: IsoDate): DayInfo {
    assertIsoDate(date);
    const weekend = isWeekend(date);

    const override = this.overrides.get(date);
    if (override) {
      const status: DayStatus = override.kind === 'holiday' ? 'holiday' : weekend ? 'makeup-workday' : 'weekday';
      return {
        date,
        working: override.kind === 'workday',
        status,
        ...(override.name ? { name: override.name } : {}),
        source: 'override',
      };
    }

    const entry = this.base?.entryFor(date);
    if (entry) {
      return entry.kind === 'holiday'
        ? { date, working: false, status: 'holiday', name: entry.name, inLieu: entry.inLieu, source: 'base' }
        : { date, working: true, status: weekend ? 'makeup-workday' : 'weekday', name: entry.name, source: 'base' };
    }

    // A year without its arrangement: the statutory holidays are rest days all the same (the notice only adds 调休).
    if (this.base !== null && !this.coversYear(yearOf(date))) {
      const festival = statutoryHolidays(yearOf(date)).get(date);
      if (festival) return { date, working: false, status: 'holiday', name: festival, source: 'statutory' };
    }

    return { date, working: !weekend, status: weekend ? 'weekend' : 'weekday', source: 'weekday-rule' };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.dayInfo(date).working;
  }

  isRestDay(date: IsoDate): boolean {
    return !this.dayInfo(date).working;
  }

  /**
   * True when the official schedule of `year` is known (from the base source or complete overrides).
   * When false, the calendar treats that year's weekdays as working days and weekends as rest days only.
   */
  coversYear(year: number): boolean {
    return (this.base?.coversYear(year) ?? false) || this.completeOverrideYears.has(year);
  }

  /** Years in [from, to] whose schedule is unknown — a deadline computed across them may still move. */
  uncoveredYearsBetween(from: IsoDate, to: IsoDate): number[] {
    const [first, last] = from <= to ? [yearOf(from), yearOf(to)] : [yearOf(to), yearOf(from)];
    const years: number[] = [];
    for (let year = first; year <= last; year++) if (!this.coversYear(year)) years.push(year);
    return years;
  }
}
