import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { smallBuffers, wrapPglite } from './connect.ts';
import { isMigrated, latestMigrationTime } from './migration-status.ts';

describe('migration status (read-only commands refuse an old schema instead of migrating)', () => {
  // One database for the three states, so the test pays for one new PGlite cluster, not three.
  it('is false before the migrator runs, true after it, and false again when a newer migration ships', async () => {
    const handle = wrapPglite(new PGlite(smallBuffers()), 'memory://status');
    try {
      expect(await isMigrated(handle.db)).toBe(false);
      await handle.migrate();
      expect(await isMigrated(handle.db)).toBe(true);
      const latest = latestMigrationTime();
      await handle.db.execute(sql`UPDATE drizzle.__drizzle_migrations SET created_at = ${latest - 1} WHERE created_at = ${latest}`);
      expect(await isMigrated(handle.db)).toBe(false);
    } finally {
      await handle.close();
    }
    // A new PGlite cluster and every migration: a few seconds, more on a busy 2-core machine.
  }, 90_000);
});
