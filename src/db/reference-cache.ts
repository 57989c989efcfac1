/**
 * Reference data that changes rarely and is read on every step — the legal calendar, the case settings of an
 * organization's chain — kept in memory per database, so a request does not read it again.
 *
 * Freshness: the process that changes the data forgets its copy when the change commits (the services call
 * `forgetReferences`). Other app servers on the same PostgreSQL keep theirs for at most `REFERENCE_TTL_MS`
 * (a short TTL rather than a version check, which would itself be a statement per request); such a change is
 * audited and rare, and a step in that window counts as one that began just before the change committed.
 *
 * Keyed by the database object (a WeakMap): tests open many databases in one process, and each has its own copies.
 * A transaction is not a key: callers pass the root database as the key and the transaction to read with.
 */
export const REFERENCE_TTL_MS = 5_000;

interface Entry {
  at: number;
  value: Promise<unknown>;
}

const caches = new WeakMap<object, Map<string, Entry>>();

/** The cached value of `key` for database `root`, or `load()`'s (cached for the next REFERENCE_TTL_MS). */
export function cachedReference<T>(root: object, key: string, load: () => Promise<T>): Promise<T> {
  let cache = caches.get(root);
  if (!cache) caches.set(root, (cache = new Map()));
  const now = performance.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < REFERENCE_TTL_MS) return hit.value as Promise<T>;
  const value = load();
  const entry = { at: now, value };
  cache.set(key, entry);
  // A failed load is not kept.
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return value;
}

/** Forgets the cached values of `root` whose key starts with `prefix` (all of them without one). */
export function forgetReferences(root: object, prefix = ''): void {
  const cache = caches.get(root);
  if (!cache) return;
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
}
