/**
 * Small, selective reads planned without parallel workers (issue 16 item 7, docs/PERFORMANCE.md "Round 7").
 *
 * At a million cases PostgreSQL planned the deadline lists' default page and the dashboard's overdue list with a
 * registration range as parallel plans (`Gather Merge`): of 46–94 ms, about 50 went to starting the worker, for
 * 10–200 rows. `parallel_workers = 0` on the tables would also take parallel scans from the province's aggregates,
 * where they pay. So these reads go to a second, small pool of the same server whose connections are opened with
 * `max_parallel_workers_per_gather = 0` (postgres.ts): no round trip more per request. A read-only transaction with
 * `SET LOCAL` was tried first (BEGIN, SET, COMMIT: three round trips) and cost a 20-row deadline page 2 ms at a load
 * of 3 on two cores (3.0 → 5.0 ms). PGlite (one process) starts no parallel worker: there the read runs as it is.
 */
import type { Database, Executor } from './database.ts';

/** The serial twin of each database on a PostgreSQL server (postgres.ts registers it). */
const serialTwins = new WeakMap<object, Database>();

/** Registers `serial`, the same database through connections that never plan parallel workers, as `db`'s twin. */
export function registerSerialTwin(db: Database, serial: Database): void {
  serialTwins.set(db, serial);
}

/**
 * Runs `work` on connections whose plans start no parallel worker. On PGlite, and inside a transaction (whose
 * statements must stay on its connection), `work` runs on `db` as it is.
 */
export async function withoutParallelWorkers<T>(db: Executor, work: (db: Executor) => Promise<T>): Promise<T> {
  return work(serialTwins.get(db) ?? db);
}
