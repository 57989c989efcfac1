import { sql } from 'drizzle-orm';
import type { OrganizationKind } from '../domain/access.ts';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Organization tree: 市局 → 区县局 → 执法大队/中队, 乡镇街道综合执法队. `path` is the materialized path of ids
 * ('/1/4/9/'), so "this organization's subtree" is one indexed prefix query.
 */
export const organizations = pgTable(
  'organizations',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => organizations.id),
    path: text('path').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<OrganizationKind>().notNull(),
    creditCode: text('credit_code'),
    divisionCode: text('division_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organizations_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('organizations_parent_idx').on(t.parentId),
    uniqueIndex('organizations_credit_code_idx').on(t.creditCode),
  ],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    certificateNo: text('certificate_no'),
    certificateValidUntil: date('certificate_valid_until'),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_idx').on(t.username), index('users_org_idx').on(t.organizationId)],
);

/** Server-side sessions; the cookie carries a random token, the table only its digest. */
export const sessions = pgTable(
  'sessions',
  {
    tokenDigest: text('token_digest').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Tamper-evident audit trail: one hash chain per subject (e.g. 'case:42'), so unrelated writes never wait
 * for one global head. `digest` = SM3 over the canonical record including `prev_digest`; see
 * docs/ARCHITECTURE.md.
 */
export const auditRecords = pgTable(
  'audit_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chain: text('chain').notNull(),
    seq: integer('seq').notNull(),
    actorId: integer('actor_id'),
    organizationId: integer('organization_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    change: jsonb('change').notNull(),
    changeDigest: text('change_digest').notNull(),
    prevDigest: text('prev_digest').notNull(),
    digest: text('digest').notNull(),
  },
  (t) => [
    uniqueIndex('audit_records_chain_seq_idx').on(t.chain, t.seq),
    index('audit_records_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_records_org_at_idx').on(t.organizationId, t.at),
  ],
);

/** The current head of each chain; its row lock is what serializes writers of one subject (and only them). */
export const auditChainHeads = pgTable(
  'audit_chain_heads',
  {
    chain: text('chain').primaryKey(),
    seq: integer('seq').notNull(),
    digest: text('digest').notNull(),
    /** The seq the latest checkpoint recorded; heads ahead of it go into the next checkpoint. */
    checkpointedSeq: integer('checkpointed_seq').notNull().default(0),
  },
  (t) => [index('audit_chain_heads_pending_idx').on(t.chain).where(sql`${t.seq} > ${t.checkpointedSeq}`)],
);

/**
 * Periodic checkpoints over all chain heads, themselves chained. They make deleting a chain's latest
 * records, or a whole chain, detectable.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: serial('id').primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  heads: jsonb('heads').notNull(),
  prevDigest: text('prev_digest').notNull(),
  digest: text('digest').notNull(),
});

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

// ——— Enforcement cases (行政处罚), issue 3; see docs/CASES.md ———

/**
 * 权责清单: the violations an organization may handle, its own or delegated (赋权) to a town or street team.
 * A case may only be filed for an item on the filing organization's list (or an ancestor's, for brigades
 * acting in the bureau's name).
 */
export const powerItems = pgTable(
  'power_items',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 违则: the provision violated. */
    violatedProvision: text('violated_provision').notNull(),
    /** 罚则: the provision that sets the penalty. */
    penaltyProvision: text('penalty_provision').notNull(),
    /** 法定处罚幅度 as written in the provision. */
    statutoryRange: text('statutory_range').notNull(),
    /** Matter category (e.g. 违法建设, 占道经营) for statistics and search. */
    category: text('category').notNull(),
    /** Delegated from this organization (赋权), null for an own power. */
    delegatedFromId: integer('delegated_from_id').references(() => organizations.id),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('power_items_org_code_idx').on(t.organizationId, t.code)],
);

/** Local case parameters per organization (only the fields it changes; inherited down the tree). */
export const caseSettings = pgTable('case_settings', {
  organizationId: integer('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  settings: jsonb('settings').notNull(),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One enforcement case. Columns hold what is listed, searched or joined; the procedural record (notice,
 * statement, hearing, reviews, decision, payments…) is the JSON `record`, whose every change is also in
 * the case's audit chain. `version` gives optimistic concurrency: an update names the version it read.
 */
export const cases = pgTable(
  'cases',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    procedure: text('procedure').notNull(),
    state: text('state').notNull(),
    stateBeforeSuspension: text('state_before_suspension'),
    version: integer('version').notNull().default(1),
    actCode: text('act_code').notNull(),
    clueSource: text('clue_source').notNull(),
    /** 案由, e.g. 涉嫌擅自占用城市道路摆摊设点案. */
    title: text('title').notNull(),
    facts: text('facts').notNull(),
    place: text('place').notNull(),
    actStartedOn: date('act_started_on').notNull(),
    actEndedOn: date('act_ended_on'),
    harmsSafety: boolean('harms_safety').notNull().default(false),
    discoveredOn: date('discovered_on').notNull(),
    registeredOn: date('registered_on').notNull(),
    lastActedOn: date('last_acted_on').notNull(),
    powerItemId: integer('power_item_id').references(() => powerItems.id),
    officerIds: integer('officer_ids').array().notNull(),
    registeredBy: integer('registered_by'),
    filedOn: date('filed_on'),
    decisionKind: text('decision_kind'),
    decisionNumber: text('decision_number'),
    decidedOn: date('decided_on'),
    decisionStatus: text('decision_status'),
    fineFen: bigint('fine_fen', { mode: 'number' }),
    paymentDueOn: date('payment_due_on'),
    closedOn: date('closed_on'),
    record: jsonb('record').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_act_code_idx').on(t.actCode),
    index('cases_org_state_idx').on(t.organizationId, t.state),
    index('cases_power_item_idx').on(t.powerItemId),
  ],
);

/** 当事人. Contact data stays here (staff view only); public output masks it. */
export const caseParties = pgTable(
  'case_parties',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    creditCode: text('credit_code'),
    legalRepresentative: text('legal_representative'),
    phone: text('phone'),
    address: text('address'),
    birthDate: date('birth_date'),
    /** 'id:…' or 'uscc:…' — the same party across cases (一事不再罚). */
    identityKey: text('identity_key').notNull(),
  },
  (t) => [index('case_parties_case_idx').on(t.caseId), index('case_parties_identity_idx').on(t.identityKey)],
);

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

/**
 * Evidence (《行政处罚法》第四十六条、第四十七条). The file is stored once, content-addressed by its SM3 digest;
 * `digest` here is what verification recomputes.
 */
export const caseEvidence = pgTable(
  'case_evidence',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    act: text('act').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    digest: text('digest').notNull(),
    recordedBy: integer('recorded_by').notNull(),
    collectorIds: integer('collector_ids').array().notNull(),
    recordedOn: date('recorded_on').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
    place: text('place').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('case_evidence_case_seq_idx').on(t.caseId, t.seq)],
);

