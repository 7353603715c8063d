/**
 * Rows derived from an article and its annotations, kept next to them so the popup never reads
 * article bodies to list or search: a small `card` per article for the list and its filters, and
 * a `searchDoc` with the article's distinct words, from which the search postings are kept
 * (see postings.ts).
 *
 * Both are keyed by the article's `listKey`, a number that sorts by first save date, so every
 * index on them yields keys already in recency order and intersecting two of them keeps it.
 * Every write to articles or annotations calls `refreshDerived` inside its own transaction.
 */
import type { Table } from 'dexie';
import { noteOf, type Annotation } from '../shared/annotation.ts';
import { isEditedByUser, type ArticleRecord } from '../shared/article.ts';
import { htmlText } from '../shared/article-html/html-text.ts';
import { hostOf } from '../shared/url.ts';
import { termSet } from '../search/tokenize.ts';
import { PostingChanges } from './posting-changes.ts';
import { ShardFiller } from './posting-shards.ts';
import { wordListOf, type WordList } from './postings.ts';
import type { MarginsDatabase, StoredArticle } from './schema.ts';

/** What one row of the list shows and filters on. */
export interface ArticleCard {
  key: number;
  id: string;
  kind: StoredArticle['kind'];
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  savedAt: string;
  excerpt: string | null;
  lang: string | null;
  dir: StoredArticle['dir'];
  tags: string[];
  /**
   * The filter fields are present only when set (cards written before may hold 0): a missing
   * value adds no entry to its index, and most cards of a library just synced or imported are
   * unread, not archived and without highlights. The filters look up only the set values; a first
   * sync writes about a tenth fewer IndexedDB entries per article.
   */
  highlightCount?: number;
  /** The user corrected title, author or date. */
  edited: boolean;
  /** Indexed flags are numbers: IndexedDB cannot index booleans. */
  read?: 0 | 1;
  archived?: 0 | 1;
  /** Site name (or host) for the site filter. */
  site: string;
  /** Publish date for sorting; '' when unknown, so undated articles sort last. */
  published: string;
}

/** The words of one article, split by how strongly a hit on them ranks. */
export interface SearchDoc {
  key: number;
  articleId: string;
  /** The posting shard its words are filed in (posting-shards.ts); kept while the article is. */
  shard: number;
  /** The distinct words of the body text that are not among `strongTerms`. */
  terms: WordList;
  /** Words of the title, author, site, tags, the user's notes and highlighted passages. */
  strongTerms: WordList;
  /**
   * Words of the title, author, site and tags only: the few words a two- or three-letter start
   * of a word is looked up in (see read/search.ts).
   */
  titleTerms: WordList;
}

/** Keys leave room for this many articles saved in the same millisecond (see allocateKey). */
export const KEYS_PER_MILLISECOND = 1024;

/** The site an article is filed under: its site name, or its host when the page named none. */
export function siteOf(article: Pick<StoredArticle, 'siteName' | 'url'>): string {
  return article.siteName?.trim() || hostOf(article.url);
}

export function cardOf(
  article: StoredArticle,
  key: number,
  annotations: Annotation[],
): ArticleCard {
  return {
    key,
    id: article.id,
    kind: article.kind,
    url: article.url,
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    publishedTime: article.publishedTime,
    savedAt: article.savedAt,
    excerpt: article.excerpt,
    lang: article.lang,
    dir: article.dir,
    tags: article.tags,
    ...(annotations.length > 0 ? { highlightCount: annotations.length } : {}),
    edited: isEditedByUser(article),
    ...(article.readAt ? { read: 1 } : {}),
    ...(article.archivedAt ? { archived: 1 } : {}),
    site: siteOf(article),
    published: article.publishedTime ?? '',
  };
}

/** The part of a search row that takes time to make: an article's words, by field. */
export type SearchWords = Pick<SearchDoc, 'terms' | 'strongTerms' | 'titleTerms'>;

