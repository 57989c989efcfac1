/**
 * Enforcement cases (行政处罚), issue 3: the power list, case settings, cases, parties, evidence, gapless
 * numbers, numbered documents and publicity. See docs/CASES.md.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import type { IdentityDocumentType } from '../../domain/validators/identity-documents.ts';
import { organizations } from './core.ts';

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
    /**
     * The days of the case's first and latest legal review (法制审核), ISO text, kept by PostgreSQL from `record`
     * (reviews are appended in date order: a step's date is never before the previous step's). Only the indicator
     * 法制审核件数 reads them, to skip cases without a review in a year without reading their record.
     */
    firstReviewOn: text('first_review_on').generatedAlwaysAs(sql`record -> 'legalReviews' -> 0 ->> 'on'`),
    lastReviewOn: text('last_review_on').generatedAlwaysAs(sql`record -> 'legalReviews' -> -1 ->> 'on'`),
    /**
     * The kinds of the penalty the case's decision imposes while it stands (a JSON array of penalty kind keys; null
     * without a penalty decision or once it is revoked), kept by PostgreSQL from `record`. The case list's
     * `penaltyKind` filter reads it (issue 16 item 7, round 5): reading the kinds out of each record took 0.4–0.8 s at a
     * million cases, and the planner, without statistics on an expression of the record, misjudged how many match.
     */
    penaltyKinds: jsonb('penalty_kinds').generatedAlwaysAs(
      sql`case when decision_kind = 'penalty' and decision_status <> 'revoked' then record -> 'decision' -> 'penalty' -> 'kinds' end`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_act_code_idx').on(t.actCode),
    index('cases_org_state_idx').on(t.organizationId, t.state),
    index('cases_power_item_idx').on(t.powerItemId),
    // The case list's filters at a million cases (issue 16 item 7; bench/lists.bench.ts, src/db/list-indexes.test.ts):
    // the newest page of one state or of a registration period, and the cases of one officer (`officer_ids @> {id}`).
    index('cases_state_id_idx').on(t.state, t.id),
    index('cases_registered_on_id_idx').on(t.registeredOn, t.id),
    index('cases_officer_ids_idx').using('gin', t.officerIds),
    // The indicators of a unit and a year (issue 19 item 7, bench/province.ts): decisions of the year, and the cases
    // acted upon in it (legal reviews, "has cases") — by unit, since a subtree is a list of units.
    index('cases_org_decided_idx').on(t.organizationId, t.decidedOn),
    index('cases_org_last_acted_idx').on(t.organizationId, t.lastActedOn),
    index('cases_org_last_review_idx').on(t.organizationId, t.lastReviewOn).where(sql`${t.lastReviewOn} is not null`),
    // Text search `q` (ILIKE '%…%') through trigrams (pg_trgm, loaded into PGlite too: src/db/connect.ts): issue 16
    // item 7, round 4.
    index('cases_act_code_trgm_idx').using('gin', sql`${t.actCode} gin_trgm_ops`),
    index('cases_decision_number_trgm_idx').using('gin', sql`${t.decisionNumber} gin_trgm_ops`),
    index('cases_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    // The case list's penalty kind filter (round 5): a kind few cases have is found through this index; for a kind a
    // third of the cases have, the planner (with statistics on the column) walks the primary key instead.
    // Counting the matches of a filter (up to TOTAL_CAP) reads only the index, never the wide case rows: the unit
    // (subtree), the registration day and the state of each case, by id (round 5; the visibility map lets an index-only
    // scan skip the table for all but recently changed cases).
    index('cases_id_cover_idx').on(t.id, t.organizationId, t.registeredOn, t.state),
    index('cases_penalty_kinds_idx').using('gin', sql`${t.penaltyKinds} jsonb_path_ops`).where(sql`${t.penaltyKinds} is not null`),
  ],
);

/**
 * The dashboard's case figures kept as counters (issue 16 item 7): cases counted per handling unit, registration day,
 * state, power-list item, decided or not, penalty in force and its kinds, with the fines of the penalties in force.
 * Kept by the database triggers `case_tallies_*` on `cases` (migration 0023) in the same transaction as every case
 * write, so no write path can forget them; `slot` (case id % 8) spreads the registrations of one unit and day over
 * eight rows, so concurrent registrations do not queue behind one counter row. Rebuilt from the cases by
 * `fazhi stats rebuild` (src/services/cases/case-tallies.ts). Rows that fall to zero stay (read with `having`).
 */