/** Gapless counters: act codes and document numbers per organization, year and kind. */
export const numberCounters = pgTable(
  'number_counters',
  {
    organizationId: integer('organization_id').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.year, t.kind] })],
);

/** Every numbered document issued for a case (文号 unique per organization). */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    organizationId: integer('organization_id').notNull(),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    issuedOn: date('issued_on').notNull(),
  },
  (t) => [uniqueIndex('case_documents_org_number_idx').on(t.organizationId, t.number), index('case_documents_case_idx').on(t.caseId)],
);

/**
 * Publicity of decisions (《行政处罚法》第四十八条, 国办发〔2018〕118号). `content` is already masked; the
 * public endpoints read only this table.
 */
export const casePublicity = pgTable(
  'case_publicity',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    organizationId: integer('organization_id').notNull(),
    status: text('status').notNull(),
    dueOn: date('due_on').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'string' }),
    withdrawReason: text('withdraw_reason'),
    /** The day a record about a natural person comes down (CaseSettings.personPublicityMonths); null: it stays. */
    expiresOn: date('expires_on'),
    content: jsonb('content').notNull(),
    searchText: text('search_text').notNull(),
  },
  (t) => [uniqueIndex('case_publicity_case_idx').on(t.caseId), index('case_publicity_status_idx').on(t.status, t.publishedAt)],
);

// ——— Discretion benchmarks (裁量基准) and exemption lists, issue 4; see docs/DISCRETION.md ———

/**
 * One imported version of a published list: a discretion benchmark (`kind` 'benchmark') or an exemption list
 * (`kind` 'exemption', 首违不罚/轻微免罚清单). Every import is a new version; a case uses the version in force on
 * its decision date (effective, not yet ended, and published — 《行政处罚法》第三十四条).
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
    /** The day it was published on the portal: the import date. */
    publishedOn: date('published_on').notNull(),
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

/**
 * Enforcement documents generated for a case (执法文书), each file stored once in the file store under its SM3
 * digest. A regenerated document is a new row: what was printed and served stays on record.
 */
export const generatedDocuments = pgTable(
  'generated_documents',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    organizationId: integer('organization_id').notNull(),
    /** The document's Chinese name, e.g. 行政处罚决定书, or 案卷 for the bound case file. */
    title: text('title').notNull(),
    /** The document number printed on it, when it has one. */
    number: text('number'),
    format: text('format').$type<'docx' | 'pdf'>().notNull(),
    fileName: text('file_name').notNull(),
    digest: text('digest').notNull(),
    size: integer('size').notNull(),
    pages: integer('pages'),
    generatedBy: integer('generated_by').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('generated_documents_case_idx').on(t.caseId)],
);
