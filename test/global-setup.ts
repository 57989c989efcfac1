/**
 * Once per test run: a folder where the first test file that needs something expensive — the migrated database,
 * the seeded demo, the demo data folder of the CLI tests — makes it, so the others load it instead of making it
 * again (`oncePerRun` in src/db/testing.ts). Removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-test-seed-'));
  process.env.FAZHI_TEST_SEED_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
