import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { addDays } from './iso-date.ts';
import { WorkCalendar } from './work-calendar.ts';
import { statutoryHolidays } from './statutory-holidays.ts';

/**
 * The official schedules of 2024–2026 (国务院办公厅 notices), as in shared/data/cn-holidays-2023-2026.json:
 * holiday blocks (放假, weekends inside included) and the weekend days worked in exchange (调休上班).
 */
const officialSchedules = {
  2024: {
    blocks: [
      ['2024-01-01', '2024-01-01'], ['2024-02-10', '2024-02-17'], ['2024-04-04', '2024-04-06'], ['2024-05-01', '2024-05-05'],
      ['2024-06-10', '2024-06-10'], ['2024-09-15', '2024-09-17'], ['2024-10-01', '2024-10-07'],
    ],
    makeupWorkdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  2025: {
    blocks: [
      ['2025-01-01', '2025-01-01'], ['2025-01-28', '2025-02-04'], ['2025-04-04', '2025-04-06'], ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'], ['2025-10-01', '2025-10-08'],
    ],
    makeupWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    blocks: [
      ['2026-01-01', '2026-01-03'], ['2026-02-15', '2026-02-23'], ['2026-04-04', '2026-04-06'], ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'], ['2026-09-25', '2026-09-27'], ['2026-10-01', '2026-10-07'],
    ],
    makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
} as const;

function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('WorkCalendar on chinese-days', () => {
  const calendar = new WorkCalendar();

  it('matches every day of the official 2024–2026 schedules', () => {
    for (const [year, schedule] of Object.entries(officialSchedules)) {
      const holidays = new Set(schedule.blocks.flatMap(([from, to]) => daysOf(from, to)));
      const makeup = new Set<string>(schedule.makeupWorkdays);
      for (const day of daysOf(`${year}-01-01`, `${year}-12-31`)) {
        const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
        const expected = makeup.has(day) || (!weekend && !holidays.has(day));
        expect(calendar.isWorkingDay(day), day).toBe(expected);
      }
    }
  });

  it('a make-up Saturday (2026-02-14, 春节调休) is a working day', () => {
    expect(calendar.dayInfo('2026-02-14')).toEqual({
      date: '2026-02-14',
      working: true,
      status: 'makeup-workday',
      name: '春节',
      source: 'base',
    });
  });

  it('marks 调休 rest days inside a block as in lieu, statutory ones not', () => {
    expect(calendar.dayInfo('2026-02-20')).toMatchObject({ working: false, status: 'holiday', name: '春节', inLieu: true });
    expect(calendar.dayInfo('2026-02-17')).toMatchObject({ working: false, status: 'holiday', inLieu: false });
  });

  it('answers the same in any machine time zone (chinese-days’ own functions shift a day west of UTC)', () => {
    for (const tz of ['America/New_York', 'UTC', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      expect(calendar.isWorkingDay('2026-02-14'), tz).toBe(true);
      expect(calendar.isWorkingDay('2026-02-15'), tz).toBe(false);
      expect(calendar.isWorkingDay('2024-09-29'), tz).toBe(true);
    }
  });

  it('covers the years the package ships and says so', () => {
    expect(calendar.coversYear(2004)).toBe(true);
    expect(calendar.coversYear(2026)).toBe(true);
    expect(calendar.coversYear(2003)).toBe(false);
    expect(calendar.coversYear(2027)).toBe(false);
    expect(calendar.uncoveredYearsBetween('2026-12-01', '2028-01-10')).toEqual([2027, 2028]);
  });

  it('全国年节及纪念日放假办法 Art. 2: in a year without its arrangement (2027) the statutory holidays are rest days, other days follow the week', () => {
    expect(calendar.dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', working: false, status: 'holiday', name: '元旦', source: 'statutory' });
    // 春节: 除夕 (2027-02-05, a Friday) and 正月初一至初三; 清明 on its solar term; 劳动节 5月1日、2日; 端午, 中秋 by the
    // lunar calendar; 国庆 10月1日至3日.
    for (const date of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) expect(calendar.dayInfo(date), date).toMatchObject({ working: false, name: '春节' });
    expect(calendar.dayInfo('2027-04-05')).toMatchObject({ working: false, name: '清明节' });
    expect(calendar.dayInfo('2027-06-09')).toMatchObject({ working: false, name: '端午节' });
    expect(calendar.dayInfo('2027-09-15')).toMatchObject({ working: false, name: '中秋节' });
    for (const date of ['2027-10-01', '2027-10-02', '2027-10-03']) expect(calendar.dayInfo(date), date).toMatchObject({ working: false, name: '国庆节' });
    expect(calendar.dayInfo('2027-02-04')).toEqual({ date: '2027-02-04', working: true, status: 'weekday', source: 'weekday-rule' });
    expect(calendar.dayInfo('2027-01-02')).toMatchObject({ working: false, status: 'weekend', source: 'weekday-rule' });
    // The same answers whatever the machine's time zone (the lunar dates are computed, not parsed).
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(new WorkCalendar().dayInfo('2027-06-09')).toMatchObject({ working: false, name: '端午节' });
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('the statutory holidays match the published arrangements of the years under the revised 放假办法 (2025–2026)', () => {
    // (Before 2025 除夕 was not a statutory holiday: 2024-02-09 was a working day.)
    for (const year of [2025, 2026]) {
      for (const [date, name] of statutoryHolidays(year)) expect(calendar.dayInfo(date), `${date} ${name}`).toMatchObject({ working: false, status: 'holiday' });
    }
  });

  it('a covered year keeps its published arrangement and never consults the statutory list', () => {
    expect(calendar.dayInfo('2026-01-01')).toMatchObject({ working: false, source: 'base' });
    const marked = WorkCalendar.withOverrides([{ date: '2027-01-04', kind: 'holiday', name: '元旦' }], [2027]);
    expect(marked.dayInfo('2027-01-01')).toMatchObject({ working: true, source: 'weekday-rule' });
  });
});

describe('WorkCalendar overrides (admin-entered)', () => {
  it('override wins over the package', () => {
    const calendar = WorkCalendar.withOverrides([
      { date: '2026-02-24', kind: 'holiday', name: '地方调整' },
      { date: '2026-02-14', kind: 'holiday' },
      { date: '2026-02-16', kind: 'workday' },
    ]);
    expect(calendar.dayInfo('2026-02-24')).toEqual({ date: '2026-02-24', working: false, status: 'holiday', name: '地方调整', source: 'override' });
    expect(calendar.isWorkingDay('2026-02-14')).toBe(false);
    expect(calendar.dayInfo('2026-02-16')).toMatchObject({ working: true, status: 'weekday', source: 'override' });
  });

  it('adds a year the package lacks; the year counts as covered only when declared complete', () => {
    const entries = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-02', kind: 'holiday', name: '元旦' },
      { date: '2027-01-03', kind: 'holiday', name: '元旦' },
      { date: '2027-01-09', kind: 'workday', name: '元旦' },
    ] as const;
    const partial = WorkCalendar.withOverrides(entries);
    expect(partial.isWorkingDay('2027-01-01')).toBe(false);
    expect(partial.dayInfo('2027-01-09')).toMatchObject({ working: true, status: 'makeup-workday', name: '元旦' });
    expect(partial.coversYear(2027)).toBe(false);

    const complete = WorkCalendar.withOverrides(entries, [2027]);
    expect(complete.coversYear(2027)).toBe(true);
  });

  it('without a base source uses only overrides and the weekday rule', () => {
    const calendar = new WorkCalendar({ base: null });
    expect(calendar.isWorkingDay('2026-02-16')).toBe(true);
    expect(calendar.coversYear(2026)).toBe(false);
  });

  it('rejects a duplicated date, a bad date and a bad kind', () => {
    expect(() =>
      WorkCalendar.withOverrides([
        { date: '2027-01-01', kind: 'holiday' },
        { date: '2027-01-01', kind: 'workday' },
      ]),
    ).toThrowError(/2027-01-01 重复/);
    expect(() => WorkCalendar.withOverrides([{ date: '2027-02-30', kind: 'holiday' }])).toThrowError(AppError);
    expect(() => WorkCalendar.withOverrides([{ date: '2027-02-01', kind: 'rest' as 'holiday' }])).toThrowError(/类型无效/);
  });
});
