/**
 * Unique numbers that need not be gapless (the sequence part of 行政行为码), handed out from blocks reserved in the
 * database, so registrations do not queue behind one counter row. A block is reserved by one short statement of its
 * own, outside the caller's transaction (call it before the transaction begins: PGlite is one connection), so the
 * counter row is locked for that statement only and a rolled-back registration never returns a number that another
 * process could then take again. A number whose registration fails, and the rest of a block when the process stops,
 * are never used: the series has gaps, never duplicates.
 *
 * Blocks in memory are kept per database (WeakMap keyed by the root database object), so test files sharing a worker
 * never share them; `forgetNumberBlocks` drops them (a test database emptied by resetTestDatabase).
 */
import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import { numberCounters } from './schema.ts';

/** Numbers reserved at a time. A process that stops loses at most this many − 1 numbers of each series it used. */
export const NUMBER_BLOCK = 20;

interface Block {
  next: number;
  last: number;
}

const blocks = new WeakMap<object, Map<string, Promise<Block>>>();

/**
 * The next number of series (`organizationId`, `year`, `kind`) of the `number_counters` table, from this process's
 * block; `last_seq` of the row is the last number reserved by any process.
 */
export async function nextFromBlock(db: Database, organizationId: number, year: number, kind: string): Promise<number> {
  let series = blocks.get(db);
  if (!series) blocks.set(db, (series = new Map()));
  const key = `${organizationId}:${year}:${kind}`;
  for (;;) {
    const pending = series.get(key);
    const block = pending ? await pending : null;
    if (block && block.next <= block.last) return block.next++;
    // Exhausted (or none yet): one caller reserves the next block, the others of this process wait for it.
    if (series.get(key) === pending) {
      const reserved = reserveBlock(db, organizationId, year, kind);
      series.set(key, reserved);
      reserved.catch(() => {
        if (series.get(key) === reserved) series.delete(key);
      });
    }
  }
}

async function reserveBlock(db: Database, organizationId: number, year: number, kind: string): Promise<Block> {
  const [row] = await db
    .insert(numberCounters)
    .values({ organizationId, year, kind, lastSeq: NUMBER_BLOCK })
    .onConflictDoUpdate({
      target: [numberCounters.organizationId, numberCounters.year, numberCounters.kind],
      set: { lastSeq: sql`${numberCounters.lastSeq} + ${NUMBER_BLOCK}` },
    })
    .returning({ lastSeq: numberCounters.lastSeq });
  return { next: row!.lastSeq - NUMBER_BLOCK + 1, last: row!.lastSeq };
}

/** Drops the blocks this process holds for `db` (its counters were emptied). */
export function forgetNumberBlocks(db: object): void {
  blocks.delete(db);
}
