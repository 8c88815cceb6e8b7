import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Browser flows: the real server on a fresh PGlite folder, driven through Debian's Chromium (issue 2 item 12). */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    reporters: ['default', './scripts/summary-reporter.ts'],
    pool: 'forks',
    fileParallelism: false,
    // The browser tests drive their own cases; no demo ledger seeding in the background under them.
    env: { IPF_DEMO_LEDGER_CASES: '0' },
  },
});
