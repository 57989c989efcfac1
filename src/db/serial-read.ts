/**
 * Small, selective reads planned without parallel workers (issue 16 item 7, docs/PERFORMANCE.md "Round 7").
 *
 * At a million cases PostgreSQL planned the deadline lists' default page and the dashboard's overdue list with a
 * registration range as parallel plans (`Gather Merge`): of 46–94 ms, about 50 went to starting the worker, for
 * 10–200 rows. `parallel_workers = 0` on the tables would also take parallel scans from the province's aggregates,
 * where they pay; so only these reads run in a read-only transaction with `SET LOCAL max_parallel_workers_per_gather
 * = 0`, which ends with the transaction and leaves the pooled connection as it was. The cost: BEGIN, the SET and
 * COMMIT, three short round trips (~0.1 ms each on a local server). PGlite (one process) starts no parallel worker:
 * there the read runs as it is, with no statement more.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from './database.ts';

/** The databases on a PostgreSQL server (postgres.ts marks each one it opens): the planner may go parallel there. */
const parallelPlanners = new WeakSet<object>();

export function markParallelPlanner(db: object): void {
  parallelPlanners.add(db);
}

/**
 * Runs `work` with the statements it sends on `tx` planned without parallel workers. On PGlite, and inside a
 * transaction already (a SET LOCAL there would last to that transaction's end, beyond this read), `work` runs on
 * `db` as it is.
 */
export async function withoutParallelWorkers<T>(db: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  if (!parallelPlanners.has(db)) return work(db);
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
      return work(tx);
    },
    { accessMode: 'read only' },
  );
}
