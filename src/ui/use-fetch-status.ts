/**
 * The status of the background's fetching of imported links' articles, as pages see it: read
 * from `storage.local`, where the background keeps it, and followed through `storage.onChanged`.
 */
import { formatCount, plural, t } from '../shared/i18n.ts';
import {
  FETCH_STATUS_KEY,
  parseFetchStatus,
  type ArticleFetchStatus,
} from '../shared/article-fetch.ts';
import { useStoredValue } from './use-stored-value.ts';

/** The fetch's status (null until it has been read); see useStoredValue. */
export function useFetchStatus(): [
  ArticleFetchStatus | null,
  (status: ArticleFetchStatus) => void,
] {
  return useStoredValue(FETCH_STATUS_KEY, parseFetchStatus);
}

/** How far the fetch has gone, from 0 to 1 (a failed link counts as done). */
export function fetchProgressFraction(status: ArticleFetchStatus): number {
  const total = status.fetched + status.waiting + status.failed;
  return total === 0 ? 1 : (status.fetched + status.failed) / total;
}

/** "1,240 of 5,999 articles fetched — 37 failed", in the user's language. */
export function fetchProgressText(status: ArticleFetchStatus): string {
  const total = status.fetched + status.waiting + status.failed;
  const line = t('fetch_progress', [formatCount(status.fetched), formatCount(total)]);
  return status.failed > 0 ? `${line} — ${plural('fetch_progress_failed', status.failed)}` : line;
}
