/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, meaning a day in China (Asia/Shanghai).
 *
 * Legal periods are counted in whole days of the place where the act happens, so a date must never drift
 * with the time zone of the machine running the code. All arithmetic here goes through UTC fields only;
 * nothing reads the machine's local time zone.
 */
import { validationError } from '../errors.ts';

/** `YYYY-MM-DD`, a calendar day in China. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
/**
 * China has used UTC+8 without daylight saving time since 1992 (DST was observed 1986–1991), so a fixed
 * offset is exact for every instant this system records and needs no time-zone database.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar day written as `YYYY-MM-DD` (leap years included, e.g. no 2025-02-29). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Throws a VALIDATION error naming the field unless `value` is a real `YYYY-MM-DD` date. */
export function assertIsoDate(value: string, field = 'date'): IsoDate {
  if (!isIsoDate(value)) {
    throw validationError(`日期格式不正确，应为“年-月-日”（如 2026-02-28）：${value}`, { field, value });
  }
  return value;
}

/** Builds an ISO date from numeric parts, or returns undefined when the parts are not a real day. */
export function isoDateFromParts(year: number, month: number, day: number): IsoDate | undefined {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return undefined;
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(text) ? text : undefined;
}

function toUtcMs(date: IsoDate): number {
  assertIsoDate(date);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `date` shifted by `days` calendar days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw validationError(`天数必须为整数：${days}`, { days });
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/**
 * `date` shifted by `months` calendar months: the corresponding day of the target month, or its last day when it
 * has none (《民法典》第二百零二条: 按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，为月末日).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw validationError(`月数必须为整数：${months}`, { months });
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return isoDateFromParts(year, month, day) ?? assertIsoDate(`${year}-${month}-${day}`);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, like `Date#getDay`, but independent of the machine's time zone. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function yearOf(date: IsoDate): number {
  return Number(assertIsoDate(date).slice(0, 4));
}

/** Compares two ISO dates; plain string order is date order for `YYYY-MM-DD`. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The day in China on which `instant` falls, e.g. 2026-02-28T16:30Z → '2026-03-01'. */
export function chinaDateOf(instant: Date): IsoDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw validationError('无效的时间');
  return fromUtcMs(ms + CHINA_OFFSET_MS);
}

/** The instant 00:00 China time starts `date`. */
export function chinaStartOfDay(date: IsoDate): Date {
  return new Date(toUtcMs(date) - CHINA_OFFSET_MS);
}

/**
 * The first instant after `date` has ended in China. A period's last day runs until 24:00
 * (《民法典》第二百零三条第二款), so an act is late only at or after this instant.
 */
export function chinaEndOfDayExclusive(date: IsoDate): Date {
  return new Date(toUtcMs(date) + DAY_MS - CHINA_OFFSET_MS);
}
