import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import {
  addDays,
  addMonths,
  assertIsoDate,
  chinaDateOf,
  chinaEndOfDayExclusive,
  chinaStartOfDay,
  dayOfWeek,
  daysBetween,
  isIsoDate,
  isoDateFromParts,
} from './iso-date.ts';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('ISO dates (China calendar days)', () => {
  it('knows real calendar days, leap years included', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-4-1')).toBe(false);
    expect(isoDateFromParts(2026, 2, 28)).toBe('2026-02-28');
    expect(isoDateFromParts(2026, 2, 29)).toBeUndefined();
  });

  it('rejects malformed dates with a VALIDATION error in Chinese', () => {
    expect(() => assertIsoDate('2026/02/28')).toThrowError(AppError);
    expect(() => assertIsoDate('2026/02/28')).toThrowError(/日期格式不正确/);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2025-03-10', '2025-06-08')).toBe(90);
  });

  it('converts an instant to the China date regardless of the machine time zone', () => {
    for (const tz of ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      // 16:00 UTC is midnight in China: the next day starts there.
      expect(chinaDateOf(new Date('2026-02-28T15:59:59.999Z'))).toBe('2026-02-28');
      expect(chinaDateOf(new Date('2026-02-28T16:00:00Z'))).toBe('2026-03-01');
      expect(dayOfWeek('2026-02-14')).toBe(6);
      expect(addDays('2026-03-08', 1)).toBe('2026-03-09'); // US DST starts 2026-03-08; must not matter
    }
  });

  it('gives the instants a China day starts and ends', () => {
    expect(chinaStartOfDay('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(chinaEndOfDayExclusive('2026-02-28').toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });
});

describe('addMonths (《民法典》第二百零二条)', () => {
  it('《民法典》第二百零二条: the corresponding day of the month, or the month end when there is none', () => {
    expect(addMonths('2026-03-16', 6)).toBe('2026-09-16');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-01-15', -2)).toBe('2025-11-15');
  });
});
