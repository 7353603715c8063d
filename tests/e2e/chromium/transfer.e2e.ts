/**
 * Chromium: the Import & export page (transfer.html). A Pocket ZIP and an Omnivore ZIP are
 * imported through the file picker (dry run, then Import), the articles are stored, listed by
 * the popup and found by search; Margins JSON and Markdown ZIP exports download and hold them;
 * a file of random bytes is refused in words and changes nothing. The tests run in order.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../../src/shared/export-format.ts';
import { openTab } from '../harness/chromium.ts';
import { useChromiumSuite } from '../harness/chromium-suite.ts';
import { message } from '../harness/records.ts';
import { POCKET_ZIP } from '../harness/import-files.ts';
import { makeTempDir, waitFor, waitForDownload } from '../harness/util.ts';

const suite = useChromiumSuite();

const OMNIVORE_ZIP = zipSync({
  'metadata_0_to_2.json': strToU8(
    JSON.stringify([
      {
        id: '1b1c0f0e-0000-4000-8000-000000000001',
        slug: 'glacier-survey-18c5',
        title: 'Glacier survey',
        description: 'Surveyors measured the ice',
        author: 'Ann Poe',
        url: 'https://science.example/glaciers',
        state: 'Active',
        labels: ['Science'],
        savedAt: '2024-03-05T09:30:00.000Z',
        updatedAt: '2024-03-05T09:30:00.000Z',
        publishedAt: '2024-03-04T00:00:00.000Z',
      },
      {
        id: '1b1c0f0e-0000-4000-8000-000000000002',
        slug: 'the-long-read-9a1b',
        title: 'The long read',
        url: 'https://news.example/long-read',
        state: 'Active',
        labels: ['Weekend'],
        savedAt: '2024-03-01T09:30:00.000Z',
      },
    ]),
  ),
  'content/glacier-survey-18c5.html': strToU8(
    '<div><h1>Glacier survey</h1><p>Surveyors walked the moraine for weeks.</p>' +
      '<p>The Rhône glacier lost a tenth of its volume since 2016.</p>' +
      '<script>document.title = "owned"</script></div>',
  ),
  'highlights/glacier-survey-18c5.md': strToU8('> lost a tenth of its volume\n\nWorth a chart\n'),
});

let files: string | undefined;
afterAll(async () => {
  if (files) await rm(files, { recursive: true, force: true });
});

async function fileOf(name: string, bytes: Uint8Array): Promise<string> {
  files ??= await makeTempDir('margins-e2e-transfer-');
  const path = join(files, name);
  await writeFile(path, bytes);
  return path;
}

async function openTransfer(): Promise<Page> {
  const { session } = suite.started();
  const page = await openTab(session, `chrome-extension://${session.extensionId}/transfer.html`);
  suite.opened.push(page);
  await page.waitForSelector('#import-file');
  return page;
}

async function choose(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const input = await page.$('input#import-file');
  if (!input) throw new Error('no file input');
  await input.uploadFile(await fileOf(name, bytes));
}

const textOf = (page: Page, selector: string) =>
  page.$eval(selector, (element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '');

async function importFile(page: Page, name: string, bytes: Uint8Array): Promise<string> {
  await choose(page, name, bytes);
  await page.waitForSelector('[data-testid=import-plan]', { timeout: 30_000 });
  const plan = await textOf(page, '[data-testid=import-plan]');
  await page.click('section[aria-labelledby=import-heading] button.primary');
  await page.waitForSelector('[data-testid=import-report]', { timeout: 30_000 });
  return plan;
}

/** The id of the article saved at `url`, read with raw IndexedDB. */
function idOfArticleAt(page: Page, url: string): Promise<string> {
  return page.evaluate(async (address) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('margins');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const articles = await new Promise<{ id: string; url: string }[]>((resolve, reject) => {
      const request = db.transaction('articles').objectStore('articles').getAll();
      request.onsuccess = () => resolve(request.result as { id: string; url: string }[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const found = articles.find((article) => article.url === address);
    if (!found) throw new Error(`no article at ${address}`);
    return found.id;
  }, url);
}

interface StoredView {
  titles: string[];
  /** By quote; start and end are null for a highlight known by its quote alone. */
  annotations: { exact: string; start: number | null; end: number | null; note: string }[];
  searchHits: number;
  tagsOf: Record<string, string[]>;
}

/** The database as the page sees it, read with raw IndexedDB. */
function readDatabase(page: Page, term: string): Promise<StoredView> {
  return page.evaluate(async (searchTerm) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('margins');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const transaction = db.transaction(['articles', 'annotations', 'postings'], 'readonly');
    const articles = (await all(transaction.objectStore('articles').getAll())) as {
      title: string;
      url: string;
      tags: string[];
    }[];
    const annotations = (await all(transaction.objectStore('annotations').getAll())) as {
      target: { selector: [{ exact: string }, { start: number; end: number }?] };
      body: { value: string }[];
    }[];
    // Search postings ('b' body words, 's' strong words, grouped by their first three letters;
    // see src/db/postings.ts): a word is listed once per article, under its body words or under
    // its strong words. A record's `counts` says how many articles each of its `words` lists.
    const postings = transaction.objectStore('postings');
    const bucket = searchTerm.slice(0, 3);
    const listed = async (field: string) =>
      (
        (await all(
          postings.getAll(IDBKeyRange.bound([field, bucket, -Infinity], [field, bucket, Infinity])),
        )) as { words: string; counts: Uint32Array }[]
      ).reduce((count, { words, counts }) => {
        const at = words.split(' ').indexOf(searchTerm);
        return count + (at < 0 ? 0 : (counts[at] ?? 0));
      }, 0);
    const searchHits = (await listed('b')) + (await listed('s'));
    db.close();
    return {
      titles: articles.map((article) => article.title).sort(),
      annotations: annotations
        .map(({ target, body }) => ({
          exact: target.selector[0].exact,
          start: target.selector[1]?.start ?? null,
          end: target.selector[1]?.end ?? null,
          note: body[0]?.value ?? '',
        }))
        .sort((a, b) => (a.exact < b.exact ? -1 : 1)),
      searchHits,
      tagsOf: Object.fromEntries(articles.map((article) => [article.url, article.tags])),
    };
  }, term);
}

/** Waits for a finished download (Chromium renames it when done) and returns its bytes. */
async function downloaded(pattern: RegExp): Promise<Uint8Array> {
  const { session } = suite.started();
  const name = await waitFor(`a download matching ${pattern}`, async () =>
    (await readdir(session.downloadsDir)).find((file) => pattern.test(file)),
  );
  return new Uint8Array(await readFile(join(session.downloadsDir, name)));
}

async function exportAs(page: Page, formatId: string): Promise<void> {
  await page.click(`input[name=export-format][value=${formatId}]`);
  await page.click('section[aria-labelledby=export-heading] button.primary');
}

describe('Import & export page in Chromium', () => {
  it('imports a Pocket ZIP after a dry run that says what will happen', async () => {
    const page = await openTransfer();
    expect(await page.title()).toBe(message('transfer_title'));
    const plan = await importFile(page, 'pocket.zip', POCKET_ZIP);
    expect(plan).toContain(message('transfer_count_new_other', '2'));
    // The highlight of a link without text yet is kept by its quote; the one of an item that is
    // not in the export has nowhere to go: skipped, and said why.
    expect(plan).toContain(message('transfer_count_highlights_one', '1'));
    expect(plan).toContain(message('transfer_count_skipped_one', '1'));
    const skipped = await textOf(page, 'details.problems');
    expect(skipped).toContain(message('transfer_problem_orphan_highlights'));
    expect(await textOf(page, '[data-testid=import-report]')).toContain(
      message('transfer_count_added_other', '2'),
    );
    const stored = await readDatabase(page, 'climate');
    expect(stored.titles).toEqual(['Climate report', 'The long read']);
    expect(stored.searchHits).toBe(1);

    // The reader of the link lists its highlight with its quote, not placed yet.
    const { session } = suite.started();
    const climateId = await idOfArticleAt(page, 'https://science.example/climate');
    const reader = await openTab(
      session,
      `chrome-extension://${session.extensionId}/reader.html?id=${encodeURIComponent(climateId)}`,
    );
    suite.opened.push(reader);
    await reader.waitForSelector('[data-testid=pending] .annotation-quote');
    expect(await textOf(reader, '#pending-heading')).toBe(message('reader_pending_heading'));
    expect(await textOf(reader, '[data-testid=pending] .annotation-quote')).toBe(
      'Warming continues',
    );
  });

  it('imports an Omnivore ZIP: its saved body, its highlight placed, a known address merged', async () => {
    const page = await openTransfer();
    const plan = await importFile(page, 'omnivore.zip', OMNIVORE_ZIP);
    expect(plan).toContain(message('transfer_count_new_one', '1'));
    expect(plan).toContain(message('transfer_count_already_saved_one', '1'));
    expect(plan).toContain(message('transfer_count_highlights_one', '1'));
    const stored = await readDatabase(page, 'moraine');
    expect(stored.titles).toEqual(['Climate report', 'Glacier survey', 'The long read']);
    expect(stored.searchHits).toBe(1);
    expect(stored.tagsOf['https://news.example/long-read']).toEqual([
      'politics',
      'Long reads',
      'Weekend',
    ]);
    expect(stored.annotations).toEqual([
      // Pocket's, on a link: still known by its quote alone.
      { exact: 'Warming continues', start: null, end: null, note: '' },
      {
        exact: 'lost a tenth of its volume',
        start: expect.any(Number),
        end: expect.any(Number),
        note: 'Worth a chart',
      },
    ]);
    // The script in the saved body never ran.
    expect(await page.title()).toBe(message('transfer_title'));
  });

  it('lists the imported articles in the popup (the archived one stays out of the list)', async () => {
    const { session } = suite.started();
    const popup = await openTab(
      session,
      `chrome-extension://${session.extensionId}/popup.html?view=tab`,
    );
    suite.opened.push(popup);
    let shown = '';
    await waitFor('the imported titles in the popup', async () => {
      shown = await popup.evaluate(() => document.body.innerText);
      return ['Glacier survey', 'The long read'].every((title) => shown.includes(title));
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}; the popup shows: ${shown}`);
    });
  });

  it('exports Margins JSON holding every article and highlight', async () => {
    const { session } = suite.started();
    const page = await openTransfer();
    await exportAs(page, 'margins-json');
    const { text } = await waitForDownload(
      session.downloadsDir,
      /^margins-\d{4}-\d{2}-\d{2}\.json$/,
    );
    const document = JSON.parse(text) as ExportDocument;
    expect(document.format).toBe('margins-export');
    expect(document.articles.map((article) => article.title)).toEqual([
      'Glacier survey',
      'Climate report',
      'The long read',
    ]);
    expect(document.articles[0]?.annotations).toHaveLength(1);
    expect(document.articles[0]?.contentHtml).not.toContain('script');
  });

  it('exports a Markdown ZIP with front matter and the highlight', async () => {
    const page = await openTransfer();
    await exportAs(page, 'markdown-zip');
    const files = unzipSync(await downloaded(/^margins-\d{4}-\d{2}-\d{2}-markdown\.zip$/));
    const names = Object.keys(files);
    expect(names).toContain('index.md');
    const glacier = names.find((name) => name.includes('glacier'));
    const markdown = strFromU8(files[glacier ?? ''] ?? new Uint8Array());
    expect(markdown.startsWith('---\n')).toBe(true);
    expect(markdown).toMatch(/^title: .*Glacier survey/m);
    expect(markdown).toContain(`## ${message('export_label_highlights')}`);
    expect(markdown).toContain('> lost a tenth of its volume');
    expect(markdown).toContain('Worth a chart');
  });

  it('refuses a file of random bytes in words and changes nothing', async () => {
    const page = await openTransfer();
    const before = await readDatabase(page, 'climate');
    const noise = randomBytes(4096);
    noise[0] = 0; // never the first byte of a format Margins reads
    await choose(page, 'noise.bin', noise);
    await page.waitForSelector('[data-testid=import-error]');
    expect(await textOf(page, '[data-testid=import-error]')).toBe(
      message('transfer_error_unknown_format'),
    );
    expect(await page.$('[data-testid=import-plan]')).toBeNull();
    expect(await readDatabase(page, 'climate')).toEqual(before);
  });
});
