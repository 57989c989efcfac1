import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import {
  addCalendarDaysDeadline,
  addWorkingDays,
  configurePeriods,
  isOverdue,
  latestAdvanceDate,
  namedPeriodDeadline,
  penaltyPeriods,
  periodDeadline,
  statutoryPeriodKind,
  subtractWorkingDays,
  workingDaysBetween,
  type PeriodId,
} from './periods.ts';
import { WorkCalendar } from './work-calendar.ts';

const calendar = new WorkCalendar();

describe('《行政处罚法》第八十五条: 二日、三日、五日、七日 are working days', () => {
  it('Art. 85: only 2, 3, 5 and 7 days are working days; 15 and 90 are calendar days', () => {
    expect([2, 3, 5, 7].map(statutoryPeriodKind)).toEqual(['working', 'working', 'working', 'working']);
    expect([1, 10, 15, 20, 60, 90].map(statutoryPeriodKind)).toEqual(Array(6).fill('calendar'));
  });

  it('Art. 85: every period of the law in the table follows the Art. 85 rule', () => {
    for (const period of Object.values(penaltyPeriods)) {
      if (period.basis.startsWith('《行政处罚法》') && !period.adjustableBy) {
        expect(period.kind, period.id).toBe(statutoryPeriodKind(period.days));
      }
    }
  });

  it('Art. 85: 七日 counts working days across 春节 2026 and ends on the make-up Saturday 2026-02-28', () => {
    // Event Thu 2026-02-12: 13 (Fri) 1, 14 (Sat, 调休上班) 2, 15–23 春节, 24–27 → 3–6, 28 (Sat, 调休上班) 7.
    expect(addWorkingDays(calendar, '2026-02-12', 7)).toBe('2026-02-28');
    expect(workingDaysBetween(calendar, '2026-02-12', '2026-02-28')).toBe(7);
  });

  it('Art. 85: a make-up Saturday workday is counted as a working day (国庆 2024, 2024-10-12)', () => {
    // Event Wed 2024-10-09: 10 (Thu) 1, 11 (Fri) 2, 12 (Sat, 调休上班) 3.
    expect(addWorkingDays(calendar, '2024-10-09', 3)).toBe('2024-10-12');
  });

  it('民法典第二百零一条: the trigger day is not counted, even when it is a working day', () => {
    expect(addWorkingDays(calendar, '2026-03-02', 1)).toBe('2026-03-03');
    expect(addCalendarDaysDeadline(calendar, '2026-03-02', 1)).toBe('2026-03-03');
    expect(addWorkingDays(calendar, '2026-03-02', 0)).toBe('2026-03-02');
  });

  it('Art. 85: a period triggered during 春节 2026 starts counting after the holiday', () => {
    // Trigger on Mon 2026-02-16 (春节): 24, 25, 26, 27, 28 (调休上班).
    expect(addWorkingDays(calendar, '2026-02-16', 5)).toBe('2026-02-28');
  });

  it('rejects negative and fractional day counts', () => {
    expect(() => addWorkingDays(calendar, '2026-03-02', -1)).toThrowError(AppError);
    expect(() => addCalendarDaysDeadline(calendar, '2026-03-02', 1.5)).toThrowError(/非负整数/);
  });
});

describe('民法典第二百零三条: a calendar-day deadline on a rest day moves to the next working day', () => {
  it('Art. 67: 15-day payment deadline ending on Sunday 2025-03-16 rolls to Monday 2025-03-17', () => {
    expect(addCalendarDaysDeadline(calendar, '2025-03-01', 15)).toBe('2025-03-17');
    expect(namedPeriodDeadline(calendar, 'payment', '2025-03-01')).toBe('2025-03-17');
  });

  it('Art. 67: 15-day payment deadline ending inside 春节 2026 (2026-02-16) moves to 2026-02-24', () => {
    expect(namedPeriodDeadline(calendar, 'payment', '2026-02-01')).toBe('2026-02-24');
  });

  it('Art. 67: a deadline on a make-up Sunday (2024-02-18, 春节调休上班) stays there', () => {
    expect(namedPeriodDeadline(calendar, 'payment', '2024-02-03')).toBe('2024-02-18');
  });

  it('Art. 60: 90-day decision period from filing on 2025-03-10 ends Sunday 2025-06-08 → Monday 2025-06-09', () => {
    expect(namedPeriodDeadline(calendar, 'decision', '2025-03-10')).toBe('2025-06-09');
  });

  it('Art. 60: 90-day decision period ending in 国庆 2025 (2025-10-03) moves to 2025-10-09', () => {
    expect(namedPeriodDeadline(calendar, 'decision', '2025-07-05')).toBe('2025-10-09');
  });
});

