/**
 * The annual report (法治政府建设年度报告, issue #19; docs/REPORTS.md). So far: hand-entered figures (手工填报) — per
 * unit, year and catalog key one row, replaced when corrected (every version is in the entry's audit chain,
 * `indicator.manual`), with the source note and an optional supporting file stored under its SM3 digest.
 */
import { bigint, doublePrecision, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations, users } from './core.ts';

export const indicatorEntries = pgTable(
  'indicator_entries',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    /** A key of src/domain/indicators/catalog.ts. */
    key: text('key').notNull(),
    /** In the catalog's unit: a count, 元 (to the 分), or a percentage. */
    value: doublePrecision('value').notNull(),
    /** A rate's counts, when the unit knows them (so rates of several units combine). */
    numerator: integer('numerator'),
    denominator: integer('denominator'),
    sourceNote: text('source_note').notNull(),
    attachmentName: text('attachment_name'),
    attachmentMediaType: text('attachment_media_type'),
    attachmentSize: bigint('attachment_size', { mode: 'number' }),
    attachmentDigest: text('attachment_digest'),
    enteredBy: integer('entered_by')
      .notNull()
      .references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    /** 1 when entered, +1 at each correction or attachment. */
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('indicator_entries_org_year_key_idx').on(t.organizationId, t.year, t.key), index('indicator_entries_year_idx').on(t.year, t.key)],
);
