import { asc, desc, gt, sql } from 'drizzle-orm';
import { type ChainHead, checkpointDigest } from '../domain/audit/chain.ts';
import { GENESIS_DIGEST } from '../domain/audit/digest.ts';
import { auditChainHeads, auditCheckpoints } from '../db/schema.ts';
import type { ServiceContext } from './context.ts';
import type { Transaction } from '../db/connect.ts';

// Any constant; it only has to be the same for every checkpoint writer.
export const CHECKPOINT_LOCK = 0x66617a68;

/**
 * Records the heads that moved since the previous checkpoint, chained to it. Returns null when nothing
 * moved. Writers of checkpoints are serialized by an advisory lock; writers of records are not touched.
 */
export async function checkpointAudit(ctx: ServiceContext): Promise<{ id: number; heads: number } | null> {
  return ctx.db.transaction(async (tx: Transaction) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHECKPOINT_LOCK})`);
    return writeCheckpoint(ctx, tx);
  });
}

/**
 * The server's periodic checkpoint job (`fazhi serve`'s timer, every 10 minutes). With several app servers on one
 * PostgreSQL database (docs/ARCHITECTURE.md "A province deployment") each runs the timer; the job takes the same
 * advisory lock without waiting (`pg_try_advisory_xact_lock`): while another server is writing a checkpoint this one
 * skips its turn ('busy') instead of queueing behind it — the heads it would have covered are in that checkpoint or
 * the next. On embedded PGlite (one process, one connection) the lock is always free.
 */
export async function checkpointAuditJob(ctx: ServiceContext): Promise<{ id: number; heads: number } | null | 'busy'> {
  return ctx.db.transaction(async (tx: Transaction) => {
    const { rows } = (await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${CHECKPOINT_LOCK}) AS locked`)) as unknown as { rows: { locked: boolean }[] };
    if (!rows[0]?.locked) return 'busy' as const;
    return writeCheckpoint(ctx, tx);
  });
}

async function writeCheckpoint(ctx: ServiceContext, tx: Transaction): Promise<{ id: number; heads: number } | null> {
  const [previous] = await tx.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  const moved: ChainHead[] = (
    await tx
      .select()
      .from(auditChainHeads)
      .where(gt(auditChainHeads.seq, auditChainHeads.checkpointedSeq))
      .orderBy(asc(auditChainHeads.chain))
  ).map((h) => [h.chain, h.seq, h.digest]);
  if (moved.length === 0) return null;
  // Only the heads as read are vouched for; a writer that moved a head meanwhile goes into the next checkpoint.
  const recorded = JSON.stringify(moved.map(([chain, seq]) => ({ chain, seq })));
  await tx.execute(sql`
    UPDATE audit_chain_heads AS h SET checkpointed_seq = v.seq
    FROM jsonb_to_recordset(${recorded}::jsonb) AS v(chain text, seq int)
    WHERE h.chain = v.chain`);
  const at = ctx.clock().toISOString();
  const prevDigest = previous?.digest ?? GENESIS_DIGEST;
  const [row] = await tx
    .insert(auditCheckpoints)
    .values({ at, heads: moved, prevDigest, digest: checkpointDigest(prevDigest, at, moved) })
    .returning({ id: auditCheckpoints.id });
  return { id: row!.id, heads: moved.length };
}
