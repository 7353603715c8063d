/**
 * The save pipeline: check the tab, extract in the page, validate what came back, store it.
 */
import * as v from 'valibot';
import { saveSnapshot } from '../db/articles.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import { browser } from '../platform/browser.ts';
import { ArticleSnapshotSchema, type ArticleSnapshot } from '../shared/article.ts';
import { MarginsError, type SaveOutcome } from '../shared/protocol.ts';
import { isRestrictedUrl } from '../shared/url.ts';
import { EXTRACT, runInTab } from './inject.ts';

/** Refuses tabs that are gone or that no extension may read, before anything runs in them. */
export async function checkSavableTab(tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => {
    throw new MarginsError('no-tab', `no tab ${tabId}`);
  });
  if (isRestrictedUrl(tab.url)) throw new MarginsError('restricted-page', tab.url ?? '');
}

/** What a page sent back is untrusted until it parses as a snapshot. */
export function validateSnapshot(extracted: unknown): ArticleSnapshot {
  if (extracted === undefined || extracted === null) {
    throw new MarginsError('cannot-access', 'the page returned no snapshot');
  }
  const parsed = v.safeParse(ArticleSnapshotSchema, extracted);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue?.path?.map((item) => String(item.key)).join('.') ?? '';
    if (issue?.type === 'max_length' && (where === 'contentHtml' || where === 'textContent')) {
      throw new MarginsError('page-too-large', `${where} is over the limit`);
    }
    throw new MarginsError('invalid-page', `${where}: ${issue?.message ?? 'invalid snapshot'}`);
  }
  return parsed.output;
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
  const snapshot = validateSnapshot(await runInTab(tabId, EXTRACT));
  return storing(() => saveSnapshot(db, snapshot, new Date()));
}
