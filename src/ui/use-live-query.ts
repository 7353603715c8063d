/**
 * The one way a page shows what the library holds and keeps it current: the query runs, and runs
 * again whenever any context (the background, the import page, another window) commits a write
 * to a store it reads, keeping the last answer on screen while the next is read (no flash of
 * "Loading"). The query may read through Dexie or the Dexie-free reader (db/read/) alike.
 */
import { useEffect, useState } from 'preact/hooks';
import { libraryGeneration, onLibraryChange, type StoreName } from '../db/read/changes.ts';

export type LiveState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: Error };

/**
 * `stores`: every store the query reads (a write elsewhere does not run it again); `deps`: what
 * the query depends on, as with useEffect.
 */
export function useLiveQuery<T>(
  stores: readonly StoreName[],
  query: () => Promise<T>,
  deps: readonly unknown[],
): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  useEffect(() => {
    // Only the answer of the latest run is shown: an earlier one may arrive after it.
    let latest = 0;
    const run = (): void => {
      const ticket = ++latest;
      const readAt = libraryGeneration();
      query().then(
        (value) => {
          if (ticket !== latest) return;
          setState({ status: 'ready', value });
          // A write committed while this was read: read again rather than show stale data.
          if (libraryGeneration() !== readAt) run();
        },
        (error: unknown) =>
          ticket === latest &&
          setState({
            status: 'failed',
            error: error instanceof Error ? error : new Error(String(error)),
          }),
      );
    };
    run();
    const stop = onLibraryChange(run, stores);
    return () => {
      latest = -1;
      stop();
    };
  }, deps);
  return state;
}
