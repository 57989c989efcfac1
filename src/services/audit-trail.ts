import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Actor } from '../domain/access.ts';
import { isSystem } from '../domain/access.ts';
import { type AuditAction, type AuditChange, assertAuditChange } from '../domain/audit/events.ts';
import { type StoredAuditRecord, changeDigest, recordDigest } from '../domain/audit/chain.ts';
import { GENESIS_DIGEST } from '../domain/audit/digest.ts';
import type { Executor, Transaction } from '../db/connect.ts';
import { later } from '../db/later.ts';
import { auditChainHeads, auditRecords } from '../db/schema.ts';

/** One audit record to write; `change` has the shape the catalog (domain/audit/events.ts) gives `action`. */
export interface AuditEntry<A extends AuditAction = AuditAction> {
  action: A;
  subjectType: string;
  subjectId: string | number;
  /** The organization whose data changed (for scoping who may read the trail). */
  organizationId: number | null;
  /** What changed: new values, or { from, to } pairs. Never passwords or tokens. */
  change: NoInfer<AuditChange<A>>;
  /**
   * The subject was created in this transaction, so its chain has no head yet: the record and the new head are written
   * in one statement (a head that exists after all makes the insert fail, and the transaction with it).
   */
  firstOfChain?: boolean;
}

/** An entry of any action, for code that chooses the action at run time (the payload is still checked when written). */
export type AnyAuditEntry = { [A in AuditAction]: AuditEntry<A> }[AuditAction];

export const chainOf = (subjectType: string, subjectId: string | number) => `${subjectType}:${subjectId}`;

/**
 * The record that follows `head` on the entry's chain (its fields and digest), as `appendAudit` writes it. Also used
 * by writers that build whole chains at once (the demo's bulk work orders, src/demo/workorder-rows.ts): one
 * computation, so their records verify like any other.
 */
export function chainedAuditRecord(head: { seq: number; digest: string }, actor: Actor, entry: Omit<AuditEntry, 'change'> & { change: unknown }, at: Date) {
  const fields = {
    chain: chainOf(entry.subjectType, entry.subjectId),
    seq: head.seq + 1,
    prevDigest: head.digest,
    actorId: isSystem(actor) ? null : actor.userId,
    organizationId: entry.organizationId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: String(entry.subjectId),
    at: at.toISOString(),
    changeDigest: changeDigest(entry.change),
  };
  return { ...fields, digest: recordDigest(fields) };
}

/** The record as appended (its row id is the database's, not waited for). */
export type AppendedAuditRecord = Omit<StoredAuditRecord, 'id'>;

/**
 * Appends one record to the subject's chain inside the caller's transaction. Only writers of the same
 * subject wait for each other (row lock on that chain's head); different subjects never contend.
 * Throws (a programming error, before anything is written) when the action is not in the catalog or the
 * payload does not match its schema. The record itself is written `later` (src/db/later.ts): it travels with the
 * transaction's next statement or its COMMIT, and the transaction fails with it.
 */
export async function appendAudit<A extends AuditAction>(tx: Transaction, actor: Actor, entry: AuditEntry<A>, at: Date, locked?: AuditHead): Promise<AppendedAuditRecord> {
  assertAuditChange(entry.action, entry.change);
  if (entry.firstOfChain) return appendFirst(tx, actor, entry, at);
  const chain = chainOf(entry.subjectType, entry.subjectId);
  if (locked && locked.chain !== chain) throw new Error(`audit head of ${locked.chain} given for ${chain}`);
  const head = locked ?? (await lockAuditHead(tx, entry.subjectType, entry.subjectId));
  const { digest, ...fields } = chainedAuditRecord(head, actor, entry, at);
  const inserted = insertedRecord(tx, fields, entry.change, digest);
  // The head was locked and read, so this statement's row exists: it is not waited for.
  await later(tx, tx.with(inserted).update(auditChainHeads).set({ seq: fields.seq, digest }).where(eq(auditChainHeads.chain, chain)));
  return { ...fields, change: entry.change, digest };
}

/** A chain's head as locked by `lockAuditHead`. */
export interface AuditHead {
  chain: string;
  seq: number;
  digest: string;
}

/**
 * Creates the subject's chain head if needed, locks it and reads it: what `appendAudit` does first. A step sends it
 * with its other reads (src/services/kernel/run-step.ts) and hands the head to `appendAudit`.
 */
export async function lockAuditHead(tx: Transaction, subjectType: string, subjectId: string | number): Promise<AuditHead> {
  const chain = chainOf(subjectType, subjectId);
  // One statement creates the head if needed and locks it (the no-op update takes the row lock and returns
  // the current values); a concurrent writer of the same chain waits here and then sees the new head.
  const [head] = await tx
    .insert(auditChainHeads)
    .values({ chain, seq: 0, digest: GENESIS_DIGEST })
    .onConflictDoUpdate({ target: auditChainHeads.chain, set: { chain } })
    .returning({ seq: auditChainHeads.seq, digest: auditChainHeads.digest });
  if (!head) throw new Error(`audit chain head missing for ${chain}`);
  return { chain, ...head };
}

/** The first record of a new subject's chain and the chain's head, in one statement. */
async function appendFirst(tx: Transaction, actor: Actor, entry: AuditEntry, at: Date): Promise<AppendedAuditRecord> {
  const { digest, ...fields } = chainedAuditRecord({ seq: 0, digest: GENESIS_DIGEST }, actor, entry, at);
  const inserted = insertedRecord(tx, fields, entry.change, digest);
  // A head that exists after all breaks its primary key: the transaction fails at its COMMIT at the latest.
  await later(tx, tx.with(inserted).insert(auditChainHeads).values({ chain: fields.chain, seq: fields.seq, digest }));
  return { ...fields, change: entry.change, digest };
}

/** The record's insert as a CTE named `inserted`, for the statement that also writes the chain's head. */
function insertedRecord(tx: Transaction, fields: Omit<ReturnType<typeof chainedAuditRecord>, 'digest'>, change: unknown, digest: string) {
  return tx.$with('inserted').as(tx.insert(auditRecords).values({ ...fields, change, digest }).returning({ id: auditRecords.id }));
}

/** The trail of one subject, oldest first (for timelines). */
export async function listAudit(db: Executor, subjectType: string, subjectId: string | number) {
  return db
    .select()
    .from(auditRecords)
    .where(and(eq(auditRecords.chain, chainOf(subjectType, subjectId))))
    .orderBy(asc(auditRecords.seq));
}

/** Reads all records in (chain, seq) order in pages, so verification never loads the whole table. */
export async function* readAllAuditRecords(db: Executor, pageSize = 5000): AsyncGenerator<StoredAuditRecord> {
  let after: { chain: string; seq: number } | null = null;
  for (;;) {
    const page: StoredAuditRecord[] = (
      await db
        .select()
        .from(auditRecords)
        .where(after ? sql`(${auditRecords.chain}, ${auditRecords.seq}) > (${after.chain}, ${after.seq})` : undefined)
        .orderBy(asc(auditRecords.chain), asc(auditRecords.seq))
        .limit(pageSize)
    ).map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
    yield* page;
    if (page.length < pageSize) return;
    const last = page[page.length - 1]!;
    after = { chain: last.chain, seq: last.seq };
  }
}

export async function readChainHeads(db: Executor, afterChain?: string) {
  return db
    .select()
    .from(auditChainHeads)
    .where(afterChain ? gt(auditChainHeads.chain, afterChain) : undefined)
    .orderBy(asc(auditChainHeads.chain));
}
