/** The options every embedded database of the app is opened with (connect.ts, template.ts, the test databases). */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * PGlite's start parameters with a 16 MB buffer pool instead of PostgreSQL's 128 MB default, for an embedded
 * database that lives briefly or holds little (a read-only CLI command, a test database). PGlite clears the whole
 * pool when it starts, and that was most of a CLI query's time (measured: 0.84 s → 0.45 s until ready).
 */
export function smallBuffers(): EmbeddedOptions {
  return { ...embeddedOptions(), startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] };
}

/**
 * The embedded server's start parameters: a 32 MB buffer pool instead of 128 MB — clearing the default pool was
 * ~0.5 s of every start (issue 16 item 6, restart ≤ 2 s; docs/PERFORMANCE.md "Round 6"). The embedded database is the
 * laptop's and the small unit's (the demo's is ~40 MB); the operating system's file cache still holds what the pool
 * does not. A bureau with a large database runs on PostgreSQL, whose pool is its own configuration.
 */
export function serverBuffers(): EmbeddedOptions {
  return { ...embeddedOptions(), startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'] };
}

export type EmbeddedOptions = { extensions: { pg_trgm: typeof pg_trgm }; startParams?: string[] };

/**
 * What every embedded database of the app is opened with: the pg_trgm extension (trigram indexes for the case list's
 * text search, migration 0023 — PostgreSQL has it as a contrib extension, PGlite only as one loaded at start), so
 * the same migrations apply to both.
 */
export function embeddedOptions(): EmbeddedOptions {
  return { extensions: { pg_trgm } };
}

