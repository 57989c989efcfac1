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
  settled: boolean;
}

interface Cache {
  /** Bumped by every forget: a load that began before it does not store what it read. */
  generation: number;
  entries: Map<string, Entry>;
}

const caches = new WeakMap<object, Cache>();

/**
 * The cached value of `key` for database `root`, or `load()`'s (cached for the next REFERENCE_TTL_MS). `executor` is
 * what `load` reads with: the root database, or a transaction. A caller inside a transaction never waits for a load
 * still running on the root database — that load may be waiting for a pool connection the transactions hold — it
 * reads for itself instead (and its answer is kept once read).
 */
export function cachedReference<T>(root: object, key: string, load: () => Promise<T>, executor: object = root): Promise<T> {
  let cache = caches.get(root);
  if (!cache) caches.set(root, (cache = { generation: 0, entries: new Map() }));
  const { entries, generation } = cache;
  const now = performance.now();
  const fresh = (e: Entry | undefined): e is Entry => e !== undefined && now - e.at < REFERENCE_TTL_MS;
  const hit = entries.get(key);
  if (fresh(hit) && (hit.settled || executor === root)) return hit.value as Promise<T>;
  const value = load();
  const entry: Entry = { at: now, value, settled: false };
  const current = () => (cache.generation === generation ? entries.get(key) : null);
  if (executor === root) entries.set(key, entry);
  value.then(
    () => {
      entry.settled = true;
      const existing = current();
      if (existing !== null && existing !== entry && !(fresh(existing) && existing.settled)) entries.set(key, entry);
    },
    // A failed load is not kept.
    () => {
      if (entries.get(key) === entry) entries.delete(key);
    },
  );
  return value;
}

/** Forgets the cached values of `root` whose key starts with `prefix` (all of them without one). */
export function forgetReferences(root: object, prefix = ''): void {
  const cache = caches.get(root);
  if (!cache) return;
  cache.generation++;
  for (const key of [...cache.entries.keys()]) if (key.startsWith(prefix)) cache.entries.delete(key);
}
