/**
 * The user's corrections of an article's metadata. Each corrected field is marked with the
 * source 'user', and a later save of the same page keeps it (see `keepUserEdits`).
 */
import {
  EDITABLE_FIELDS,
  type ArticleRecord,
  type EditableField,
  type StoredSnapshot,
} from '../shared/article.ts';
import type { ArticleEdits } from '../shared/protocol.ts';
import { MarginsError } from '../shared/protocol.ts';
import { refreshDerived, writeTables } from './derived.ts';
import { toRecord } from './records.ts';
import type { MarginsDatabase, StoredArticle } from './schema.ts';

/** "Jane Doe, John Roe; Ann Poe" → each author once, in order. */
export function splitAuthors(byline: string | null): string[] {
  if (!byline) return [];
  const names = byline.split(/\s*[,;]\s*|\s+(?:and|et|und|y|e)\s+|\s*&\s*/i);
  return [...new Set(names.map((name) => name.trim()).filter(Boolean))];
}

export async function editArticle(
  db: MarginsDatabase,
  articleId: string,
  edits: ArticleEdits,
  now: Date,
): Promise<ArticleRecord> {
  return db.transaction('rw', writeTables(db), async () => {
    const stored = await db.articles.get(articleId);
    if (!stored) throw new MarginsError('not-found', articleId);
    const next: StoredArticle = { ...stored, fieldSources: { ...stored.fieldSources } };
    for (const field of EDITABLE_FIELDS) {
      const value = edits[field];
      if (value === undefined) continue;
      const cleaned = value === null ? null : value.trim() || null;
      if (field === 'title') next.title = cleaned ?? '';
      else next[field] = cleaned;
      next.fieldSources[field] = 'user';
    }
    if (edits.byline !== undefined) next.authors = splitAuthors(next.byline);
    next.updatedAt = now.toISOString();
    await db.articles.put(next);
    await refreshDerived(db, articleId);
    return toRecord(next);
  });
}

/**
 * A fresh snapshot of a page the user corrected: the corrected fields keep the user's values
 * (and the 'user' mark); everything else comes from the page.
 */
export function keepUserEdits(snapshot: StoredSnapshot, existing: StoredArticle): StoredSnapshot {
  const merged: StoredSnapshot = { ...snapshot, fieldSources: { ...snapshot.fieldSources } };
  const userFields = EDITABLE_FIELDS.filter((field) => existing.fieldSources?.[field] === 'user');
  for (const field of userFields as EditableField[]) {
    if (field === 'title') merged.title = existing.title;
    else merged[field] = existing[field];
    merged.fieldSources[field] = 'user';
  }
  if (userFields.includes('byline')) merged.authors = existing.authors;
  return merged;
}
