/**
 * Upgrade functions, one per schema version, append-only: each turns records written by the
 * version before into the current shape. Never edit one that shipped; add the next.
 */
import type { Table, Transaction } from 'dexie';
import type { Annotation } from '../shared/annotation.ts';
import { groupBy } from '../shared/group-by.ts';
import { allocateKey, cardOf, searchDocOf, type SearchDoc } from './derived.ts';
import { PostingChanges } from './posting-changes.ts';
import { SHARD_ARTICLES } from './posting-shards.ts';
import { wordListOf, type Posting, type PostingId, type WordList } from './postings.ts';
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
    // Shard 0 until version 8's upgrade files every article in its shard.
    await tx.table('searchDocs').put(searchDocOf(article, key, annotations, 0));
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
      docs.push(searchDocOf(article, key, annotations, 0));
    }
    await tx.table('searchDocs').bulkPut(docs);
  }
}

/** Version 7's search row: each list of words an array. */
type SearchDocBefore8 = Omit<SearchDoc, 'shard' | 'terms' | 'strongTerms' | 'titleTerms'> &
  Record<'terms' | 'strongTerms' | 'titleTerms', string[] | WordList>;

const asWordList = (words: string[] | WordList): WordList =>
  Array.isArray(words) ? wordListOf(words) : words;

/**
 * Version 8: search postings in shards of a few hundred articles each (posting-shards.ts)
 * instead of twelve days of saves; every article is filed in one, oldest first, and the postings
 * are built again. Version 6 built them by date; it now leaves that to this upgrade. Search
 * rows keep their words as one string per list.
 */
export async function upgradeToVersion8(tx: Transaction): Promise<void> {
  const docs = tx.table('searchDocs') as Table<SearchDocBefore8 | SearchDoc, number>;
  const table = tx.table('postings') as Table<Posting, PostingId>;
  await table.clear();
  const postings = new PostingChanges();
  const keys = (await docs.toCollection().primaryKeys()) as number[];
  const shards = new Set<number>();
  for (let at = 0; at < keys.length; at += REBUILD_BATCH) {
    const batch = (await docs.bulkGet(keys.slice(at, at + REBUILD_BATCH))).flatMap((doc, index) => {
      if (!doc) return [];
      const shard = Math.floor((at + index) / SHARD_ARTICLES);
      shards.add(shard);
      const upgraded: SearchDoc = {
        key: doc.key,
        articleId: doc.articleId,
        shard,
        terms: asWordList(doc.terms),
        strongTerms: asWordList(doc.strongTerms),
        titleTerms: asWordList(doc.titleTerms),
      };
      return [upgraded];
    });
    for (const doc of batch) postings.addDoc(doc);
    await docs.bulkPut(batch);
  }
  postings.shardsWereEmpty(shards);
  await postings.applyTo(table);
}

/**
 * Version 10: articles drop `textContent`, the body's text, which repeated the body's HTML; it is
 * derived from `contentHtml` where it is needed. Search rows keep the words they hold.
 */
export async function upgradeToVersion10(tx: Transaction): Promise<void> {
  await tx
    .table('articles')
    .toCollection()
    .modify((article: Record<string, unknown>) => {
      delete article.textContent;
    });
}
