/**
 * How pressing a case deadline is, for the case list filter (`deadline=overdue|dueSoon`), the list's tags and
 * the case page's colours. "Due soon" is a supervision threshold of this system, not a legal period: an open
 * deadline that falls within the next three working days (counted like the law's short periods,
 * 《行政处罚法》第八十五条, from the day after today).
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import { addWorkingDays } from '../calendar/periods.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';

export const DUE_SOON_WORKING_DAYS = 3;

export type DeadlineUrgency = 'met' | 'overdue' | 'dueSoon' | 'normal';

export const deadlineUrgencyLabels: Record<DeadlineUrgency, string> = {
  met: '已完成',
  overdue: '已超期',
  dueSoon: '即将到期',
  normal: '未到期',
};

/** The last day that still counts as "due soon" when seen on `today`: the third working day after it. */
export function dueSoonUntil(calendar: Pick<WorkCalendar, 'isWorkingDay'>, today: IsoDate): IsoDate {
  return addWorkingDays(calendar, today, DUE_SOON_WORKING_DAYS);
}

/** A deadline is overdue the day after its due date; a met deadline is never overdue nor due. */
export function deadlineUrgency(deadline: { dueOn: IsoDate; metAt: string | null }, today: IsoDate, soonUntil: IsoDate): DeadlineUrgency {
  if (deadline.metAt !== null) return 'met';
  if (deadline.dueOn < today) return 'overdue';
  return deadline.dueOn <= soonUntil ? 'dueSoon' : 'normal';
}
