/**
 * Once per test run: a folder where the first test file that needs something expensive — the migrated database,
 * the seeded demo, the demo data folder of the CLI tests — makes it, so the others load it instead of making it
 * again (`oncePerRun` in src/db/testing.ts). Removed when the run ends, with the run's PostgreSQL template databases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-test-seed-'));
  process.env.FAZHI_TEST_SEED_DIR = dir;
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    // The PostgreSQL template databases of this run (src/db/testing.ts `postgresTemplate`).
    const url = process.env.FAZHI_TEST_DATABASE_URL;
    if (url) await (await import('../src/db/testing.ts')).dropPostgresTemplates(url, dir);
  };
}
