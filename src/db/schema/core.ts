/**
 * Organizations, users and their sessions: who acts, and where in the organization tree.
 */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { OrganizationKind } from '../../domain/access.ts';

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
    /** Consecutive failed logins since the last successful one (src/services/sessions.ts locks at the limit). */
    failedLogins: integer('failed_logins').notNull().default(0),
    /** Set when the account was locked after too many failed logins; an admin's unlock or password reset clears it. */
    lockedAt: timestamp('locked_at', { withTimezone: true }),
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
