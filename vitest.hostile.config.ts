/**
 * The hostile-page suite (issue 7): the built extension (dist/) in real headless Chromium and
 * Firefox ESR, saving pages full of payloads and opening them in Margins' own pages. One browser
 * at a time, like the e2e suites.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/hostile/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 90_000,
    retry: 0,
  },
});
