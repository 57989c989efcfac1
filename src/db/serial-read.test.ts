/**
 * The serial reads (serial-read.ts): on PostgreSQL they run on connections that plan no parallel worker, while the
 * app's other statements keep the server's setting (the province's aggregates use parallel scans); inside a
 * transaction they stay on its connection; on PGlite they run on the database as it is.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Executor } from './connect.ts';
import { createTestDatabase } from './testing.ts';
import { withoutParallelWorkers } from './serial-read.ts';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
}, 120_000);
afterAll(async () => handle?.close());

const workers = async (db: Executor) => ((await db.execute(sql`select current_setting('max_parallel_workers_per_gather') as n`)) as unknown as { rows: { n: string }[] }).rows[0]!.n;

describe('withoutParallelWorkers', () => {
  it('plans without parallel workers on PostgreSQL, and leaves the other statements as they were', async () => {
    const usual = await workers(handle.db);
    const serial = await withoutParallelWorkers(handle.db, workers);
    if (handle.kind === 'postgres') {
      expect(serial).toBe('0');
      expect(usual).not.toBe('0');
    } else expect(serial).toBe(usual);
    // Several at once (the dashboard sends its reads together), and the usual setting after them.
    expect(await Promise.all([1, 2, 3, 4, 5, 6].map(() => withoutParallelWorkers(handle.db, workers)))).toEqual(Array(6).fill(serial));
    expect(await workers(handle.db)).toBe(usual);
  });

  it('inside a transaction, reads on its own connection (what it wrote is seen)', async () => {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table serial_probe (n int) on commit drop`);
      await tx.execute(sql`insert into serial_probe values (7)`);
      const seen = await withoutParallelWorkers(tx, async (db) => ((await db.execute(sql`select n from serial_probe`)) as unknown as { rows: { n: number }[] }).rows);
      expect(seen).toEqual([{ n: 7 }]);
    });
  });
});