export function searchWordsOf(
  article: ArticleRecord,
  annotations: readonly Annotation[],
): SearchWords {
  const highlighted = annotations.flatMap((annotation) => [
    annotation.target.selector[0].exact,
    noteOf(annotation),
  ]);
  const named = termSet(
    article.title,
    article.authors.join(' '),
    article.byline,
    article.siteName,
    hostOf(article.url),
    article.tags.join(' '),
  );
  const strong = new Set([...named, ...termSet(article.note, ...highlighted)]);
  // A word is stored once: search looks in both lists, so the body's list leaves out strong ones.
  const terms = termSet(htmlText(article.contentHtml));
  for (const term of strong) terms.delete(term);
  return {
    terms: wordListOf(terms),
    strongTerms: wordListOf(strong),
    titleTerms: wordListOf(named),
  };
}

/** `words`: the article's, when they were made ahead (see deriveCreated). */
export function searchDocOf(
  article: StoredArticle,
  key: number,
  annotations: readonly Annotation[],
  shard: number,
  words: SearchWords = searchWordsOf(article, annotations),
): SearchDoc {
  return { key, articleId: article.id, shard, ...words };
}

/** The tables a write must hold so the derived rows change in the same transaction. */
export function writeTables(db: MarginsDatabase): Table[] {
  return [db.articles, db.annotations, db.cards, db.searchDocs, db.postings, db.syncOutbox];
}

/** Articles changed now: the next sync sends them (see src/sync/). */
export async function markForSync(db: MarginsDatabase, articleIds: readonly string[]) {
  const changedAt = Date.now();
  await db.syncOutbox.bulkPut(articleIds.map((articleId) => ({ articleId, changedAt })));
}

/** The first list key an article first saved at `savedAt` may take. */
export function baseKeyOf(savedAt: string): number {
  const millis = Date.parse(savedAt);
  return (Number.isFinite(millis) ? millis : 0) * KEYS_PER_MILLISECOND;
}

/**
 * A free list key for an article first saved at `savedAt`. When that millisecond's keys are all
 * taken (an import of thousands of undated links gives them all the same time), the next
 * milliseconds' keys are used: the article lists a moment newer than it is rather than not at all.
 */
export async function allocateKey(
  isTaken: (key: number) => Promise<boolean>,
  savedAt: string,
): Promise<number> {
  let key = baseKeyOf(savedAt);
  while (await isTaken(key)) key += 1;
  return key;
}

/**
 * Brings the card and search words of one article up to date with it and its annotations, or
 * removes them when the article is gone. Must run inside a transaction over `writeTables`.
 * With `changes`, posting updates are left there for the caller to apply with others at once.
 */
export async function refreshDerived(
  db: MarginsDatabase,
  articleId: string,
  changes?: PostingChanges,
): Promise<void> {
  const postings = changes ?? new PostingChanges();
  await refreshRows(db, articleId, postings);
  // Every change to an article or its annotations passes here: it waits to be synced.
  await markForSync(db, [articleId]);
  if (!changes) await postings.applyTo(db.postings);
}

async function refreshRows(
  db: MarginsDatabase,
  articleId: string,
  postings: PostingChanges,
): Promise<void> {
  const [article, previous] = await Promise.all([
    db.articles.get(articleId),
    db.cards.get({ id: articleId }),
  ]);
  const previousDoc = previous ? await db.searchDocs.get(previous.key) : undefined;
  if (previousDoc) postings.removeDoc(previousDoc);
  if (!article) {
    if (previous)
      await Promise.all([db.cards.delete(previous.key), db.searchDocs.delete(previous.key)]);
    return;
  }
  const sameSaveDate = previous !== undefined && previous.savedAt === article.savedAt;
  const key = sameSaveDate
    ? previous.key
    : await allocateKey(
        async (candidate) => (await db.cards.get(candidate)) !== undefined,
        article.savedAt,
      );
  if (previous && !sameSaveDate) {
    await Promise.all([db.cards.delete(previous.key), db.searchDocs.delete(previous.key)]);
  }
  const annotations = await db.annotations.where('articleId').equals(articleId).toArray();
  const shard = previousDoc?.shard ?? (await ShardFiller.open(db)).next();
  const doc = searchDocOf(article, key, annotations, shard);
  postings.addDoc(doc);
  await Promise.all([db.cards.put(cardOf(article, key, annotations)), db.searchDocs.put(doc)]);
}
