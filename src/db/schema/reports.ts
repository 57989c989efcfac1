/**
 * The annual report (法治政府建设年度报告, issue #19; docs/REPORTS.md). So far: hand-entered figures (手工填报) — per
 * unit, year and catalog key one row, replaced when corrected (every version is in the entry's audit chain,
 * `indicator.manual`), with the source note and an optional supporting file stored under its SM3 digest; and the
 * report itself (`report_drafts`): one per unit and year, its draft, workflow state and — once published — its frozen
 * files and signed appendix (附件：审计校验).
 */
import { bigint, boolean, date, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
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

/**
 * A unit's annual report for a year: the draft (`ReportDraft` of domain/reports/model.ts, its paragraphs with live
 * figure fields), the figures it was last refreshed with, the workflow state (domain/reports/workflow.ts) and version.
 * Every change is on the report's audit chain (`report:<id>`): `report.create`, `report.edit` (the changed paragraphs),
 * `report.refresh`, `report.transition`. At 公开 the draft is frozen: its .docx and PDF are stored under their SM3
 * digests and the signed appendix (`seal`, with the SM2 `signature`) is kept with them.
 */
export const reportDrafts = pgTable(
  'report_drafts',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    state: text('state').notNull().default('drafting'),
    version: integer('version').notNull().default(1),
    draft: jsonb('draft').notNull(),
    /** The `DraftFigures` the draft's figure fields were last set from. */
    figures: jsonb('figures').notNull(),
    figuresRefreshedAt: timestamp('figures_refreshed_at', { withTimezone: true }).notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    /** Who submitted it for review (the author of record; the legal section's reviewer must be someone else). */
    authorId: integer('author_id').references(() => users.id),
    returnReason: text('return_reason'),
    lastActedOn: date('last_acted_on').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    late: boolean('late').notNull().default(false),
    docxDigest: text('docx_digest'),
    docxSize: bigint('docx_size', { mode: 'number' }),
    pdfDigest: text('pdf_digest'),
    pdfSize: bigint('pdf_size', { mode: 'number' }),
    contentDigest: text('content_digest'),
    /** The signed appendix: `SignedReportSeal` of domain/reports/views.ts. */
    seal: jsonb('seal'),
  },
  (t) => [uniqueIndex('report_drafts_org_year_idx').on(t.organizationId, t.year), index('report_drafts_year_idx').on(t.year, t.state)],
);

/**
 * The bureau's SM2 key pairs for signing published reports: the public key (served at `GET /api/public/report-key`
 * and printed in every appendix) and when it was made. The private key is not here: it is kept beside the data in a
 * file only the server's user may read (services/reports/signing-key.ts), like the session secret.
 */
export const reportSigningKeys = pgTable('report_signing_keys', {
  id: serial('id').primaryKey(),
  publicKey: text('public_key').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
