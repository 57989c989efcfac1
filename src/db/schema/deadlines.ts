/**
 * Deadlines on the legal calendar, with the indexes that make "due soon" and "overdue" range scans.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { organizations } from './core.ts';

/**
 * Deadlines of every ledger (cases today; petitions, approvals, reconsiderations… as they come): one row per
 * deadline of a subject (`subject_type` 'case', `subject_id` the case id). A met deadline stays as history; at most
 * one deadline of a kind is open per subject.
 *
 * `met_on` is the date the deadline was met: the date of the act that met it (a preservation decided on 11-17 and
 * entered on 12-05 is met on 11-17), which is what a 案卷评查 compares with `due_on`; `met_at` is when that was
 * recorded. A deadline met by an act after its due date keeps that (`met_late`) and the reason given (`late_reason`).
 * "Due within N days" and "overdue" are range scans of the partial index on `due_on` among open rows
 * (`met_on is null`), for any ledger; a subject's own deadlines come from (subject_type, subject_id, kind).
 */
export const deadlines = pgTable(
  'deadlines',
  {
    id: serial('id').primaryKey(),
    subjectType: text('subject_type').notNull(),
    subjectId: integer('subject_id').notNull(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind').notNull(),
    dueOn: date('due_on').notNull(),
    metOn: date('met_on'),
    metAt: timestamp('met_at', { withTimezone: true, mode: 'string' }),
    /** The article that sets the period, e.g. 《行政处罚法》第六十一条. */
    article: text('article').notNull(),
    /** Met by an act dated after `due_on` (not set when a deadline is closed as moot): flagged for supervision. */
    metLate: boolean('met_late').notNull().default(false),
    /** Why the act came late, as recorded with the step that met it (required of every agency deadline met late). */
    lateReason: text('late_reason'),
    /**
     * How `due_on` was counted, for a deadline counted from an event by a period (null for a date someone set, e.g.
     * an approved extension or an instalment): the event's date and the period (days; 'working' or 'calendar').
     * An open deadline is counted again from these when the holiday arrangement of a year it spans is entered.
     */
    countedFrom: date('counted_from'),
    periodDays: integer('period_days'),
    periodKind: text('period_kind'),
  },
  (t) => [
    // Open deadlines by due day, with what the overdue / due-soon counts need (the subject and its unit) in the index
    // itself: counting 44,000 overdue deadlines at a million cases reads no table rows (round 5).
    index('deadlines_open_due_idx').on(t.dueOn, t.subjectType, t.subjectId, t.organizationId).where(sql`${t.metOn} is null`),
    index('deadlines_subject_idx').on(t.subjectType, t.subjectId, t.kind),
    // The overdue / due lists in their order (`order by due_on, id`), read from the start and stopped at the page.
    index('deadlines_open_due_id_idx').on(t.dueOn, t.id).where(sql`${t.metOn} is null`),
  ],
);
