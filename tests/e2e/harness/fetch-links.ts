/**
 * The fetching of imported links' articles, driven as a user does it in either browser: a Pocket
 * export whose links point at the fixture server (two article pages and one
 * that answers 404) is imported on the Import & export page, then "Fetch the articles" is clicked
 * there.
 */
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'puppeteer-core';
import type { FixtureServer } from './fixture-server.ts';
import {
  DB_NAME,
  message,
  readRowsInExtension,
  seed,
  STORE_NAME,
  type StoredRow,
} from './records.ts';
import { waitFor } from './util.ts';

export const SECOND_PAGE = 'e2e-second-article.html';
export const SECOND_TITLE = 'Harbour ferry service resumes after winter repairs';
export const MISSING_PAGE = 'not-there.html';
/** The links' Pocket tag: imported as their tag, kept once fetched. */
export const FOLDER = 'To read';

/** A sentence of the seed article, highlighted in Pocket: the export knows only its quote. */
export const POCKET_QUOTE = 'La Russie et la Corée du Nord se rapprochent encore un peu plus.';

/**
 * A Pocket export ZIP, shaped like Pocket's: the three links (saved without their articles, as
 * Pocket exports them) with a tag, and a highlight of the seed article with its quote but no
 * position (Pocket's highlights have neither), in `annotations/`.
 */
export function pocketZip(server: FixtureServer): Uint8Array {
  const row = (page: string, title: string, at: number) =>
    `${title},${server.url(page)},${1700000000 + at},${at},${FOLDER},unread`;
  return zipSync({
    'part_000000.csv': strToU8(
      [
        'title,url,time_added,cursor,tags,status',
        row(seed.page, 'Pyongyang visit (saved in Pocket)', 1),
        row(SECOND_PAGE, 'Ferry (saved in Pocket)', 2),
        row(MISSING_PAGE, 'A page that is gone', 3),
      ].join('\n'),
    ),
    'annotations/part_000000.json': strToU8(
      JSON.stringify([
        {
          url: server.url(seed.page),
          title: 'Pyongyang visit (saved in Pocket)',
          highlights: [{ quote: POCKET_QUOTE, created_at: 1700000100 }],
        },
      ]),
    ),
  });
}

const textOf = (page: Page, selector: string) =>
  page.$eval(selector, (element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '');

/** Clicks "Fetch the articles" and waits until the fetch is over; returns the status line. */
export async function fetchArticles(transfer: Page): Promise<string> {
  await transfer.waitForSelector('[data-testid=fetch-start]', { timeout: 30_000 });
  await transfer.bringToFront();
  await transfer.click('[data-testid=fetch-start]');
  const done = message('fetch_progress', '2', '3');
  return waitFor(
    'the fetch to end',
    async () => {
      const line = await textOf(transfer, '[data-testid=fetch-status]');
      return line.startsWith(done) && !(await transfer.$('[data-testid=fetch-pause]')) && line;
    },
    60_000,
  );
}

/** The failed links' reasons as the page lists them. */
export function failureReasons(transfer: Page): Promise<string[]> {
  return transfer.$$eval('[data-testid=fetch-failure-reason]', (items) =>
    items.map((item) => item.textContent?.trim() ?? ''),
  );
}

/** The stored articles, by the page their address names. */
export async function storedByPage(page: Page): Promise<Map<string, StoredRow>> {
  const rows = (await page.evaluate(readRowsInExtension, DB_NAME, STORE_NAME)) as StoredRow[];
  return new Map(rows.map((row) => [row.url.split('/').pop() ?? '', row]));
}
