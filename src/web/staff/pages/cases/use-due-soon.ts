import { addDays } from '../../../../domain/calendar/iso-date.ts';
import { dueSoonUntil } from '../../../../domain/cases/deadline-urgency.ts';
import { api } from '../../../shared/api.ts';
import { chinaToday } from '../../../shared/dates.ts';
import type { CalendarDays } from '../../../../domain/admin/views.ts';
import { useRemote } from '../../../shared/use-remote.ts';

/**
 * The last day that counts as "due soon" today (the third working day after it), from the server's legal
 * calendar — so holidays an admin entered count, as they do in the case list's `deadline=dueSoon` filter.
 * Undefined while loading (deadlines then show without the orange).
 */
export function useDueSoonUntil(): string | undefined {
  const today = chinaToday();
  // Three working days never span more than 20 calendar days, even across the Spring Festival.
  const remote = useRemote((signal) => api.get<CalendarDays>('/calendar/days', { from: today, to: addDays(today, 20) }, signal), [today]);
  if (!remote.data) return undefined;
  const working = new Set(remote.data.days.filter((d) => d.working).map((d) => d.date));
  return dueSoonUntil({ isWorkingDay: (date) => working.has(date) }, today);
}
