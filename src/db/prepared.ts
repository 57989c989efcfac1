/**
 * Statements built by drizzle once per database (issue 16: building a large statement was a sixth of a request's CPU),
 * for the hot reads whose SQL never changes. Each such statement is named, so on PostgreSQL every pooled connection
 * also parses and plans it once. A transaction is not a key (it lives for one request): it builds its own, which
 * still reuses its connection's server-side statement by name.
 */
import type { Executor } from './database.ts';

/** `make(db)`'s statement, kept in `cache` per database; built anew for a transaction. */
export function preparedPerDatabase<T>(cache: WeakMap<object, T>, db: Executor, make: (db: Executor) => T): T {
  // A transaction has `rollback`; a database does not.
  if ('rollback' in db) return make(db);
  let query = cache.get(db);
  if (!query) cache.set(db, (query = make(db)));
  return query;
}
