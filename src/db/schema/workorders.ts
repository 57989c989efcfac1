/**
 * Work orders (issue 17): 12345 hotline orders, complaints and reports, petitions, transfers — one table. Columns hold
 * what is listed, searched, joined or guarded; the loop's record (answers, returns, urges, visits …) is the JSON
 * `record`, whose every change is also in the order's audit chain. Deadlines are rows of `deadlines` with
 * subject_type 'workOrder'. See docs/WORK-ORDERS.md.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { organizations } from './core.ts';

export const workOrders = pgTable(
  'work_orders',
  {
    id: serial('id').primaryKey(),
    /** The organization that received the order; it dispatches within its own subtree. */
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The unit the order is with now (null before dispatch). */
    unitId: integer('unit_id').references(() => organizations.id),
    number: text('number').notNull(),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    categoryKind: text('category_kind').notNull(),
    categoryCode: text('category_code').notNull(),
    content: text('content').notNull(),
    address: text('address').notNull(),
    longitude: doublePrecision('longitude'),
    latitude: doublePrecision('latitude'),
    /** Private: shown only to the handlers; masked everywhere else. Null for an anonymous order. */
    requesterName: text('requester_name'),
    requesterPhone: text('requester_phone'),
    receivedOn: date('received_on').notNull(),
    lastActedOn: date('last_acted_on').notNull(),
    /** The handling deadline (办结期限), copied from its deadline row for the inbox's order and filters. */
    dueOn: date('due_on'),
    designated: boolean('designated').notNull().default(false),
    extensionDays: integer('extension_days').notNull().default(0),
    reopenCount: integer('reopen_count').notNull().default(0),
    lastSatisfaction: text('last_satisfaction'),
    /** 办结 date (cleared when the order is reopened) and the latest 回访 date: what the indicators count by. */
    completedOn: date('completed_on'),
    visitedOn: date('visited_on'),
    mergedIntoId: integer('merged_into_id'),
    /** The sending system and its own order number (Open311 intake): a resend does not duplicate. */
    externalSource: text('external_source'),
    externalNumber: text('external_number'),
    record: jsonb('record').notNull(),
    /** The enforcement case (clue) registered from this order: at most one (POST /api/work-orders/:id/case). */
    caseId: integer('case_id').references(() => cases.id),
    registeredBy: integer('registered_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('work_orders_number_idx').on(t.number),
    uniqueIndex('work_orders_external_idx').on(t.externalSource, t.externalNumber),
    index('work_orders_unit_state_due_idx').on(t.unitId, t.state, t.dueOn),
    index('work_orders_org_received_idx').on(t.organizationId, t.receivedOn),
    // The indicators of a unit and a year (petitions_handled, petition_satisfaction): by the receiving organization or
    // by the handling unit, one index each, so an OR of the two is a BitmapOr.
    index('work_orders_org_completed_idx').on(t.organizationId, t.completedOn),
    index('work_orders_unit_completed_idx').on(t.unitId, t.completedOn),
    index('work_orders_org_visited_idx').on(t.organizationId, t.visitedOn),
    index('work_orders_unit_visited_idx').on(t.unitId, t.visitedOn),
    // A unit's due-soon list (待签收, 办理中 by due date) at a million orders: only those rows, in the list's order.
    index('work_orders_unit_open_due_idx').on(t.unitId, t.dueOn, t.id).where(sql`${t.state} in ('dispatched', 'handling')`),
  ],
);

/**
 * The dispatch catalog (派单目录) of an organization: a category of the city-management catalog → the unit it is
 * dispatched to by default, and whether it is an item of the bureau's own duties, which may not be pushed down to a
 * town or street (国办函〔2025〕66号). An order uses the rule of its receiving organization or, failing that, of the
 * nearest organization above it that has one.
 */
export const workOrderDispatchRules = pgTable(
  'work_order_dispatch_rules',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    categoryKind: text('category_kind').notNull(),
    categoryCode: text('category_code').notNull(),
    /** The default unit (null: no default, the dispatcher chooses). */
    unitId: integer('unit_id').references(() => organizations.id),
    reservedToBureau: boolean('reserved_to_bureau').notNull().default(false),
    note: text('note'),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('work_order_dispatch_rules_org_category_idx').on(t.organizationId, t.categoryKind, t.categoryCode)],
);

/** Local work-order parameters per organization (only the fields it changes; inherited down the tree). */
export const workOrderSettings = pgTable('work_order_settings', {
  organizationId: integer('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  settings: jsonb('settings').notNull(),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Files of an order (a photo taken at registration, the handler's photo of the result), stored under their SM3 digest. */
export const workOrderAttachments = pgTable(
  'work_order_attachments',
  {
    id: serial('id').primaryKey(),
    workOrderId: integer('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    seq: integer('seq').notNull(),
    purpose: text('purpose').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    digest: text('digest').notNull(),
    recordedBy: integer('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('work_order_attachments_order_seq_idx').on(t.workOrderId, t.seq)],
);