export const caseTallies = pgTable(
  'case_tallies',
  {
    organizationId: integer('organization_id').notNull(),
    registeredOn: date('registered_on').notNull(),
    state: text('state').notNull(),
    powerItemId: integer('power_item_id'),
    decided: boolean('decided').notNull(),
    /** A penalty decision that still stands (`decision_kind = 'penalty' and decision_status <> 'revoked'`). */
    penalty: boolean('penalty').notNull(),
    /** Its kinds as the record lists them (`record.decision.penalty.kinds`); empty when no penalty is in force. */
    penaltyKinds: text('penalty_kinds').array().notNull(),
    slot: smallint('slot').notNull(),
    cases: integer('cases').notNull(),
    /** Fines of the penalties in force, in 分. */
    fineFen: bigint('fine_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    unique('case_tallies_key')
      .on(t.organizationId, t.registeredOn, t.state, t.powerItemId, t.decided, t.penalty, t.penaltyKinds, t.slot)
      .nullsNotDistinct(),
  ],
);

/**
 * Each case's next due date: the earliest of its open deadlines (`deadlines` of subject 'case' with `met_on` null),
 * one row per case that has one, with the case's unit and registration day (issue 16 item 7). "Overdue" depends on
 * today, not on a write, so it cannot be a kept count; a case is overdue exactly when its next due date is before
 * today, so the dashboard counts overdue cases from `case_due_tallies` (no registration range) or from this table's
 * index by registration day (with a range) instead of reading every overdue deadline. Kept by the deferred triggers
 * `case_next_deadlines_*` on `deadlines` and `cases` (migration 0027), which count the case's row again from its
 * deadlines at COMMIT; rebuilt with `case_tallies` by `fazhi db rebuild-stats` (src/services/cases/case-tallies.ts).
 */
export const caseNextDeadlines = pgTable(
  'case_next_deadlines',
  {
    caseId: integer('case_id').primaryKey(),
    organizationId: integer('organization_id').notNull(),
    registeredOn: date('registered_on').notNull(),
    dueOn: date('due_on').notNull(),
  },
  (t) => [
    // A registration range's overdue / due-soon cases per unit, read from the index alone.
    index('case_next_deadlines_registered_idx').on(t.registeredOn, t.dueOn, t.organizationId),
  ],
);

/**
 * Cases counted per unit and next due date (`case_next_deadlines.due_on`), so the overdue cases of every unit are a
 * sum over the dates before today — as many rows as there are distinct (date, unit, slot), not one per overdue
 * deadline. `slot` (case id % 8) spreads one unit's cases of one date over eight rows, as in `case_tallies`. A row
 * that falls to zero is deleted (dates only move forward: kept zeros would pile up before today). Kept with
 * `case_next_deadlines` by the same triggers.
 */
export const caseDueTallies = pgTable(
  'case_due_tallies',
  {
    dueOn: date('due_on').notNull(),
    organizationId: integer('organization_id').notNull(),
    slot: smallint('slot').notNull(),
    cases: integer('cases').notNull(),
  },
  (t) => [unique('case_due_tallies_key').on(t.dueOn, t.organizationId, t.slot)],
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
    /** The identity document `id_number` is of (issue 15); null: the 居民身份证. */
    idType: text('id_type').$type<IdentityDocumentType>(),
    nationality: text('nationality'),
    creditCode: text('credit_code'),
    legalRepresentative: text('legal_representative'),
    phone: text('phone'),
    address: text('address'),
    birthDate: date('birth_date'),
    /** 'id:…', '<document type>:…', 'uscc:…' — the same party across cases (一事不再罚); 'unknown:<case id>' until identified. */
    identityKey: text('identity_key').notNull(),
  },
  (t) => [
    index('case_parties_case_idx').on(t.caseId),
    index('case_parties_identity_idx').on(t.identityKey),
    // The case list's text search `q` on party names (pg_trgm).
    index('case_parties_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
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
  (t) => [
    uniqueIndex('case_documents_org_number_idx').on(t.organizationId, t.number),
    index('case_documents_case_idx').on(t.caseId),
    // The case list's text search `q` on document numbers (pg_trgm).
    index('case_documents_number_trgm_idx').using('gin', sql`${t.number} gin_trgm_ops`),
  ],
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
  (t) => [
    uniqueIndex('case_publicity_case_idx').on(t.caseId),
    index('case_publicity_status_idx').on(t.status, t.publishedAt),
    // 行政处罚决定公开 of a unit and a year (the indicator penalties_published).
    index('case_publicity_org_published_idx').on(t.organizationId, t.publishedAt),
  ],
);
