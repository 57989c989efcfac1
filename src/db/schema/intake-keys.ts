/**
 * The open interface of work orders (issue 17, docs/WORK-ORDERS.md "Open interface"): the API keys of the systems that
 * send orders in (a 12345 platform, a phone app) — only the key's SHA-256 is stored, the key itself is shown once —
 * and the public lookup codes given at intake (hashed as well), by which a requester looks up their own order.
 */
import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations } from './core.ts';
import { workOrders } from './workorders.ts';

export const intakeKeys = pgTable(
  'work_order_intake_keys',
  {
    id: serial('id').primaryKey(),
    /** The sending system (e.g. 云城市12345政务服务便民热线): its orders' `external_source` is `open311:` + this name. */
    system: text('system').notNull(),
    /** The channel its orders come in by (12345 热线, 投诉举报 …). */
    channel: text('channel').notNull(),
    /** The organization that receives its orders. */
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The key's first characters, shown in lists so an admin can tell keys apart. */
    prefix: text('prefix').notNull(),
    /** SHA-256 (hex) of the whole key: the key has 256 random bits, so a plain digest is enough. */
    keyHash: text('key_hash').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: integer('revoked_by'),
  },
  (t) => [uniqueIndex('work_order_intake_keys_hash_idx').on(t.keyHash), index('work_order_intake_keys_org_idx').on(t.organizationId)],
);

/** The lookup code of an order registered through the open interface: SHA-256 of the order number and the code. */
export const workOrderLookupCodes = pgTable('work_order_lookup_codes', {
  workOrderId: integer('work_order_id')
    .primaryKey()
    .references(() => workOrders.id),
  codeHash: text('code_hash').notNull(),
});

