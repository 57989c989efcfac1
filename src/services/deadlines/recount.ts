/**
 * Counting open deadlines again when the legal calendar changes: a deadline counted over a year whose holiday
 * arrangement was not yet known used the statutory holidays only (statutory-holidays.ts) and was shown as
 * provisional; once the State Council's arrangement is entered (or any day of the calendar is changed), every open
 * deadline whose counting spans that year is counted again from its event by its period, for every ledger.
 */
import { and, eq, gte, isNotNull, lte } from 'drizzle-orm';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import { type PeriodKind, periodDeadline } from '../../domain/calendar/periods.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import type { Transaction } from '../../db/connect.ts';
import { deadlines } from '../../db/schema.ts';
import { openDeadline } from './deadline-store.ts';

/** An open deadline whose due date moved. */
export interface MovedDeadline {
  subjectType: string;
  subjectId: number;
  organizationId: number;
  kind: string;
  countedFrom: IsoDate;
  days: number;
  periodKind: PeriodKind;
  before: IsoDate;
  after: IsoDate;
}

/** Counts again, on `calendar`, every open counted deadline whose counting overlaps [from, to]; returns those that moved. */
export async function recountOpenDeadlines(tx: Transaction, calendar: WorkCalendar, from: IsoDate, to: IsoDate): Promise<MovedDeadline[]> {
  const rows = await tx
    .select()
    .from(deadlines)
    .where(and(openDeadline, isNotNull(deadlines.countedFrom), lte(deadlines.countedFrom, to), gte(deadlines.dueOn, from)));
  const moved: MovedDeadline[] = [];
  for (const row of rows) {
    const counting = { days: row.periodDays!, kind: row.periodKind as PeriodKind };
    const after = periodDeadline(calendar, row.countedFrom!, counting);
    if (after === row.dueOn) continue;
    await tx.update(deadlines).set({ dueOn: after }).where(eq(deadlines.id, row.id));
    moved.push({
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      organizationId: row.organizationId,
      kind: row.kind,
      countedFrom: row.countedFrom!,
      days: counting.days,
      periodKind: counting.kind,
      before: row.dueOn,
      after,
    });
  }
  return moved;
}
