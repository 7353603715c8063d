/**
 * Wires the fetching of imported links' articles into the background: one fetcher per database,
 * resumed when the worker wakes (a stopped worker, a restarted browser) and on its alarm.
 */
import type { MarginsDatabase } from '../db/schema.ts';
import { browser } from '../platform/browser.ts';
import { keepImagesLater } from './article-images.ts';
import { ArticleFetcher, FETCH_ALARM } from './article-fetcher.ts';
import { closeOffscreen, extractFetched } from './extract-fetched.ts';
import { fetchPage } from './fetch-page.ts';

const fetchers = new WeakMap<MarginsDatabase, ArticleFetcher>();

export function articleFetcherFor(db: MarginsDatabase): ArticleFetcher {
  let fetcher = fetchers.get(db);
  if (!fetcher) {
    fetcher = new ArticleFetcher(db, {
      load: (url) => fetchPage(url),
      extract: extractFetched,
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      onDone: closeOffscreen,
      onFilled: (article) => keepImagesLater(db, article),
    });
    fetchers.set(db, fetcher);
  }
  return fetcher;
}

export function wireArticleFetching(db: MarginsDatabase): void {
  const fetcher = articleFetcherFor(db);
  const resume = () => {
    fetcher.resumeIfRunning().catch((error: unknown) => console.error('Margins: fetch', error));
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FETCH_ALARM) resume();
  });
  resume();
}
