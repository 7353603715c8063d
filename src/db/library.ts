/**
 * Changes to whole articles chosen in the list: mark read, archive, delete and undo a delete.
 * Each runs as one transaction over the articles, their annotations and the derived rows.
 */
import type { ArticleRecord } from '../shared/article.ts';
import type { ExportedArticle } from '../shared/export-format.ts';
import { urlKeysOf } from '../shared/url.ts';
import { refreshDerived, writeTables } from './derived.ts';
import { imageTables, releaseImages } from './images.ts';
import { toRecord } from './records.ts';
import type { MarginsDatabase, StoredArticle } from './schema.ts';

type StateChange = (article: StoredArticle, timestamp: string) => Partial<ArticleRecord>;

async function changeEach(
  db: MarginsDatabase,
  articleIds: readonly string[],
  now: Date,
  change: StateChange,
): Promise<number> {
  const timestamp = now.toISOString();
  return db.transaction('rw', writeTables(db), async () => {
    let changed = 0;
    for (const article of await db.articles.bulkGet([...articleIds])) {
      if (!article) continue;
      await db.articles.put({ ...article, ...change(article, timestamp) });
      await refreshDerived(db, article.id);
      changed += 1;
    }
    return changed;
  });
}

/** Marks read (keeping the first time it was read) or unread again. */
export function setRead(
  db: MarginsDatabase,
  articleIds: readonly string[],
  read: boolean,
  now: Date,
) {
  return changeEach(db, articleIds, now, (article, timestamp) => ({
    readAt: read ? (article.readAt ?? timestamp) : null,
  }));
}

export function setArchived(
  db: MarginsDatabase,
  articleIds: readonly string[],
  archived: boolean,
  now: Date,
) {
  return changeEach(db, articleIds, now, (article, timestamp) => ({
    archivedAt: archived ? (article.archivedAt ?? timestamp) : null,
    updatedAt: timestamp,
  }));
}

/**
 * Deletes articles with their annotations and gives back everything deleted, so an undo can put
 * it back exactly as it was.
 */
export async function deleteArticles(
  db: MarginsDatabase,
  articleIds: readonly string[],
): Promise<ExportedArticle[]> {
  return db.transaction('rw', [...writeTables(db), ...imageTables(db)], async () => {
    const deleted: ExportedArticle[] = [];
    for (const article of await db.articles.bulkGet([...articleIds])) {
      if (!article) continue;
      const annotations = db.annotations.where('articleId').equals(article.id);
      deleted.push({ ...toRecord(article), annotations: await annotations.toArray() });
      await annotations.delete();
      await db.articles.delete(article.id);
      await refreshDerived(db, article.id);
    }
    // The pictures no other article shows are freed; an undo fetches them again.
    await releaseImages(
      db,
      deleted.map((article) => article.id),
    );
    return deleted;
  });
}

/**
 * Puts deleted articles back. An article whose address was saved again since it was deleted
 * is not restored over the new save; the count says how many came back.
 */
export async function restoreArticles(
  db: MarginsDatabase,
  articles: readonly ExportedArticle[],
): Promise<number> {
  return db.transaction('rw', writeTables(db), async () => {
    let restored = 0;
    for (const { annotations, ...record } of articles) {
      const urlKeys = urlKeysOf(record);
      const resaved = await db.articles.where('urlKeys').anyOf(urlKeys).first();
      if (resaved && resaved.id !== record.id) continue;
      await db.articles.put({ ...record, urlKeys });
      await db.annotations.bulkPut(annotations);
      await refreshDerived(db, record.id);
      restored += 1;
    }
    return restored;
  });
}
