/**
 * Derived rows (list cards, search words, postings) for many articles at once, for the writers
 * that bring thousands of articles in one transaction: an import and a first sync.
 */
import type { Annotation } from '../shared/annotation.ts';
import { groupBy } from '../shared/group-by.ts';
import {
  allocateKey,
  baseKeyOf,
  cardOf,
  KEYS_PER_MILLISECOND,
  refreshDerived,
  searchDocOf,
  type ArticleCard,
  type SearchDoc,
  type SearchWords,
} from './derived.ts';
import type { PostingChanges } from './posting-changes.ts';
import { BULK_SHARD_ARTICLES, ShardFiller } from './posting-shards.ts';
import type { MarginsDatabase, StoredArticle } from './schema.ts';

/** Articles whose derived rows are refreshed at the same time (see refreshInParallel). */
const PARALLEL_REFRESHES = 32;

/**
 * Refreshes the derived rows of many articles. Two articles first saved in the same millisecond
 * compete for list keys (allocateKey), so those are refreshed one after another; the others go
 * side by side, which lets IndexedDB pipeline the requests. A millisecond with more articles than
 * keys spills into the next ones' keys, so then all are refreshed one after another.
 */
export async function refreshInParallel(
  db: MarginsDatabase,
  articles: readonly StoredArticle[],
  postings: PostingChanges,
  onDone: () => void,
): Promise<void> {
  const lanes = [...groupBy(articles, (article) => baseKeyOf(article.savedAt)).values()];
  const spills = lanes.some((lane) => lane.length > KEYS_PER_MILLISECOND);
  const queue = spills ? [[...articles]] : lanes;
  const worker = async () => {
    for (let lane = queue.pop(); lane; lane = queue.pop()) {
      for (const article of lane) {
        await refreshDerived(db, article.id, postings);
        onDone();
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_REFRESHES }, worker));
}

/**
 * The list cards and search words of articles new to the collection, made in memory with the
 * same functions `refreshDerived` uses and written in bulk: refreshing 10,000 new articles one
 * by one costs six requests each, several times the import's own writes. Keys are allocated
 * against every key already taken, read once. Articles already saved go through refreshDerived.
 * `madeWords` has the search words of the articles whose words were made ahead, by id.
 */
export async function deriveCreated(
  db: MarginsDatabase,
  created: readonly StoredArticle[],
  annotations: readonly Annotation[],
  postings: PostingChanges,
  madeWords: ReadonlyMap<string, SearchWords> = new Map(),
): Promise<{ cards: ArticleCard[]; searchDocs: SearchDoc[] }> {
  // In the order refreshDerived reads them: the articleId index, then the id.
  const byArticle = groupBy(
    [...annotations].sort((a, b) => (a.id < b.id ? -1 : 1)),
    (annotation) => annotation.articleId,
  );
  // Rows left behind by an article deleted outside a transaction would block the unique id index.
  const ids = created.map((article) => article.id);
  const stale = (await db.cards.where('id').anyOf(ids).primaryKeys()) as number[];
  for (const doc of await db.searchDocs.bulkGet(stale)) if (doc) postings.removeDoc(doc);
  await Promise.all([db.cards.bulkDelete(stale), db.searchDocs.bulkDelete(stale)]);
  const taken = new Set((await db.cards.toCollection().primaryKeys()) as number[]);
  const shards = await ShardFiller.open(db, BULK_SHARD_ARTICLES);
  const cards: ArticleCard[] = [];
  const searchDocs: SearchDoc[] = [];
  for (const article of created) {
    const key = await allocateKey(
      (candidate) => Promise.resolve(taken.has(candidate)),
      article.savedAt,
    );
    taken.add(key);
    const own = byArticle.get(article.id) ?? [];
    cards.push(cardOf(article, key, own));
    const doc = searchDocOf(article, key, own, shards.next(), madeWords.get(article.id));
    postings.addDoc(doc);
    searchDocs.push(doc);
  }
  postings.shardsWereEmpty(shards.emptyBefore());
  return { cards, searchDocs };
}
