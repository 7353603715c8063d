/**
 * Firefox: the Import & export page (transfer.html). A Pocket ZIP given to the page's file input
 * is read, a dry run says what importing it would do, Import writes it and a report says what
 * happened; the articles are then in Margins' database. The same ZIP dropped on the drop zone
 * is recognised as already saved and nothing is offered for import. Margins JSON export downloads
 * a file holding the imported articles. The page is opened from Margins' library tab with
 * tabs.create (a driver cannot navigate to moz-extension URLs). The tests run in order.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../../src/shared/export-format.ts';
import {
  EXTENSION_ORIGIN,
  findExtensionPage,
  type ExtensionGlobal,
  type FirefoxSession,
} from '../harness/firefox.ts';
import { useFirefoxSuite } from '../harness/firefox-suite.ts';
import {
  DB_NAME,
  message,
  readRowsInExtension,
  STORE_NAME,
  type StoredRow,
} from '../harness/records.ts';
import { POCKET_ZIP } from '../harness/import-files.ts';
import { makeTempDir, waitFor, waitForDownload } from '../harness/util.ts';

/** Counts joined as the page joins them for an English reader ("2 new, 1 skipped"). */
const joined = (parts: string[]) =>
  `${new Intl.ListFormat('en', { style: 'long', type: 'unit' }).format(parts)}.`;

const suite = useFirefoxSuite();
let transfer: Page | undefined;
let files: string | undefined;

function started(): { session: FirefoxSession; library: Page; transfer: Page } {
  const { session, library } = suite.started();
  if (!transfer) throw new Error('the Import & export page did not open');
  return { session, library, transfer };
}

beforeAll(async () => {
  const { session, library } = suite.started();
  await library.evaluate(() => {
    const { browser } = globalThis as ExtensionGlobal;
    return browser.tabs.create({ url: browser.runtime.getURL('transfer.html') });
  });
  transfer = await findExtensionPage(session, 'transfer.html');
  await transfer.waitForSelector('input#import-file');
});

afterAll(async () => {
  if (files) await rm(files, { recursive: true, force: true });
});

const textOf = (page: Page, selector: string) =>
  page.$eval(selector, (element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '');

async function readStoredRows(page: Page): Promise<StoredRow[]> {
  return (await page.evaluate(readRowsInExtension, DB_NAME, STORE_NAME)) as StoredRow[];
}

/** Drops a file on the page's drop zone, as a file dragged from the desktop arrives. */
async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(
    (fileName, content) => {
      const zone = document.querySelector('[data-testid=drop-zone]');
      if (!zone) throw new Error('no drop zone');
      const transfer = new DataTransfer();
      transfer.items.add(
        new File([new Uint8Array(content)], fileName, { type: 'application/zip' }),
      );
      const init = { bubbles: true, cancelable: true, dataTransfer: transfer };
      zone.dispatchEvent(new DragEvent('dragenter', init));
      zone.dispatchEvent(new DragEvent('dragover', init));
      zone.dispatchEvent(new DragEvent('drop', init));
    },
    name,
    Array.from(bytes),
  );
}

