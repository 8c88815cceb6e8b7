import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'e2e/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './scripts/summary-reporter.ts'],
    pool: 'forks',
    // Vitest's default (cores − 1 workers) leaves one of CI's two cores to its main process, which is mostly idle;
    // two workers took the PGlite leg there from about 9 to 6.4 minutes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['./scripts/vitest-global-setup.ts'],
  },
});
