/**
 * The save pipeline: check the tab, extract in the page (its answer checked), store it.
 */
import { saveSnapshot } from '../db/articles.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import { browser } from '../platform/browser.ts';
import { MarginsError, type SaveOutcome } from '../shared/protocol.ts';
import { isRestrictedUrl } from '../shared/url.ts';
import { runInTab } from './inject.ts';

/** Refuses tabs that are gone or that no extension may read, before anything runs in them. */
export async function checkSavableTab(tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => {
    throw new MarginsError('no-tab', `no tab ${tabId}`);
  });
  if (isRestrictedUrl(tab.url)) throw new MarginsError('restricted-page', tab.url ?? '');
}

/** Runs a storage step, reporting IndexedDB failures (full disk, private window) as such. */
export async function storing<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof MarginsError) throw error;
    throw new MarginsError(
      'storage-failed',
      error instanceof Error ? error.message : String(error),
    );
  }
}

export async function saveTab(db: MarginsDatabase, tabId: number): Promise<SaveOutcome> {
  await checkSavableTab(tabId);
  const snapshot = await runInTab(tabId, 'extract');
  return storing(() => saveSnapshot(db, snapshot, new Date()));
}
