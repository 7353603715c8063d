/**
 * The status of the background's fetching of imported links' articles, as pages see it: read
 * from `storage.local`, where the background keeps it, and followed through `storage.onChanged`.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser.ts';
import { plural, t, uiLanguage } from '../shared/i18n.ts';
import {
  FETCH_STATUS_KEY,
  parseFetchStatus,
  type ArticleFetchStatus,
} from '../shared/article-fetch.ts';

export function useFetchStatus(): [
  ArticleFetchStatus | null,
  (status: ArticleFetchStatus) => void,
] {
  const [status, setStatus] = useState<ArticleFetchStatus | null>(null);
  useEffect(() => {
    let current = true;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[FETCH_STATUS_KEY];
      if (area === 'local' && change) setStatus(parseFetchStatus(change.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    browser.storage.local.get(FETCH_STATUS_KEY).then(
      (stored) => {
        if (current) setStatus((seen) => seen ?? parseFetchStatus(stored[FETCH_STATUS_KEY]));
      },
      () => {
        if (current) setStatus((seen) => seen ?? parseFetchStatus(undefined));
      },
    );
    return () => {
      current = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return [status, setStatus];
}

/** How far the fetch has gone, from 0 to 1 (a failed link counts as done). */
export function fetchProgressFraction(status: ArticleFetchStatus): number {
  const total = status.fetched + status.waiting + status.failed;
  return total === 0 ? 1 : (status.fetched + status.failed) / total;
}

/** "1,240 of 5,999 articles fetched — 37 failed", in the user's language. */
export function fetchProgressText(status: ArticleFetchStatus): string {
  const format = new Intl.NumberFormat(uiLanguage()).format;
  const total = status.fetched + status.waiting + status.failed;
  const line = t('fetch_progress', [format(status.fetched), format(total)]);
  return status.failed > 0 ? `${line} — ${plural('fetch_progress_failed', status.failed)}` : line;
}
