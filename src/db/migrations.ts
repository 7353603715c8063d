/**
 * Upgrade functions, one per schema version, append-only: each turns records written by the
 * version before into the current shape. Never edit one that shipped; add the next.
 */
import type { Table, Transaction } from 'dexie';
import type { Annotation } from '../shared/annotation.ts';
import { groupBy } from '../shared/group-by.ts';
import { allocateKey, cardOf, searchDocOf, type SearchDoc } from './derived.ts';
import { PostingChanges } from './posting-changes.ts';
import type { Posting, PostingId } from './postings.ts';
import type { StoredArticle } from './schema.ts';

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

/**
 * Version 4: articles gain read and archived state (none of them read or archived yet), and
 * each gets its list card and search words.
 */
export async function upgradeToVersion4(tx: Transaction): Promise<void> {
  const annotationsByArticle = groupBy(
    (await tx.table('annotations').toArray()) as Annotation[],
    (annotation) => annotation.articleId,
  );
  const taken = new Set<number>();
  const articles = tx.table('articles');
  const stored = (await articles.toArray()) as StoredArticle[];
  for (const article of stored) {
    article.readAt ??= null;
    article.archivedAt ??= null;
    const key = await allocateKey(async (candidate) => taken.has(candidate), article.savedAt);
    taken.add(key);
    const annotations = annotationsByArticle.get(article.id) ?? [];
    await articles.put(article);
    await tx.table('cards').put(cardOf(article, key, annotations));
    await tx.table('searchDocs').put(searchDocOf(article, key, annotations));
  }
}

/** Articles read at a time while search words are rebuilt: bodies are large. */
const REBUILD_BATCH = 200;

/** Version 5: every article's search words again, now with the title words apart. */
export async function upgradeToVersion5(tx: Transaction): Promise<void> {
  const keyOf = new Map<string, number>();
  await tx.table('cards').each((card: { id: string; key: number }) => keyOf.set(card.id, card.key));
  const ids = (await tx.table('articles').toCollection().primaryKeys()) as string[];
  for (let at = 0; at < ids.length; at += REBUILD_BATCH) {
    const batch = ids.slice(at, at + REBUILD_BATCH);
    const articles = (await tx.table('articles').bulkGet(batch)) as (StoredArticle | undefined)[];
    const docs = [];
    for (const article of articles) {
      const key = article ? keyOf.get(article.id) : undefined;
      if (!article || key === undefined) continue;
      const annotations = (await tx
        .table('annotations')
        .where('articleId')
        .equals(article.id)
        .toArray()) as Annotation[];
      docs.push(searchDocOf(article, key, annotations));
    }
    await tx.table('searchDocs').bulkPut(docs);
  }
}

/** Version 6: the search postings, built from every article's search words. */
export async function upgradeToVersion6(tx: Transaction): Promise<void> {
  const postings = new PostingChanges();
  await tx.table('searchDocs').each((doc: SearchDoc) => postings.addDoc(doc));
  await postings.applyTo(tx.table('postings') as Table<Posting, PostingId>);
}
