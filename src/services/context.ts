import type { Clock } from '../domain/clock.ts';
import type { Database, Transaction } from '../db/connect.ts';
import { runTransaction } from '../db/later.ts';
import type { FileStore } from './file-store.ts';
import type { ReportKeyStore } from './reports/key-store.ts';

/** What every service needs from outside: the database and the clock (and, for evidence, the file store). */
export interface ServiceContext {
  db: Database;
  clock: Clock;
  /** Content-addressed evidence files; services that store files refuse clearly when it is absent. */
  files?: FileStore;
  /** Where the bureau's SM2 private key for signing published reports is kept; publishing refuses clearly without it. */
  reportKeys?: ReportKeyStore;
}

/**
 * Runs `work` in one transaction: guard → change → audit record all commit together or not at all (writes sent
 * `later` included, src/db/later.ts).
 */
export function inTransaction<T>(ctx: ServiceContext, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return runTransaction(ctx.db, work);
}
