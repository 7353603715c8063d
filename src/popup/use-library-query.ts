/**
 * Runs a read of the library and runs it again whenever any context commits a write, keeping
 * the last answer on screen while a new one is read (no flash of "Loading").
 */
import { useEffect, useState } from 'preact/hooks';
import type { LibraryReader } from '../db/read/idb.ts';
import { libraryGeneration, onLibraryChange } from '../db/read/changes.ts';

export type QueryState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: Error };

export function useLibraryQuery<T>(
  reader: LibraryReader,
  query: (reader: LibraryReader) => Promise<T>,
  deps: unknown[],
): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  useEffect(() => {
    let latest = 0;
    const run = (): void => {
      const ticket = ++latest;
      const readAt = libraryGeneration();
      query(reader).then(
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
    const stop = onLibraryChange(run);
    return () => {
      latest = -1;
      stop();
    };
    // The caller lists what the query depends on, as with useEffect.
  }, [reader, ...deps]);
  return state;
}
