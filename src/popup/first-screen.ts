/**
 * The list's first screen, read as soon as the popup's script starts, while the popup still
 * waits for other answers (which tab it is in, the settings): when the list mounts, its keys
 * and rows are already there or on their way, with no further round trip to the database.
 * Each prefetched answer is handed out once; every later read is a live query.
 */
import type { ArticleCard } from '../db/derived.ts';
import { libraryGeneration } from '../db/read/changes.ts';
import type { LibraryReader } from '../db/read/idb.ts';
import { cardsFor, listKeys, type ListQuery } from '../db/read/list.ts';
import { DEFAULT_VIEWPORT, windowOf } from './components/VirtualList.tsx';
import type { ListState } from '../ui/list-state.ts';

/** Fixed row height (CSS pixels): the list positions rows without measuring them. */
export const ROW_HEIGHT = 88;

interface Prefetch {
  /** The library's generation when the reads started: a write since makes them stale. */
  generation: number;
  query: string;
  keys: Promise<number[]> | null;
  rows: { keys: string; cards: Promise<ArticleCard[]> } | null;
}

let prefetch: Prefetch | null = null;

const queryOf = ({ text, filter, sort }: ListQuery) => JSON.stringify({ text, filter, sort });

export function prefetchFirstScreen(reader: Promise<LibraryReader>, state: ListState): void {
  const generation = libraryGeneration();
  const keys = reader.then((opened) => listKeys(opened, state));
  const { start, end } = windowOf(state.scrollTop, DEFAULT_VIEWPORT, ROW_HEIGHT, Infinity);
  const firstKeys = keys.then((all) => all.slice(start, end));
  const cards = Promise.all([reader, firstKeys]).then(([opened, some]) => cardsFor(opened, some));
  // Unused or failed prefetches must not surface as unhandled rejections: the live queries
  // read again and report.
  keys.catch(() => undefined);
  cards.catch(() => undefined);
  prefetch = { generation, query: queryOf(state), keys, rows: null };
  void firstKeys.then(
    (some) => {
      if (prefetch) prefetch.rows = { keys: some.join(','), cards };
    },
    () => undefined,
  );
}

const isStale = (fetched: Prefetch) => fetched.generation !== libraryGeneration();

/** The prefetched keys, if they answer this query and were not handed out yet. */
export function takePrefetchedKeys(query: ListQuery): Promise<number[]> | null {
  if (!prefetch?.keys || prefetch.query !== queryOf(query) || isStale(prefetch)) return null;
  const { keys } = prefetch;
  prefetch.keys = null;
  return keys;
}

/** The prefetched rows, if they are these keys' and were not handed out yet. */
export function takePrefetchedRows(keys: number[]): Promise<ArticleCard[]> | null {
  if (!prefetch?.rows || prefetch.rows.keys !== keys.join(',') || isStale(prefetch)) return null;
  const { cards } = prefetch.rows;
  prefetch = null;
  return cards;
}
