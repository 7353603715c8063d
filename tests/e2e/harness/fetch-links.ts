/**
 * The fetching of imported links' articles, driven as a user does it in either browser: a
 * bookmark file whose links point at the fixture server (two article pages and one that answers
 * 404) is imported on the Import & export page, then "Fetch the articles" is clicked there.
 */
import { strToU8 } from 'fflate';
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
/** The bookmark folder the links are in: imported as their tag, kept once fetched. */
export const FOLDER = 'To read';

/** A Netscape bookmark file (as every browser exports) with the three links in one folder. */
export function bookmarkFile(server: FixtureServer): Uint8Array {
  const link = (page: string, title: string) =>
    `<DT><A HREF="${server.url(page)}" ADD_DATE="1700000000">${title}</A>`;
  return strToU8(
    [
      '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
      '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
      '<TITLE>Bookmarks</TITLE><H1>Bookmarks</H1>',
      '<DL><p>',
      `<DT><H3>${FOLDER}</H3>`,
      '<DL><p>',
      link(seed.page, 'Pyongyang visit (bookmark)'),
      link(SECOND_PAGE, 'Ferry (bookmark)'),
      link(MISSING_PAGE, 'A page that is gone'),
      '</DL><p>',
      '</DL><p>',
    ].join('\n'),
  );
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
