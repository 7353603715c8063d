/**
 * Upgrade functions, one per schema version, append-only: each turns records written by the
 * version before into the current shape. Never edit one that shipped; add the next.
 */
import type { Transaction } from 'dexie';

/**
 * Version 2: authors kept as a list, modifiedTime apart from publishedTime, and where each
 * metadata value came from. Records saved before have one author (their byline) and no
 * recorded sources.
 */
export async function upgradeToVersion2(tx: Transaction): Promise<void> {
  await tx
    .table('articles')
    .toCollection()
    .modify((article: Record<string, unknown>) => {
      const byline = typeof article.byline === 'string' ? article.byline : null;
      if (!Array.isArray(article.authors)) article.authors = byline ? [byline] : [];
      if (article.modifiedTime === undefined) article.modifiedTime = null;
      if (typeof article.fieldSources !== 'object' || article.fieldSources === null) {
        article.fieldSources = {};
      }
    });
}
