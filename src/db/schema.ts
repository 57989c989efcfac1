import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
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
    kind: text('kind').notNull(),
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
  kind: text('kind').notNull(),
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
