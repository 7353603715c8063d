/**
 * Keeps Chrome's service worker running while a sync works. Chrome stops an extension's worker
 * that has made no extension API call for 30 seconds, even in the middle of work: fetches,
 * IndexedDB and WebCrypto do not count. One batch of a large pull (200 articles, decrypted,
 * merged and indexed in one transaction) can take longer than that on a slow or busy machine; a
 * worker stopped in the same batch each time it wakes would never get past it. While the work
 * runs, a cheap API call every KEEP_ALIVE_MS keeps the worker up; after it, the worker may sleep.
 */
import { browser } from '../platform/browser.ts';

export const KEEP_ALIVE_MS = 20_000;

function touchExtensionApi(): void {
  Promise.resolve()
    .then(() => browser.runtime.getPlatformInfo())
    .catch(() => undefined);
}

export async function keepingWorkerAlive<T>(work: () => Promise<T>): Promise<T> {
  const timer = setInterval(touchExtensionApi, KEEP_ALIVE_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
