import { defineConfig } from 'vitest/config';

// The browser tier: the real server driven by Debian's Chromium (test/browser/harness.ts). Run by
// `npm run test:browser` and by .ci/run; not part of `npm test`, so a machine with only Node.js can run that.
export default defineConfig({
  test: {
    name: 'browser',
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['test/global-setup.ts'],
  },
});
