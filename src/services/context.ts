import type { Clock } from '../domain/clock.ts';
import type { Database, Transaction } from '../db/connect.ts';

/** What every service needs from outside: the database and the clock. */
export interface ServiceContext {
  db: Database;
  clock: Clock;
}

/** Runs `work` in one transaction: guard → change → audit record all commit together or not at all. */
export function inTransaction<T>(ctx: ServiceContext, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return ctx.db.transaction(work);
}
