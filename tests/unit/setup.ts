/**
 * Runs before every unit test file: IndexedDB in memory, and a fresh fake browser before each
 * test, so product code that reads settings or messages works without per-file mocks.
 */
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { installFakePlatform } from './helpers/fake-platform.ts';

beforeEach(() => {
  installFakePlatform();
});
