/**
 * The sync status as pages see it: read from `storage.local`, where the background keeps it, and
 * followed through `storage.onChanged`. Pages never ask the server anything themselves.
 */
import { useEffect, useState } from 'preact/hooks';
import { parseSyncStatus, SYNC_STATUS_KEY, type SyncStatus } from '../shared/sync-status.ts';
import { useStoredValue } from './use-stored-value.ts';

/** The sync status (null until it has been read); see useStoredValue. */
export function useSyncStatus(): [SyncStatus | null, (status: SyncStatus) => void] {
  return useStoredValue(SYNC_STATUS_KEY, parseSyncStatus);
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
