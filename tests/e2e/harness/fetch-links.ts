/**
 * The fetching of imported links' articles, driven as a user does it in either browser: a Pocket
 * export whose links point at the fixture server (two article pages and one
 * that answers 404) is imported on the Import & export page, then "Fetch the articles" is clicked
 * there.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { htmlText } from '../../../src/shared/article-html/html-text.ts';
import type { FixtureServer } from './fixture-server.ts';
import {
  DB_NAME,
  message,
  readRowsInExtension,
  seed,
  STORE_NAME,
  type StoredRow,
} from './records.ts';
import { makeTempDir, waitFor } from './util.ts';

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

/** Imports the Pocket export on the Import & export page, as a user picks the file and confirms. */
export async function importPocketExport(transfer: Page, server: FixtureServer): Promise<void> {
  const path = join(await makeTempDir('margins-e2e-fetch-'), 'pocket.zip');
  await writeFile(path, pocketZip(server));
  const input = await transfer.waitForSelector('input#import-file');
  await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
  await transfer.waitForSelector('[data-testid=import-plan]', { timeout: 30_000 });
  await transfer.click('section[aria-labelledby=import-heading] button.primary');
  await transfer.waitForSelector('[data-testid=import-report]', { timeout: 30_000 });
}

/**
 * Checks the library after the fetch: both articles filled in and still tagged, the gone page
 * still a link, the body's text derived from its HTML, not stored beside it. Returns the seed
 * article's row.
 */
export async function expectFetchedLibrary(transfer: Page): Promise<StoredRow | undefined> {
  const after = await storedByPage(transfer);
  const first = after.get(seed.page);
  expect(first).toMatchObject({ kind: 'article', title: seed.expected.title, tags: [FOLDER] });
  expect(first).not.toHaveProperty('textContent');
  for (const words of seed.bodyMustContain) {
    expect(htmlText(first?.contentHtml ?? '')).toContain(words);
  }
  expect(after.get(SECOND_PAGE)).toMatchObject({
    kind: 'article',
    title: SECOND_TITLE,
    tags: [FOLDER],
  });
  expect(after.get(MISSING_PAGE)).toMatchObject({ kind: 'link', tags: [FOLDER] });
  return first;
}

/** The fetched article in the reader: its text shown and Pocket's highlight drawn on its quote. */
export async function expectReaderShowsHighlight(reader: Page): Promise<void> {
  await reader.waitForSelector('[data-testid=article-body] p');
  const shown = await reader.$eval('[data-testid=article-body]', (el) => el.textContent ?? '');
  expect(shown).toContain(seed.bodyMustContain[0]);
  const marked = await waitFor('the imported highlight to be drawn', async () => {
    const text = await reader.$$eval('mark.margins-hl', (marks) =>
      marks.map((mark) => mark.textContent).join(''),
    );
    return text || undefined;
  });
  expect(marked).toBe(POCKET_QUOTE);
}
