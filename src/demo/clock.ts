/**
 * When the demo happens. The demo's history is written on fixed dates up to DEMO_TODAY (2026-11-13), which the
 * tests use as they are. `fazhi demo` and `npm start` move the whole history by whole weeks so that it ends in the
 * week of the real today: open deadlines are then live — some due soon, some overdue — on any day the demo is made.
 * Every step still goes through the case services on its (moved) date, so every deadline rule holds on the moved
 * dates too; a step that a holiday of the moved dates would make unlawful fails the seeding instead of slipping by.
 */
import { addDays, daysBetween, type IsoDate } from '../domain/calendar/iso-date.ts';

/** The demo's "today": every demo act happens on or before this date (before any shift). */
export const DEMO_TODAY: IsoDate = '2026-11-13';

/**
 * Days to move the demo so that its history ends in the week of `today`: a multiple of 7 (weekdays stay weekdays).
 * 0 before the demo's own dates.
 */
export function demoShiftDays(today: IsoDate): number {
  return Math.max(0, 7 * Math.floor(daysBetween(DEMO_TODAY, today) / 7));
}

/**
 * On moved dates a holiday can put a waiting period's end (陈述申辩, 听证) after the step planned for it: the step is then
 * tried again on each following day, up to this many, and the rest of the case follows it by as many days. A step
 * that would so fall after today is not taken: that case stays where it is, as an open case does.
 */
export const RETRY_DAYS = 7;

const isoDateTime = /^(\d{4}-\d{2}-\d{2})(T.*)?$/;

/** `value` with every ISO date (and date-time) string in it moved by `days`, however deeply nested. */
export function shiftDates<T>(value: T, days: number): T {
  if (days === 0) return value;
  if (typeof value === 'string') {
    const m = isoDateTime.exec(value);
    return (m ? `${addDays(m[1] as IsoDate, days)}${m[2] ?? ''}` : value) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => shiftDates(v, days)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, days)])) as T;
  return value;
}
