/**
 * Writes whose answer the transaction does not need (issue 16): `later(tx, write)` sends the write and goes on
 * without waiting for it, so on PostgreSQL it travels with the statements after it (./pipelined-client.ts) instead of
 * costing a round trip of its own. The transaction still stands or falls with it:
 * - a statement after a failed write fails too (the transaction is aborted), and `runTransaction` reports the write's
 *   own error, not the "transaction is aborted" of the one after;
 * - on PostgreSQL the COMMIT is written behind the writes; answered with ROLLBACK, it rejects (pipelined-client.ts);
 * - on PGlite (no pipelining to win) the writes are awaited before the COMMIT.
 * Outside `runTransaction` (a savepoint's transaction, a bare one) `later` is an ordinary awaited write.
 */
import type { QueryPromise } from 'drizzle-orm';
import type { Database, Transaction } from './database.ts';
import { registerTransaction } from './prepared.ts';

const open = new WeakMap<object, Promise<unknown>[]>();
const pipelined = new WeakSet<object>();

/** `db` sends its statements pipelined (postgres.ts): the COMMIT itself tells whether a late write failed. */
export function registerPipelined(db: object): void {
  pipelined.add(db);
}

/**
 * Sends `write` now; the transaction waits for it only at its end. Await the result: outside `runTransaction` it is the
 * write. One drizzle statement only (a query builder, `tx.execute(sql…)`), never an async function's promise: its
 * statements after the first await could be sent after the COMMIT.
 */
export function later(tx: Transaction, write: QueryPromise<unknown>): Promise<void> {
  const writes = open.get(tx);
  const sent = Promise.resolve(write);
  if (!writes) return sent.then(() => undefined);
  // Handled here so an unawaited failure is not an unhandled rejection; runTransaction reports it.
  sent.catch(() => undefined);
  writes.push(sent);
  return Promise.resolve();
}

/**
 * The values of `promises` once all have settled; when some failed, the error of the first of them in the list (not
 * the first in time: statements sent together are answered in order, and a later one's refusal must not hide an
 * earlier one's error — the claim's CONFLICT before a read's, a late write's before the aborted statements after it).
 */
export async function settledInOrder<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** Runs `work` in one transaction, with the writes it sends `later` part of it. */
export async function runTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const writes: Promise<unknown>[] = [];
  try {
    return await db.transaction(async (tx) => {
      open.set(tx, writes);
      registerTransaction(tx, db);
      const result = await work(tx);
      if (!pipelined.has(db)) await settledInOrder(writes);
      return result;
    });
  } catch (error) {
    // The late write's own error (a constraint it broke) rather than what the statements after it met.
    await settledInOrder(writes);
    throw error;
  }
}
