/**
 * Discretion benchmarks (裁量基准) and exemption lists, issue 4, and each case's discretion assessment; see
 * docs/DISCRETION.md.
 */
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations } from './core.ts';
import { cases } from './cases.ts';

/**
 * One imported version of a published list: a discretion benchmark (`kind` 'benchmark') or an exemption list
 * (`kind` 'exemption', 首违不罚/轻微免罚清单). Every import is a new version; a case uses the version in force on
 * its decision date (effective, not yet ended, and published — 《行政处罚法》第三十四条).
 * An import is a draft (`status` 'draft', not published, never applied) until a head confirms it with its
 * effective date ('confirmed'; published on that date) or it is discarded ('discarded'). A confirmed version can
 * be withdrawn ('withdrawn'): `effectiveTo` is then the withdrawal day (or its own effective date when it never
 * took effect), so the version before it applies again from that day.
 * `organizationId` null = global (applies everywhere); otherwise it applies to that organization's subtree, and
 * the nearest organization's version that lists the violation wins over an ancestor's or a global one.
 */
export const benchmarkVersions = pgTable(
  'benchmark_versions',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    organizationId: integer('organization_id').references(() => organizations.id),
    name: text('name').notNull(),
    issuer: text('issuer'),
    documentNumber: text('document_number'),
    effectiveFrom: date('effective_from').notNull(),
    /** First day it no longer applies (null: until a later version takes effect). */
    effectiveTo: date('effective_to'),
    /** 'draft' | 'confirmed' | 'discarded' | 'withdrawn' (services/discretion/version-status.ts). */
    status: text('status').notNull().default('confirmed'),
    /** The day it is published on the portal: its effective date, set on confirmation (null while a draft). */
    publishedOn: date('published_on'),
    confirmedBy: integer('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    withdrawnBy: integer('withdrawn_by'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawalReason: text('withdrawal_reason'),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    /** The file's `#` comment lines (sources), kept for export. */
    commentLines: jsonb('comment_lines').notNull(),
    /** The header row as imported. */
    header: jsonb('header').notNull(),
    rowCount: integer('row_count').notNull(),
    /** Benchmarks: accepted rows (one rule = one violation × one tier); exemption lists: items. */
    ruleCount: integer('rule_count').notNull(),
    itemCount: integer('item_count').notNull(),
    rejectedCount: integer('rejected_count').notNull(),
    importedBy: integer('imported_by'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('benchmark_versions_org_kind_idx').on(t.organizationId, t.kind)],
);

/**
 * One violation of a benchmark version with its tiers. The tiers live in `item` (jsonb, the domain's
 * BenchmarkItem) because the engine always reads an item whole and tiers are never queried alone; the columns
 * are what lists, search and matching use. `matchKey` is the normalized violation name a power-list item is
 * matched by.
 */
export const benchmarkItems = pgTable(
  'benchmark_items',
  {
    id: serial('id').primaryKey(),
    versionId: integer('version_id')
      .notNull()
      .references(() => benchmarkVersions.id),
    itemKey: text('item_key').notNull(),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    matchKey: text('match_key').notNull(),
    category: text('category').notNull(),
    penaltyProvision: text('penalty_provision').notNull(),
    statutoryRange: text('statutory_range').notNull(),
    partyKind: text('party_kind').notNull(),
    tierCount: integer('tier_count').notNull(),
    item: jsonb('item').notNull(),
  },
  (t) => [uniqueIndex('benchmark_items_version_key_idx').on(t.versionId, t.itemKey), index('benchmark_items_match_idx').on(t.versionId, t.matchKey)],
);

/** One item of an exemption list version (the domain's ExemptionItem in `item`). */
export const exemptionItems = pgTable(
  'exemption_items',
  {
    id: serial('id').primaryKey(),
    versionId: integer('version_id')
      .notNull()
      .references(() => benchmarkVersions.id),
    itemKey: text('item_key').notNull(),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    matter: text('matter').notNull(),
    type: text('type').notNull(),
    item: jsonb('item').notNull(),
  },
  (t) => [uniqueIndex('exemption_items_version_key_idx').on(t.versionId, t.itemKey)],
);

/**
 * Every data row of an imported file as it was (cells verbatim), with the reason when it was rejected — so an
 * export gives the legal section back exactly what they imported, rejected rows included, to fix and re-import.
 */
export const benchmarkSourceRows = pgTable(
  'benchmark_source_rows',
  {
    versionId: integer('version_id')
      .notNull()
      .references(() => benchmarkVersions.id),
    /** 1-based line (CSV) or worksheet row (XLSX) in the imported file. */
    row: integer('row').notNull(),
    cells: jsonb('cells').notNull(),
    rejection: text('rejection'),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.row] })],
);

/**
 * The discretion assessment of a case whose violation has a benchmark: the facts the officer entered, the
 * benchmark item and tier, the range and the check of the proposed fine. Written with the proposal and again at
 * the decision (with the version in force on the decision date); the same-case-same-penalty report reads it.
 */
export const caseDiscretion = pgTable(
  'case_discretion',
  {
    caseId: integer('case_id')
      .primaryKey()
      .references(() => cases.id),
    organizationId: integer('organization_id').notNull(),
    versionId: integer('version_id')
      .notNull()
      .references(() => benchmarkVersions.id),
    benchmarkItemId: integer('benchmark_item_id')
      .notNull()
      .references(() => benchmarkItems.id),
    itemKey: text('item_key').notNull(),
    facts: jsonb('facts').notNull(),
    outcome: text('outcome').notNull(),
    tierCode: text('tier_code'),
    tierName: text('tier_name'),
    rangeMinFen: bigint('range_min_fen', { mode: 'number' }),
    rangeMaxFen: bigint('range_max_fen', { mode: 'number' }),
    proposedFineFen: bigint('proposed_fine_fen', { mode: 'number' }),
    withinRange: boolean('within_range'),
    outsideRangeReason: text('outside_range_reason'),
    explanation: text('explanation').notNull(),
    /** 'proposal' until the decision, then 'decision'. */
    stage: text('stage').notNull(),
    assessedOn: date('assessed_on').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_discretion_item_tier_idx').on(t.itemKey, t.tierCode), index('case_discretion_org_idx').on(t.organizationId)],
);
