import { defineConfig } from 'vitest/config';

/** Unit tests only; the end-to-end suites in tests/e2e run in real browsers (see package.json). */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    pool: 'threads',
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
