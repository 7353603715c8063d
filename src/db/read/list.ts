/**
 * What the list shows: the keys of the articles matching the search box, the filters and the
 * sort order, in display order. Only keys are read here (from indexes), so a collection of ten
 * thousand articles costs a few index scans; the rows on screen are read by `cardsFor`.
 */
import type { IndexableType } from 'dexie';
import type { ArticleCard } from './derived.ts';
import type { MarginsDatabase } from './schema.ts';
import { searchKeys } from './search.ts';

export type SortOrder = 'saved' | 'published';
export type ReadFilter = 'all' | 'unread' | 'read';

export interface ListFilter {
  tag: string | null;
  site: string | null;
  withHighlights: boolean;
  read: ReadFilter;
  /** Show the archive instead of the main list. */
  archived: boolean;
}

export interface ListQuery {
  text: string;
  filter: ListFilter;
  sort: SortOrder;
}

export const NO_FILTER: ListFilter = {
  tag: null,
  site: null,
  withHighlights: false,
  read: 'all',
  archived: false,
};

const asKeys = (keys: IndexableType[]) => new Set(keys as number[]);

async function orderedKeys(db: MarginsDatabase, query: ListQuery): Promise<number[]> {
  const found = await searchKeys(db, query.text);
  if (found !== null) return found;
  const keys =
    query.sort === 'published'
      ? await db.cards.orderBy('published').reverse().primaryKeys()
      : await db.cards.toCollection().reverse().primaryKeys();
  return keys as number[];
}

/** Each active filter as a test on a key, each read from its own index. */
async function filterTests(
  db: MarginsDatabase,
  filter: ListFilter,
): Promise<((key: number) => boolean)[]> {
  const tests: Promise<(key: number) => boolean>[] = [];
  const keep = (set: Set<number>) => (key: number) => set.has(key);
  const drop = (set: Set<number>) => (key: number) => !set.has(key);
  const archived = db.cards.where('archived').equals(1).primaryKeys().then(asKeys);
  tests.push(archived.then(filter.archived ? keep : drop));
  if (filter.tag !== null) {
    tests.push(db.cards.where('tags').equals(filter.tag).primaryKeys().then(asKeys).then(keep));
  }
  if (filter.site !== null) {
    tests.push(db.cards.where('site').equals(filter.site).primaryKeys().then(asKeys).then(keep));
  }
  if (filter.withHighlights) {
    tests.push(db.cards.where('highlightCount').above(0).primaryKeys().then(asKeys).then(keep));
  }
  if (filter.read !== 'all') {
    const read = db.cards.where('read').equals(1).primaryKeys().then(asKeys);
    tests.push(read.then(filter.read === 'read' ? keep : drop));
  }
  return Promise.all(tests);
}

export async function listKeys(db: MarginsDatabase, query: ListQuery): Promise<number[]> {
  const [keys, tests] = await Promise.all([orderedKeys(db, query), filterTests(db, query.filter)]);
  return keys.filter((key) => tests.every((test) => test(key)));
}

/** The cards of these keys, in the same order; a key deleted meanwhile is left out. */
export async function cardsFor(db: MarginsDatabase, keys: number[]): Promise<ArticleCard[]> {
  const cards = await db.cards.bulkGet(keys);
  return cards.filter((card): card is ArticleCard => card !== undefined);
}

/** Every tag and site in the collection, for the filters and tag completion. */
export async function listFacets(
  db: MarginsDatabase,
): Promise<{ tags: string[]; sites: string[] }> {
  const [tags, sites] = await Promise.all([
    db.cards.orderBy('tags').uniqueKeys(),
    db.cards.orderBy('site').uniqueKeys(),
  ]);
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  return {
    tags: (tags as string[]).sort(collator.compare),
    sites: (sites as string[]).filter(Boolean).sort(collator.compare),
  };
}
