/**
 * The user's own words about an article: its page-level note and its tags.
 */
import type { ArticleRecord } from '../shared/article.ts';
import { MarginsError } from '../shared/protocol.ts';
import { refreshDerived, writeTables } from './derived.ts';
import { toRecord } from './records.ts';
import type { MarginsDatabase, StoredArticle } from './schema.ts';

async function changeArticle(
  db: MarginsDatabase,
  articleId: string,
  change: (article: StoredArticle) => StoredArticle,
): Promise<ArticleRecord> {
  return db.transaction('rw', writeTables(db), async () => {
    const article = await db.articles.get(articleId);
    if (!article) throw new MarginsError('not-found', articleId);
    const next = change(article);
    await db.articles.put(next);
    await refreshDerived(db, articleId);
    return toRecord(next);
  });
}

export function setArticleNote(db: MarginsDatabase, articleId: string, note: string, now: Date) {
  return changeArticle(db, articleId, (article) => ({
    ...article,
    note,
    updatedAt: now.toISOString(),
  }));
}

/** Tags are kept once each (ignoring case), in the order the user gave them. */
export function setArticleTags(db: MarginsDatabase, articleId: string, tags: string[], now: Date) {
  const seen = new Set<string>();
  const unique = tags
    .map((tag) => tag.trim())
    .filter((tag) => tag && !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
  return changeArticle(db, articleId, (article) => ({
    ...article,
    tags: unique,
    updatedAt: now.toISOString(),
  }));
}
