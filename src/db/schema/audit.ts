/**
 * The tamper-evident audit trail (per-subject SM3 chains and checkpoints); see docs/ARCHITECTURE.md.
 */
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

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