describe('named periods of the penalty procedure', () => {
  it('Art. 64(1): hearing request within 5 working days across 国庆 2024 (make-up Sunday 2024-09-29 counts)', () => {
    // Notice Fri 2024-09-27: 28 (Sat) rest, 29 (Sun, 调休上班) 1, 30 2, 10-01–07 国庆, 8 3, 9 4, 10 5.
    expect(namedPeriodDeadline(calendar, 'hearingRequest', '2024-09-27')).toBe('2024-10-10');
  });

  it('Art. 61: service within 7 working days across 国庆 2025 (both make-up days count)', () => {
    // Decision Fri 2025-09-26: 28 (Sun, 调休) 1, 29 2, 30 3, 10-01–08 国庆中秋, 9 4, 10 5, 11 (Sat, 调休) 6, 13 7.
    expect(namedPeriodDeadline(calendar, 'service', '2025-09-26')).toBe('2025-10-13');
  });

  it('Art. 64(2): hearing notice at least 7 working days before a hearing on 2025-10-13 → send by 2025-09-26', () => {
    expect(namedPeriodDeadline(calendar, 'hearingNotice', '2025-10-13')).toBe('2025-09-26');
    expect(subtractWorkingDays(calendar, '2025-10-13', 7)).toBe('2025-09-26');
  });

  it('Art. 64(2): a calendar-day advance notice landing on a rest day moves earlier, never later', () => {
    // 10 calendar days before Mon 2026-02-23 is Fri 2026-02-13 (working); 8 days before is Sun 2026-02-15 (春节) → 02-14.
    expect(latestAdvanceDate(calendar, '2026-02-23', { days: 10, kind: 'calendar' })).toBe('2026-02-13');
    expect(latestAdvanceDate(calendar, '2026-02-23', { days: 8, kind: 'calendar' })).toBe('2026-02-14');
  });

  it('国办发〔2018〕118号: publicity within 7 working days across 劳动节 2024 (make-up Saturday 2024-05-11 counts)', () => {
    // Decision Tue 2024-04-30: 05-01–05 劳动节, 6–10 → 1–5, 11 (Sat, 调休) 6, 13 7.
    expect(namedPeriodDeadline(calendar, 'publicity', '2024-04-30')).toBe('2024-05-13');
  });

  it('Art. 56: 先行登记保存 decision within 7 working days across 国庆 2026', () => {
    // Preserved Wed 2026-09-30: 10-01–07 国庆, 8 1, 9 2, 10 (Sat, 调休) 3, 12–15 → 4–7.
    expect(namedPeriodDeadline(calendar, 'registrationPreservation', '2026-09-30')).toBe('2026-10-15');
  });

  it('Art. 48: publicity withdrawn within 3 working days across 元旦 2026 (make-up Sunday 2026-01-04 counts)', () => {
    expect(namedPeriodDeadline(calendar, 'publicityWithdrawal', '2025-12-31')).toBe('2026-01-06');
  });

  it('Art. 44/45: statement period of 3 working days (local parameter) across 春节 2025', () => {
    // Notice received Fri 2025-01-24: 25 rest, 26 (Sun, 调休) 1, 27 2, 01-28–02-04 春节, 02-05 3.
    expect(namedPeriodDeadline(calendar, 'statement', '2025-01-24')).toBe('2025-02-05');
  });

  it('Art. 71: on-the-spot fine handed over within 2 working days across 中秋 2024', () => {
    // Collected Fri 2024-09-13: 14 (Sat, 调休) 1, 15–17 中秋, 18 2.
    expect(namedPeriodDeadline(calendar, 'onSpotFineHandover', '2024-09-13')).toBe('2024-09-18');
    expect(namedPeriodDeadline(calendar, 'onSpotFineBankDeposit', '2024-09-18')).toBe('2024-09-20');
  });

  it('every named period cites its basis and has a Chinese label', () => {
    for (const [id, period] of Object.entries(penaltyPeriods) as [PeriodId, (typeof penaltyPeriods)[PeriodId]][]) {
      expect(period.id).toBe(id);
      expect(period.basis).toMatch(/《.+》|国办发/);
      expect(period.label).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('Art. 44/45: a local rule may set the statement period to 5 working days', () => {
    const local = configurePeriods({ statement: { days: 5 } });
    expect(local.statement).toMatchObject({ days: 5, kind: 'working' });
    expect(penaltyPeriods.statement.days).toBe(3);
    expect(namedPeriodDeadline(calendar, 'statement', '2025-01-24', local)).toBe('2025-02-07');
  });

  it('Art. 64: a period fixed by the law cannot be changed locally', () => {
    expect(() => configurePeriods({ hearingRequest: { days: 3 } })).toThrowError(/不能在本地调整/);
    const error = (() => {
      try {
        configurePeriods({ payment: { days: 30 } });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('RULE_VIOLATION');
    expect((error as AppError).details).toMatchObject({ article: '《行政处罚法》第六十七条第三款' });
    expect(() => configurePeriods({ decision: { days: 0 } })).toThrowError(/正整数/);
  });

  it('periodDeadline dispatches on the kind', () => {
    expect(periodDeadline(calendar, '2026-02-12', { days: 7, kind: 'working' })).toBe('2026-02-28');
    expect(periodDeadline(calendar, '2026-02-12', { days: 7, kind: 'calendar' })).toBe('2026-02-24');
  });
});

describe('民法典第二百零三条第二款: the last day runs until 24:00 China time', () => {
  it('is not overdue on the deadline day, overdue the day after', () => {
    expect(isOverdue('2026-02-28', '2026-02-28')).toBe(false);
    expect(isOverdue('2026-02-28', '2026-03-01')).toBe(true);
  });

  it('uses China time for instants: 23:59 Beijing on the last day is in time, 00:00 the next day is late', () => {
    expect(isOverdue('2026-02-28', new Date('2026-02-28T15:59:59Z'))).toBe(false);
    expect(isOverdue('2026-02-28', new Date('2026-02-28T16:00:00Z'))).toBe(true);
  });
});

describe('workingDaysBetween', () => {
  it('counts (from, to], so it inverts addWorkingDays and is negative backwards', () => {
    expect(workingDaysBetween(calendar, '2025-09-26', '2025-10-13')).toBe(7);
    expect(workingDaysBetween(calendar, '2025-10-13', '2025-09-26')).toBe(-7);
    expect(workingDaysBetween(calendar, '2026-02-15', '2026-02-23')).toBe(0);
    expect(workingDaysBetween(calendar, '2026-03-02', '2026-03-02')).toBe(0);
  });
});

describe('a year without an official schedule', () => {
  it('全国年节及纪念日放假办法 Art. 2: 元旦 2027 is a rest day before the arrangement is published; the caller warns via uncoveredYearsBetween', () => {
    const deadline = addWorkingDays(calendar, '2026-12-30', 7);
    // 31 (Thu) 1; 2027-01-01 (Fri) is 元旦 by the statutory rule, not a working day; 4–8 → 2–6; 11 → 7.
    expect(deadline).toBe('2027-01-11');
    expect(calendar.uncoveredYearsBetween('2026-12-30', deadline)).toEqual([2027]);
    // Art. 67: the 15-day payment period served on 2026-12-17 ends on 2027-01-01 → the next working day, not 元旦.
    expect(addCalendarDaysDeadline(calendar, '2026-12-17', 15)).toBe('2027-01-04');
  });

  it('uses the admin-entered 2027 arrangement once the year is marked complete (a 调休 the statutory rule cannot know)', () => {
    const entered = WorkCalendar.withOverrides(
      [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-04', kind: 'holiday', name: '元旦' },
      ],
      [2027],
    );
    expect(addWorkingDays(entered, '2026-12-30', 7)).toBe('2027-01-12');
    expect(entered.uncoveredYearsBetween('2026-12-30', '2027-01-12')).toEqual([]);
  });
});
