/**
 * Inspections of enterprises and patrols (issue 18): the published inspection items (检查事项清单), the regulated
 * subjects (检查对象库) and the inspections themselves. Columns hold what is listed, searched, joined or guarded; the
 * inspection's record (findings, rectification, re-inspections) is the JSON `record`, whose every change is also in
 * the inspection's audit chain. See docs/INSPECTIONS.md.
 */
import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations } from './core.ts';

export const inspectionItems = pgTable(
  'inspection_items',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    basis: text('basis').notNull(),
    subjectKinds: text('subject_kinds').array().notNull(),
    method: text('method').notNull(),
    /** Inspections of one subject on this item per calendar year; null: no cap. */
    yearlyCap: integer('yearly_cap'),
    random: boolean('random').notNull(),
    /** On the published list from this day (null: a draft, not yet published) until the day it is withdrawn. */
    publishedOn: date('published_on'),
    withdrawnOn: date('withdrawn_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspection_items_org_code_idx').on(t.organizationId, t.code)],
);

export const inspectionSubjects = pgTable(
  'inspection_subjects',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    address: text('address').notNull(),
    category: text('category').notNull(),
    riskClass: text('risk_class').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspection_subjects_org_code_idx').on(t.organizationId, t.creditCode)],
);

export const inspections = pgTable(
  'inspections',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    number: text('number').notNull(),
    /** The 行政检查码 the enterprise scans to verify the inspection (issued at 赋码; null before). */
    code: text('code'),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => inspectionSubjects.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => inspectionItems.id),
    trigger: text('trigger').notNull(),
    /** Cap-exempt (targeted) inspections are counted apart; the flag is what the supervisor's view filters. */
    capExempt: boolean('cap_exempt').notNull(),
    method: text('method').notNull(),
    methodReason: text('method_reason'),
    emergencyOn: date('emergency_on'),
    /** The officers as named on the day: [{ userId, name, certificateNo }]. */
    officers: jsonb('officers').notNull(),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    registeredOn: date('registered_on').notNull(),
    lastActedOn: date('last_acted_on').notNull(),
    /** The day of the inspection (赋码, or the emergency day): what the yearly caps count by. */
    inspectedOn: date('inspected_on'),
    rectifyDueOn: date('rectify_due_on'),
    record: jsonb('record').notNull(),
    registeredBy: integer('registered_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inspections_number_idx').on(t.number),
    uniqueIndex('inspections_code_idx').on(t.code),
    index('inspections_subject_item_idx').on(t.subjectId, t.itemId, t.inspectedOn),
    index('inspections_org_state_idx').on(t.organizationId, t.state),
    // Inspections of a unit and a year (the indicators inspections, inspection_staff_trips).
    index('inspections_org_inspected_idx').on(t.organizationId, t.inspectedOn),
  ],
);

/** Patrol tasks (巡查): area, route, day, officers; started and finished on the phone. */
export const patrols = pgTable(
  'patrols',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    area: text('area').notNull(),
    route: text('route').notNull(),
    plannedOn: date('planned_on').notNull(),
    officerIds: integer('officer_ids').array().notNull(),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    lastActedOn: date('last_acted_on').notNull(),
    record: jsonb('record').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('patrols_org_day_idx').on(t.organizationId, t.plannedOn)],
);

/** A problem found on a patrol: a category of the city-management catalog, a place, photos; rectified or referred. */
export const patrolProblems = pgTable(
  'patrol_problems',
  {
    id: serial('id').primaryKey(),
    patrolId: integer('patrol_id')
      .notNull()
      .references(() => patrols.id),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    categoryKind: text('category_kind').notNull(),
    categoryCode: text('category_code').notNull(),
    place: text('place').notNull(),
    description: text('description').notNull(),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    foundOn: date('found_on').notNull(),
    dueOn: date('due_on'),
    lastActedOn: date('last_acted_on').notNull(),
    /** The case registered from it (a clue of the case engine). */
    caseId: integer('case_id'),
    record: jsonb('record').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('patrol_problems_org_state_idx').on(t.organizationId, t.state), index('patrol_problems_patrol_idx').on(t.patrolId)],
);

/** The year's 双随机 plan, its seed (published before the draw) and, once drawn, the public proof. */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    /** The plan as entered: items with their rules and filters, the officer pool. */
    plan: jsonb('plan').notNull(),
    seed: text('seed'),
    seedPublishedAt: timestamp('seed_published_at', { withTimezone: true }),
    /** The draw's public proof (domain/inspections/plan.ts `DrawProof`), null before the draw. */
    proof: jsonb('proof'),
    drawnAt: timestamp('drawn_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_plans_org_year_idx').on(t.organizationId, t.year)],
);

/**
 * The enterprise's anonymous rating of an inspection (扫码评价): one per inspection (its 行政检查码), no personal data —
 * neither the rater's name, contact nor address is asked or kept.
 */
export const inspectionRatings = pgTable(
  'inspection_ratings',
  {
    id: serial('id').primaryKey(),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** 1 非常不满意 … 5 非常满意. */
    score: integer('score').notNull(),
    concerns: text('concerns').array().notNull(),
    comment: text('comment'),
    ratedOn: date('rated_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspection_ratings_inspection_idx').on(t.inspectionId), index('inspection_ratings_org_idx').on(t.organizationId, t.ratedOn)],
);

/**
 * One drawn subject of a plan's draw (双随机): the item, the subject, the officers drawn for it (after any re-draw for a
 * conflict of interest), the inspection created from it, and the publication of its result (公示, within the local
 * number of working days of the inspection's end: `result_due_on`, with the reason when published later).
 */
export const inspectionDrawSubjects = pgTable(
  'inspection_draw_subjects',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => inspectionPlans.id),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => inspectionItems.id),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => inspectionSubjects.id),
    inspectionId: integer('inspection_id').references(() => inspections.id),
    officerIds: integer('officer_ids').array().notNull(),
    resultPublishedOn: date('result_published_on'),
    resultDueOn: date('result_due_on'),
    resultLateReason: text('result_late_reason'),
    /** The result as published (the inspection's outcome, in Chinese). */
    result: text('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspection_draw_subjects_plan_item_subject_idx').on(t.planId, t.itemId, t.subjectId), index('inspection_draw_subjects_inspection_idx').on(t.inspectionId)],
);
