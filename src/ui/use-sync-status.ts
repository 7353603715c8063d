/**
 * The sync status as pages see it: read from `storage.local`, where the background keeps it, and
 * followed through `storage.onChanged`. Pages never ask the server anything themselves.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser.ts';
import { parseSyncStatus, SYNC_STATUS_KEY, type SyncStatus } from '../shared/sync-status.ts';

/**
 * The stored status (null until it has been read), and a way to show a status the background
 * just answered with: it wrote that status before answering, so any later change is newer.
 */
export function useSyncStatus(): [SyncStatus | null, (status: SyncStatus) => void] {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let current = true;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[SYNC_STATUS_KEY];
      if (area === 'local' && change) setStatus(parseSyncStatus(change.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    browser.storage.local.get(SYNC_STATUS_KEY).then(
      (stored) => {
        // A change that arrived meanwhile is newer than what was read.
        if (current) setStatus((seen) => seen ?? parseSyncStatus(stored[SYNC_STATUS_KEY]));
      },
      () => {
        if (current) setStatus((seen) => seen ?? parseSyncStatus(undefined));
      },
    );
    return () => {
      current = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return [status, setStatus];
}

/**
 * The current time, moving on every `everyMs`: a sync whose worker stopped reporting stops
 * looking like it runs, and "3 minutes ago" stays true, without any change in storage.
 */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