describe('Import & export page in Firefox', () => {
  it('imports a Pocket ZIP chosen with the file input, after a dry run', async () => {
    const { transfer } = started();
    expect(await transfer.evaluate(() => location.href)).toBe(`${EXTENSION_ORIGIN}transfer.html`);
    expect(await transfer.evaluate(() => document.title)).toBe(message('transfer_title'));
    expect(await readStoredRows(transfer)).toEqual([]);

    files = await makeTempDir('margins-e2e-transfer-');
    const path = join(files, 'pocket.zip');
    await writeFile(path, POCKET_ZIP);
    const input = await transfer.$('input#import-file');
    if (!input) throw new Error('no file input');
    await input.uploadFile(path);

    await transfer.waitForSelector('[data-testid=import-plan]', { timeout: 30_000 });
    expect(await textOf(transfer, '[data-testid=import-plan]')).toBe(
      `${message('transfer_plan_intro', 'pocket.zip')} ${joined([
        message('transfer_count_new_other', '2'),
        message('transfer_count_highlights_one', '1'),
        message('transfer_count_skipped_one', '1'),
      ])}`,
    );
    // The highlight of a link without text yet is kept by its quote; the one of an item that is
    // not in the export has nowhere to go: skipped, and said why.
    expect(await textOf(transfer, 'details.problems')).toContain(
      message('transfer_problem_orphan_highlights'),
    );
    // The dry run wrote nothing.
    expect(await readStoredRows(transfer)).toEqual([]);

    await transfer.click('section[aria-labelledby=import-heading] button.primary');
    await transfer.waitForSelector('[data-testid=import-report]', { timeout: 30_000 });
    expect(await textOf(transfer, '[data-testid=import-report]')).toBe(
      `${message('transfer_report_intro')} ${joined([
        message('transfer_count_added_other', '2'),
        message('transfer_count_highlights_one', '1'),
        message('transfer_count_skipped_one', '1'),
      ])}`,
    );

    const rows = await readStoredRows(transfer);
    const byUrl = new Map(rows.map((row) => [row.url, row]));
    expect(rows).toHaveLength(2);
    expect(byUrl.get('https://news.example/long-read')).toMatchObject({
      title: 'The long read',
      savedAt: '2024-03-01T09:30:00.000Z',
      tags: ['politics', 'Long reads'],
      archivedAt: null,
    });
    expect(byUrl.get('https://science.example/climate')).toMatchObject({
      title: 'Climate report',
      savedAt: '2024-03-02T09:30:00.000Z',
      tags: [],
      archivedAt: expect.any(String),
    });
  });

  it('recognises the same ZIP dropped on the drop zone as already saved', async () => {
    const { transfer } = started();
    const before = await readStoredRows(transfer);
    await dropFile(transfer, 'pocket-again.zip', POCKET_ZIP);
    await transfer.waitForSelector('[data-testid=import-plan]', { timeout: 30_000 });
    expect(await textOf(transfer, '[data-testid=import-plan]')).toBe(
      `${message('transfer_plan_intro', 'pocket-again.zip')} ${joined([
        message('transfer_count_new_other', '0'),
        message('transfer_count_already_saved_other', '2'),
        message('transfer_count_skipped_one', '1'),
      ])}`,
    );
    expect(
      await transfer.$eval(
        'section[aria-labelledby=import-heading] button.primary',
        (button) => (button as HTMLButtonElement).disabled,
      ),
    ).toBe(true);
    expect(
      await textOf(transfer, 'section[aria-labelledby=import-heading] p.muted:last-child'),
    ).toBe(message('transfer_plan_nothing_other', '2'));
    expect(await readStoredRows(transfer)).toEqual(before);
  });

  it('finds the imported articles from the search box of the library, by word, prefix and tag', async () => {
    const { library } = started();
    await library.bringToFront();
    const titlesFor = async (text: string, count = 1) => {
      await library.click('#search', { count: 3 });
      await library.keyboard.press('Backspace');
      await library.type('#search', text);
      return waitFor(`the results for "${text}"`, async () => {
        const titles = await library.$$eval('ul.articles > li.article a.article-title', (links) =>
          links.map((link) => link.textContent ?? ''),
        );
        const typed = await library.$eval('#search', (input) => (input as HTMLInputElement).value);
        return typed === text && titles.length === count && titles;
      });
    };
    // A whole word, the start of a title word being typed, and a tag (from the Pocket file).
    expect(await titlesFor('long')).toEqual(['The long read']);
    expect(await titlesFor('the lo')).toEqual(['The long read']);
    expect(await titlesFor('politics')).toEqual(['The long read']);
    // The list really narrows: the only other article is archived, so a word found nowhere
    // (and one found only in the archive) leaves no row.
    expect(await titlesFor('nowhere', 0)).toEqual([]);
    expect(await titlesFor('climate', 0)).toEqual([]);
    expect(await titlesFor('long nowhere', 0)).toEqual([]);
  });

  it('exports Margins JSON holding the imported articles', async () => {
    const { session, transfer } = started();
    await transfer.click('input[name=export-format][value=margins-json]');
    await transfer.click('section[aria-labelledby=export-heading] button.primary');
    const { text } = await waitForDownload(
      session.downloadsDir,
      /^margins-\d{4}-\d{2}-\d{2}\.json$/,
    );
    const exported = JSON.parse(text) as ExportDocument;
    expect(exported.format).toBe('margins-export');
    expect(exported.version).toBe(1);
    expect(
      exported.articles.map(({ title, url, tags, annotations }) => ({
        title,
        url,
        tags,
        annotations,
      })),
    ).toEqual([
      {
        title: 'Climate report',
        url: 'https://science.example/climate',
        tags: [],
        // Pocket's highlight, on a link without text: exported with its quote alone.
        annotations: [
          expect.objectContaining({
            created: '2024-03-02T09:31:40.000Z',
            target: {
              source: 'https://science.example/climate',
              selector: [
                { type: 'TextQuoteSelector', exact: 'Warming continues', prefix: '', suffix: '' },
              ],
            },
          }),
        ],
      },
      {
        title: 'The long read',
        url: 'https://news.example/long-read',
        tags: ['politics', 'Long reads'],
        annotations: [],
      },
    ]);
    const stored = await readStoredRows(transfer);
    expect(exported.articles.map((article) => article.id).sort()).toEqual(
      stored.map((row) => row.id).sort(),
    );
  });
});
