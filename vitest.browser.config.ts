import { defineConfig } from 'vitest/config';

// The browser tier: the real server driven by Debian's Chromium (test/browser/harness.ts). Run by
// `npm run test:browser` and by .ci/run; not part of `npm test`, so a machine with only Node.js can run that.
export default defineConfig({
  test: {
    name: 'browser',
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 30_000,
    // A browser test that fails once is run again (each attempt builds its own case), and the report says so: a real
    // defect fails twice; a one-off slow render on a 2-core machine does not fail CI. A retried test is a flake to
    // find and fix (the case flow's decide panel closing after a refusal was one, session 4).
    retry: 1,
    // The browser tests mostly wait (for the page, the network going quiet, animations): one file at a time used
    // about a third of one core. Three files at once fill the 2-core machine (each has its own server and Chromium).
    maxWorkers: 3,
    fileParallelism: true,
    // Files share a worker's modules (as in vitest.config.ts): the server's code is imported once per worker, not once
    // per file (that was 6 s of a file's time on the busy machine). Each file has its own server, database and browser.
    isolate: false,
    hookTimeout: 120_000,
    globalSetup: ['test/global-setup.ts'],
  },
});
