/**
 * End-to-end suites: the built extension (dist/) in real headless Chromium and Firefox ESR,
 * driven by puppeteer-core. One file at a time: two browsers at once overload these 2-core machines.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // On CI (a shared machine, one run decides whether work lands) a failed browser test runs once
    // more; a pass on the second try is reported as "retry x1" in the output, so flakiness stays
    // visible. Locally every failure counts at once.
    retry: process.env.CI ? 1 : 0,
  },
});
