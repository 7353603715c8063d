/**
 * What the list shows: the keys of the articles matching the search box, the filters and the
 * sort order, in display order. Only keys are read here (from indexes), so a collection of ten
 * thousand articles costs a few index scans; the rows on screen are read by `cardsFor`.
 */
import type { ArticleCard } from '../derived.ts';
import type { IndexName } from '../schema-description.ts';
import type { LibraryReader } from './idb.ts';
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

type KeyTest = (key: number) => boolean;

async function orderedKeys(reader: LibraryReader, query: ListQuery): Promise<number[]> {
  const found = await searchKeys(reader, query.text);
  if (found !== null) return found;
  const keys =
    query.sort === 'published'
      ? await reader.keysByIndex('cards', 'published')
      : await reader.allKeys('cards');
  // IndexedDB gives ascending order; the list shows the newest first.
  return (keys as number[]).reverse();
}

/** Each active filter as a test on a key, each read from its own index. */
async function filterTests(reader: LibraryReader, filter: ListFilter): Promise<KeyTest[]> {
  const keysWhere = async (index: IndexName<'cards'>, value: IDBValidKey | IDBKeyRange) =>
    new Set((await reader.keysByIndex('cards', index, value)) as number[]);
  const keep =
    (set: Set<number>): KeyTest =>
    (key) =>
      set.has(key);
  const drop =
    (set: Set<number>): KeyTest =>
    (key) =>
      !set.has(key);
  const tests: Promise<KeyTest>[] = [keysWhere('archived', 1).then(filter.archived ? keep : drop)];
  if (filter.tag !== null) tests.push(keysWhere('tags', filter.tag).then(keep));
  if (filter.site !== null) tests.push(keysWhere('site', filter.site).then(keep));
  if (filter.withHighlights) {
    tests.push(keysWhere('highlightCount', IDBKeyRange.lowerBound(0, true)).then(keep));
  }
  if (filter.read !== 'all') {
    tests.push(keysWhere('read', 1).then(filter.read === 'read' ? keep : drop));
  }
  return Promise.all(tests);
}

export async function listKeys(reader: LibraryReader, query: ListQuery): Promise<number[]> {
  const [keys, tests] = await Promise.all([
    orderedKeys(reader, query),
    filterTests(reader, query.filter),
  ]);
  return keys.filter((key) => tests.every((test) => test(key)));
}

/** The cards of these keys, in the same order; a key deleted meanwhile is left out. */
export async function cardsFor(reader: LibraryReader, keys: number[]): Promise<ArticleCard[]> {
  const cards = await reader.getMany<ArticleCard>('cards', keys);
  return cards.filter((card): card is ArticleCard => card !== undefined);
}

/** Every tag and site in the collection, for the filters and tag completion. */
export async function listFacets(
  reader: LibraryReader,
): Promise<{ tags: string[]; sites: string[] }> {
  const [tags, sites] = await Promise.all([
    reader.uniqueIndexValues('cards', 'tags'),
    reader.uniqueIndexValues('cards', 'site'),
  ]);
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  return {
    tags: (tags as string[]).sort(collator.compare),
    sites: (sites as string[]).filter(Boolean).sort(collator.compare),
  };
}
