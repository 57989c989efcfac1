/**
 * The supervisor's roll-up of the annual reports (issue #19 item 5; docs/REPORTS.md "汇总与晾晒"): reports uploaded
 * for units that do not write theirs in Fazhi — one row per unit and year, replaced by a re-upload (every version is
 * in the upload's audit chain, `reportUpload.upload`) — with the file stored under its SM3 digest and what the
 * analyzer read from it; and the ranking weights a supervising unit sets per year (audited, `rollup.weights`).
 */
import { bigint, date, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations, users } from './core.ts';

export const reportUploads = pgTable(
  'report_uploads',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** SM3 of the file, its name in the file store. */
    digest: text('digest').notNull(),
    /** The analyzer's result (src/domain/rollup/views.ts `storedAnalysis`). */
    analysis: jsonb('analysis').notNull(),
    /** The day the unit published the report, as given at upload, else the day of the first upload. */
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('report_uploads_org_year_idx').on(t.organizationId, t.year)],
);

export const reportRankingWeights = pgTable(
  'report_ranking_weights',
  {
    id: serial('id').primaryKey(),
    /** The supervising unit whose roll-up ranks its units with these weights. */
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    /** `[{ key, weight }]`, keys of the catalog, weights 0–100. */
    weights: jsonb('weights').notNull(),
    setBy: integer('set_by')
      .notNull()
      .references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('report_ranking_weights_org_year_idx').on(t.organizationId, t.year)],
);
