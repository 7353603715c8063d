/**
 * Writing and reading article records. Only the background writes; pages read.
 */
import { storedFieldsOf, type ArticleRecord, type ArticleSnapshot } from '../shared/article.ts';
import type { UndoToken } from '../shared/protocol.ts';
import { urlKeysOf } from '../shared/url.ts';
import { refreshDerived, writeTables } from './derived.ts';
import { keepUserEdits } from './edits.ts';
import { imageTables, releaseImages } from './images.ts';
import { toRecord } from './records.ts';
import type { MarginsDatabase, StoredArticle } from './schema.ts';

export interface StoredSave {
  status: 'created' | 'updated';
  article: ArticleRecord;
  undo: UndoToken;
}

/**
 * Stores a snapshot in one transaction. The same normalised or canonical address updates the
 * existing record (keeping its id, first save date, tags and note) instead of adding a copy.
 */
export async function saveSnapshot(
  db: MarginsDatabase,
  snapshot: ArticleSnapshot,
  now: Date,
  newId: () => string = () => crypto.randomUUID(),
): Promise<StoredSave> {
  const urlKeys = urlKeysOf(snapshot);
  const fields = storedFieldsOf(snapshot);
  const timestamp = now.toISOString();
  return db.transaction('rw', writeTables(db), async () => {
    const existing = await db.articles.where('urlKeys').anyOf(urlKeys).first();
    const stored: StoredArticle = existing
      ? {
          ...existing,
          ...keepUserEdits(fields, existing),
          urlKeys: [...new Set([...existing.urlKeys, ...urlKeys])],
          updatedAt: timestamp,
        }
      : {
          ...fields,
          id: newId(),
          savedAt: timestamp,
          updatedAt: timestamp,
          tags: [],
          note: '',
          readAt: null,
          archivedAt: null,
          urlKeys,
        };
    await db.articles.put(stored);
    await refreshDerived(db, stored.id);
    return {
      status: existing ? 'updated' : 'created',
      article: toRecord(stored),
      undo: { articleId: stored.id, previous: existing ? toRecord(existing) : null },
    };
  });
}

/** Reverses one save: deletes the record it created or restores the one it replaced. */
export async function undoSave(db: MarginsDatabase, undo: UndoToken): Promise<boolean> {
  return db.transaction('rw', [...writeTables(db), ...imageTables(db)], async () => {
    const current = await db.articles.get(undo.articleId);
    if (!current) return false;
    if (undo.previous === null) {
      await db.articles.delete(undo.articleId);
      await db.annotations.where('articleId').equals(undo.articleId).delete();
      await releaseImages(db, [undo.articleId]);
    } else {
      await db.articles.put({ ...undo.previous, urlKeys: urlKeysOf(undo.previous) });
    }
    await refreshDerived(db, undo.articleId);
    return true;
  });
}

/** The newest `limit` articles, read from the savedAt index without loading the collection. */
export async function listNewest(db: MarginsDatabase, limit: number): Promise<ArticleRecord[]> {
  const rows = await db.articles.orderBy('savedAt').reverse().limit(limit).toArray();
  return rows.map(toRecord);
}

export async function countArticles(db: MarginsDatabase): Promise<number> {
  return db.articles.count();
}

/**
 * Fills a "Link only" record with the article fetched for it: the page's text and metadata
 * replace the link's, and what the record holds of the user's stays (tags, note, read and
 * archive state, save date, corrections, the address it was saved under). The link leaves the
 * fetch queue in the same transaction. Null when the record was deleted meanwhile.
 */
export async function fillFetchedArticle(
  db: MarginsDatabase,
  articleId: string,
  snapshot: ArticleSnapshot,
  now: Date,
): Promise<ArticleRecord | null> {
  return db.transaction('rw', [...writeTables(db), db.fetchQueue], async () => {
    await db.fetchQueue.delete(articleId);
    const existing = await db.articles.get(articleId);
    if (!existing) return null;
    const stored: StoredArticle = {
      ...existing,
      ...keepUserEdits({ ...storedFieldsOf(snapshot), url: existing.url }, existing),
      urlKeys: [...new Set([...existing.urlKeys, ...urlKeysOf(snapshot)])],
      updatedAt: now.toISOString(),
    };
    await db.articles.put(stored);
    await refreshDerived(db, articleId);
    return toRecord(stored);
  });
}
