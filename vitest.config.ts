import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three tiers (ENGINEERING.md): small = pure domain (and pure web modules such as form generation); medium = services and repositories on a fresh database
// (PGlite by default, PostgreSQL when FAZHI_TEST_DATABASE_URL is set); e2e = HTTP and CLI. The browser tests
// (test/browser, they need Chromium) have their own config and command: vitest.browser.config.ts, `npm run test:browser`.
const ISOLATED = ['src/services/kernel/run-step.test.ts'];
// HTTP tests that only mean something on PostgreSQL (skipped on PGlite) run in the medium tier, which CI runs again on
// PostgreSQL: two app servers on one database (docs/ARCHITECTURE.md "A province deployment").
const POSTGRES_HTTP = ['src/server/two-servers.test.ts'];

export default defineConfig({
  test: {
    // One test file per core (vitest's default leaves one core to its main process, which here is mostly idle:
    // on the 2-core machine that ran every file one after another). Each worker peaks at a few hundred MiB.
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    // A file's beforeAll may wait while another file seeds the demo for the run (oncePerRun) on a busy machine.
    hookTimeout: 300_000,
    // A per-run folder for the migrated and the demo database templates and the demo data folder, shared by the
    // test files that need them (src/db/testing.ts, src/demo/testing.ts).
    globalSetup: ['test/global-setup.ts'],
    projects: [
      // Test files share a worker's modules (isolate: false): each file imports the code once per worker instead of
      // once per file, which was a fifth of the run. They keep no state between files that would need isolation —
      // no module mocks, no fake timers, databases per file (run-step.test.ts spies and restores within its tests).
      { extends: true, test: { name: 'small', isolate: false, include: ['src/domain/**/*.test.ts', 'src/web/**/*.test.ts', 'scripts/**/*.test.ts'] } },
      { extends: true, test: { name: 'medium', isolate: false, include: ['src/{db,services,demo}/**/*.test.ts', ...POSTGRES_HTTP], exclude: ISOLATED } },
      // Files that mock a module (vi.mock) need modules of their own.
      { extends: true, test: { name: 'medium-isolated', include: ISOLATED } },
      { extends: true, test: { name: 'e2e', isolate: false, include: ['src/{server,cli}/**/*.test.ts', 'test/**/*.test.ts'], exclude: ['test/browser/**', ...POSTGRES_HTTP] } },
    ],
  },
});
