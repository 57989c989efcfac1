/**
 * Work orders (issue 17): 12345 hotline orders, complaints and reports, petitions, transfers — one table. Columns hold
 * what is listed, searched, joined or guarded; the loop's record (answers, returns, urges, visits …) is the JSON
 * `record`, whose every change is also in the order's audit chain. Deadlines are rows of `deadlines` with
 * subject_type 'workOrder'. See docs/WORK-ORDERS.md.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
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
    registeredBy: integer('registered_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('work_orders_number_idx').on(t.number),
    uniqueIndex('work_orders_external_idx').on(t.externalSource, t.externalNumber),
    index('work_orders_unit_state_due_idx').on(t.unitId, t.state, t.dueOn),
    index('work_orders_org_received_idx').on(t.organizationId, t.receivedOn),
    // A unit's due-soon list (待签收, 办理中 by due date) at a million orders: only those rows, in the list's order.
    index('work_orders_unit_open_due_idx').on(t.unitId, t.dueOn, t.id).where(sql`${t.state} in ('dispatched', 'handling')`),
  ],
);
