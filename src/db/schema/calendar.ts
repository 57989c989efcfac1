/**
 * The legal calendar's admin-entered data: holidays, make-up workdays and years marked complete.
 */
import { date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Admin-entered holidays and make-up workdays (for years `chinese-days` lacks, or corrections). */
export const calendarOverrides = pgTable('calendar_overrides', {
  date: date('date').primaryKey(),
  kind: text('kind').$type<'holiday' | 'workday'>().notNull(),
  name: text('name'),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Years for which an admin has entered the whole official schedule, so deadlines there are final. */
export const calendarCompleteYears = pgTable('calendar_complete_years', {
  year: integer('year').primaryKey(),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
