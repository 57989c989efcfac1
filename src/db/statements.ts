/**
 * Counts the SQL statements each database runs, for the statement budgets (src/server/statement-budget.test.ts) and
 * the benchmark's "statements per request" (bench/http.bench.ts). Every drizzle query passes drizzle's logger, so
 * each database handle gets a logger of its own (`statementTap`), found again by its `db` object. Transaction control
 * (BEGIN, COMMIT, savepoints) is not counted: PGlite runs it outside drizzle, PostgreSQL through it, and a budget
 * should not differ between the two.
 */
import type { Logger } from 'drizzle-orm';

const transactionControl = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

export class StatementTap implements Logger {
  /** Statements run since the database was opened. */
  count = 0;
  /** When set, each statement's SQL is kept (a test that fails its budget prints them). */
  recorded: string[] | null = null;
  /** When set, each statement with its parameters is kept (the index tests EXPLAIN the queries the app ran). */
  recordedWithParams: { query: string; params: unknown[] }[] | null = null;

  logQuery(query: string, params: unknown[] = []): void {
    if (transactionControl.test(query)) return;
    this.count++;
    this.recorded?.push(query);
    this.recordedWithParams?.push({ query, params });
  }
}

// Keyed by the drizzle database object: each test file's database has its own tap, nothing is shared between them.
const taps = new WeakMap<object, StatementTap>();

/** A new tap for a database about to be opened; `registerTap` ties it to the `db` drizzle made with it. */
export function newStatementTap(): StatementTap {
  return new StatementTap();
}

export function registerTap(db: object, tap: StatementTap): void {
  taps.set(db, tap);
}

/** The statement counter of a database opened by `openDatabase`, `wrapPglite` or `openPostgres`. */
export function statementTap(db: object): StatementTap {
  const tap = taps.get(db);
  if (!tap) throw new Error('statementTap: this database was not opened through src/db (connect.ts, postgres.ts)');
  return tap;
}

/** Runs `work` and returns its result with the statements it ran (their SQL, in order). */
export async function countStatements<T>(db: object, work: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
  const tap = statementTap(db);
  const before = tap.count;
  const outer = tap.recorded;
  const statements: string[] = [];
  tap.recorded = statements;
  try {
    const result = await work();
    return { result, count: tap.count - before, statements };
  } finally {
    outer?.push(...statements);
    tap.recorded = outer;
  }
}
