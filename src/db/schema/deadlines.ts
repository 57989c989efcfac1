/**
 * Deadlines on the legal calendar, with the indexes that make "due soon" and "overdue" range scans.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';

/**
 * Deadlines of each case. "Due within N days" and "overdue" are range scans on (due_on) among open rows
 * (partial index where met_at is null), never scans of cases.
 */
export const caseDeadlines = pgTable(
  'case_deadlines',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    organizationId: integer('organization_id').notNull(),
    kind: text('kind').notNull(),
    dueOn: date('due_on').notNull(),
    metAt: timestamp('met_at', { withTimezone: true, mode: 'string' }),
    article: text('article').notNull(),
  },
  (t) => [
    index('case_deadlines_due_met_idx').on(t.dueOn, t.metAt),
    index('case_deadlines_open_idx').on(t.dueOn).where(sql`${t.metAt} is null`),
    index('case_deadlines_case_idx').on(t.caseId, t.kind),
  ],
);
