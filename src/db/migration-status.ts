/**
 * Whether a database carries every migration of this version, without applying any. Read-only commands
 * (`fazhi org list`, `cases list`, `audit verify`) ask this instead of migrating: a quick look must not change
 * the schema behind a running server's back, nor pay for the migrator.
 *
 * Drizzle's migrator applies every migration whose journal time (`when`) is later than the `created_at` of the
 * newest row in `drizzle.__drizzle_migrations`; the same comparison here says whether it would apply any.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Executor, migrationsFolder } from './connect.ts';

interface Journal {
  entries: { when: number; tag: string }[];
}

/** The journal time of the newest migration shipped with this version. */
export function latestMigrationTime(folder = migrationsFolder): number {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

/** True when the migrator would apply nothing (the database is at the latest schema, or newer). */
export async function isMigrated(db: Executor, folder = migrationsFolder): Promise<boolean> {
  const exists = rowsOf<{ present: boolean }>(await db.execute(sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`));
  if (!exists[0]?.present) return false;
  const newest = rowsOf<{ created: string | null }>(await db.execute(sql`SELECT max(created_at)::text AS created FROM drizzle.__drizzle_migrations`));
  const created = newest[0]?.created;
  return created != null && Number(created) >= latestMigrationTime(folder);
}

/** Both drivers (PGlite and node-postgres) answer a raw query with `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
