/**
 * The list's search text, filters, sort and scroll position, kept between openings of the
 * popup (which is a new page each time) in the extension's own localStorage: synchronous, so
 * the first paint already shows what the user left.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import { NO_FILTER, type ListFilter, type ListQuery, type SortOrder } from '../db/read/list.ts';

export interface ListState extends ListQuery {
  scrollTop: number;
}

const STORAGE_KEY = 'margins.list';
const READ_FILTERS = ['all', 'unread', 'read'] as const;

export const INITIAL_LIST_STATE: ListState = {
  text: '',
  filter: NO_FILTER,
  sort: 'saved',
  scrollTop: 0,
};

const text = (value: unknown, fallback: string | null) =>
  typeof value === 'string' ? value : fallback;

/** Reads what was stored, field by field: anything unexpected falls back to the default. */
export function parseListState(raw: string | null): ListState {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    return INITIAL_LIST_STATE;
  }
  const filter = (stored.filter ?? {}) as Record<string, unknown>;
  const read = READ_FILTERS.find((value) => value === filter.read) ?? 'all';
  const sort: SortOrder = stored.sort === 'published' ? 'published' : 'saved';
  const listFilter: ListFilter = {
    tag: text(filter.tag, null),
    site: text(filter.site, null),
    withHighlights: filter.withHighlights === true,
    read,
    archived: filter.archived === true,
  };
  const scrollTop = typeof stored.scrollTop === 'number' ? Math.max(0, stored.scrollTop) : 0;
  return { text: text(stored.text, '') ?? '', filter: listFilter, sort, scrollTop };
}

/** What the library list showed when it was last open (search, filters, sort). */
export function readStoredListState(): ListState {
  try {
    return parseListState(localStorage.getItem(STORAGE_KEY));
  } catch {
    return INITIAL_LIST_STATE;
  }
}

export function useListState(): [ListState, (change: Partial<ListState>) => void] {
  const [state, setState] = useState<ListState>(readStoredListState);
  // Written as soon as the change is drawn: an effect would wait for the next frame (or 35 ms in
  // a popup that is not painting), and a popup closed right after the user emptied the search
  // would open next time on the old one.
  useLayoutEffect(() => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch {
      // Storage refused (private mode, quota): the list still works, it just starts fresh.
    }
  }, [state]);
  const update = (change: Partial<ListState>) => setState((current) => ({ ...current, ...change }));
  return [state, update];
}
