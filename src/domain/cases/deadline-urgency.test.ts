import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/work-calendar.ts';
import { deadlineUrgency, dueSoonUntil } from './deadline-urgency.ts';

const calendar = new WorkCalendar();

describe('deadline urgency (due soon = within 3 working days, counted as 《行政处罚法》第八十五条 counts short periods)', () => {
  it('due soon reaches the third working day after today, skipping the weekend', () => {
    // Thu 2026-11-12 → Fri 13, Mon 16, Tue 17.
    expect(dueSoonUntil(calendar, '2026-11-12')).toBe('2026-11-17');
  });

  it('due soon skips a public holiday (国庆 2026: 10-01 to 10-07 off, Sat 10-10 a make-up workday)', () => {
    // Wed 2026-09-30 → Thu 10-08, Fri 10-09, Sat 10-10 (调休上班).
    expect(dueSoonUntil(calendar, '2026-09-30')).toBe('2026-10-10');
  });

  it('classifies open deadlines as overdue the day after the due date, due soon up to the limit, otherwise normal', () => {
    const soon = dueSoonUntil(calendar, '2026-11-12');
    const open = (dueOn: string) => deadlineUrgency({ dueOn, metAt: null }, '2026-11-12', soon);
    expect(open('2026-11-11')).toBe('overdue');
    expect(open('2026-11-12')).toBe('dueSoon');
    expect(open('2026-11-17')).toBe('dueSoon');
    expect(open('2026-11-18')).toBe('normal');
  });

  it('a met deadline is neither overdue nor due, however late it was met', () => {
    expect(deadlineUrgency({ dueOn: '2026-01-01', metAt: '2026-03-01T01:00:00.000Z' }, '2026-11-12', '2026-11-17')).toBe('met');
  });
});
