/**
 * The save pipeline: check the tab, extract in the page, validate what came back, store it.
 */
import * as v from 'valibot';
import { saveSnapshot } from '../db/articles.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import { browser } from '../platform/browser.ts';
import { ArticleSnapshotSchema } from '../shared/article.ts';
import { MarginsError, type SaveOutcome } from '../shared/protocol.ts';
import { isRestrictedUrl } from '../shared/url.ts';
import { extractFromTab } from './inject.ts';

export async function saveTab(db: MarginsDatabase, tabId: number): Promise<SaveOutcome> {
  const tab = await browser.tabs.get(tabId).catch(() => {
    throw new MarginsError('no-tab', `no tab ${tabId}`);
  });
  if (isRestrictedUrl(tab.url)) {
    throw new MarginsError('restricted-page', tab.url ?? '');
  }
  const extracted = await extractFromTab(tabId);
  if (extracted === undefined || extracted === null) {
    throw new MarginsError('cannot-access', 'the page returned no snapshot');
  }
  const parsed = v.safeParse(ArticleSnapshotSchema, extracted);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue?.path?.map((item) => String(item.key)).join('.') ?? '';
    throw new MarginsError('invalid-page', `${where}: ${issue?.message ?? 'invalid snapshot'}`);
  }
  try {
    return await saveSnapshot(db, parsed.output, new Date());
  } catch (error) {
    throw new MarginsError(
      'storage-failed',
      error instanceof Error ? error.message : String(error),
    );
  }
}
