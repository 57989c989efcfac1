/**
 * Statements built by drizzle once per database (issue 16: building a large statement was a sixth of a request's CPU),
 * for the hot reads whose SQL never changes. Each such statement is named, so on PostgreSQL every pooled connection
 * also parses and plans it once. In a transaction of `runTransaction` (./later.ts) the database's statement runs on
 * the transaction's connection; in any other transaction it is built for that transaction.
 */
import type { Executor } from './database.ts';

/** The database each open transaction of `runTransaction` belongs to. */
const databaseOf = new WeakMap<object, Executor>();

/** `tx` is a transaction of `db` (runTransaction): prepared statements of `db` may run on it. */
export function registerTransaction(tx: object, db: Executor): void {
  databaseOf.set(tx, db);
}

/** `make(db)`'s statement, kept in `cache` per database; on a transaction's connection for a transaction. */
export function preparedPerDatabase<T extends object>(cache: WeakMap<object, T>, db: Executor, make: (db: Executor) => T): T {
  // A transaction has `rollback`; a database does not.
  if ('rollback' in db) {
    const root = databaseOf.get(db);
    return root ? onConnectionOf(db, preparedPerDatabase(cache, root, make)) : make(db);
  }
  let query = cache.get(db);
  if (!query) cache.set(db, (query = make(db)));
  return query;
}

/**
 * The database's statement sent through the transaction's client: drizzle's prepared statements of both drivers
 * (node-postgres, PGlite) send through their `client`, and a transaction's session holds the connection it runs on.
 * The statement's text, name, parameters and result mapping are the database's, unchanged.
 */
function onConnectionOf<T extends object>(tx: Executor, query: T): T {
  const { client } = (tx as unknown as { session: { client: unknown } }).session;
  return Object.assign(Object.create(query) as T, { client });
}
