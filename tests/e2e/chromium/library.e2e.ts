/**
 * Chromium: a library of 300 generated articles (saved through Margins' own storage code by the
 * seeded copy of the extension, see harness/seeded-extension.ts). In the library page, typing in
 * the search box puts the expected article first with its words marked, a tag filter narrows the
 * list to exactly the tagged articles, and deleting an article then pressing Undo brings it back
 * with its highlights, the Import & export page exports only what the filtered list shows, an
 * article archived from its row leaves the list for the archive and comes back, opening one in
 * the reader marks it read, and a tag added in the popup is offered from the library's tags.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../harness/chromium.ts';
import { message } from '../harness/records.ts';
import {
  buildSeededExtension,
  callSeedPage,
  openSeedPage,
  type SeededExtension,
} from '../harness/seeded-extension.ts';
import type { ExportDocument } from '../../../src/shared/export-format.ts';
import { waitFor, waitForDownload } from '../harness/util.ts';
import { generateArticle } from '../seed/generate.ts';

const ARTICLES = 300;
const TARGET = generateArticle(140);
const TAGGED_ASIA = Array.from({ length: ARTICLES }, (_, index) => generateArticle(index)).filter(
  (article) => article.tags.includes('asia'),
).length;

let seeded: SeededExtension | undefined;
let session: ChromiumSession | undefined;
let seedPage: Page | undefined;

beforeAll(async () => {
  seeded = await buildSeededExtension();
  session = await launchChromium([], { extensionDir: seeded.dir });
  seedPage = await openSeedPage(session);
  await callSeedPage(seedPage, 'seed', 0, ARTICLES);
}, 120_000);

afterAll(async () => {
  await session?.close();
  await seeded?.remove();
});

function started(): { session: ChromiumSession; seedPage: Page } {
  if (!session || !seedPage) throw new Error('the suite did not start');
  return { session, seedPage };
}

async function openLibrary(): Promise<Page> {
  const { session } = started();
  const page = await session.browser.newPage();
  await page.bringToFront();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await page.waitForSelector('ul.articles > li.article');
  return page;
}

const rowTitles = (page: Page) =>
  page.$$eval('ul.articles > li.article', (rows) =>
    rows
      .sort(
        (a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')),
      )
      .map((row) => row.querySelector('a.article-title')?.textContent ?? ''),
  );

async function search(page: Page, text: string): Promise<void> {
  await page.click('#search', { count: 3 });
  await page.keyboard.press('Backspace');
  if (text) await page.type('#search', text);
}

/**
 * Picks a tag in the tag filter ('' for all). The tag list is read after the rows, so the option
 * may not be there yet: selecting a missing option would silently change nothing.
 */
async function filterByTag(page: Page, tag: string): Promise<void> {
  const select = `select[aria-label="${message('filter_tag')}"]`;
  await page.waitForSelector(`${select} option[value="${tag}"]`);
  await page.select(select, tag);
}

/** Searches for the target article's title and waits until it is the first row; that row's selector. */
async function searchTargetFirst(page: Page): Promise<string> {
  await search(page, TARGET.snapshot.title);
  const row = 'ul.articles > li.article[aria-posinset="1"]';
  await waitFor(
    'the article first',
    async () =>
      (await page.$eval(`${row} a.article-title`, (link) => link.textContent)) ===
      TARGET.snapshot.title,
  );
  return row;
}

describe('a library of 300 articles', () => {
  it('typing in the search box shows the expected article first, its words marked', async () => {
    const page = await openLibrary();
    await search(page, TARGET.snapshot.title);
    const titles = await waitFor('the searched article first', async () => {
      const shown = await rowTitles(page);
      return shown[0] === TARGET.snapshot.title && shown;
    });
    expect(titles[0]).toBe(TARGET.snapshot.title);
    const marked = await page.$$eval(
      'ul.articles > li.article:first-child a.article-title mark',
      (marks) => marks.map((mark) => mark.textContent),
    );
    expect(marked.length).toBeGreaterThan(0);
    await page.close();
  });

  it('a tag filter narrows the list to exactly the articles with that tag', async () => {
    const page = await openLibrary();
    await search(page, '');
    const tagged = TAGGED_ASIA;
    expect(tagged).toBeGreaterThan(0);
    expect(tagged).toBeLessThan(ARTICLES);
    await filterByTag(page, 'asia');
    await waitFor(
      'the filtered count',
      async () =>
        (await page.$eval('#library-heading', (heading) => heading.textContent)) ===
        `${tagged} results`,
    );
    const chips = await page.$$eval('ul.articles > li.article', (rows) =>
      rows.map((row) => [...row.querySelectorAll('.tag-chip')].map((chip) => chip.textContent)),
    );
    expect(chips.length).toBeGreaterThan(0);
    for (const tags of chips) expect(tags).toContain('asia');
    await filterByTag(page, '');
    await page.close();
  });

  it('deleting an article then pressing Undo restores it with its highlights', async () => {
    const { seedPage } = started();
    const before = await callSeedPage(seedPage, 'counts');
    const page = await openLibrary();
    const row = await searchTargetFirst(page);
    const highlights = await page.$eval(row, (element) =>
      Number(element.querySelector('.highlight-count')?.textContent?.match(/\d+/)?.[0] ?? 0),
    );
    expect(highlights).toBeGreaterThan(0);
    await page.click(`${row} button.delete`);
    await waitFor('the removal to be announced', () =>
      page.$eval('.list-notice', (notice) => notice.textContent?.includes('removed') ?? false),
    );
    const deleted = await callSeedPage(seedPage, 'counts');
    expect(deleted.articles).toBe(before.articles - 1);
    expect(deleted.annotations).toBe(before.annotations - highlights);
    await waitFor(
      'the article to leave the list',
      async () => !(await rowTitles(page)).includes(TARGET.snapshot.title),
    );

    await page.click('.list-notice button.undo');
    await waitFor('the article back in the list', async () =>
      (await rowTitles(page)).includes(TARGET.snapshot.title),
    );
    const restored = await callSeedPage(seedPage, 'counts');
    expect(restored.articles).toBe(before.articles);
    expect(restored.annotations).toBe(before.annotations);
    await page.close();
  });

  it('the Import & export page exports only what the filtered list shows, when asked', async () => {
    const { session } = started();
    const library = await openLibrary();
    await search(library, '');
    await filterByTag(library, 'asia');
    await waitFor(
      'the filtered count',
      async () =>
        (await library.$eval('#library-heading', (heading) => heading.textContent)) ===
        `${TAGGED_ASIA} results`,
    );
    const transfer = await session.browser.newPage();
    await transfer.bringToFront();
    await transfer.goto(`chrome-extension://${session.extensionId}/transfer.html`);
    await transfer.waitForSelector('input[name=export-scope][value=listed]');
    await transfer.click('input[name=export-scope][value=listed]');
    await transfer.click('section[aria-labelledby=export-heading] button.primary');
    const file = await waitForDownload(session.downloadsDir, /^margins-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(file.text) as ExportDocument;
    expect(exported.articles).toHaveLength(TAGGED_ASIA);
    for (const article of exported.articles) expect(article.tags).toContain('asia');
    await transfer.close();
    await library.bringToFront();
    await filterByTag(library, '');
    await library.close();
  });

  it('archives from the row and back, marks read when opened, and tags from the popup', async () => {
    const { session } = started();
    const library = await openLibrary();
    const row = await searchTargetFirst(library);

    // Archive: out of the list, into the archive, and back.
    await library.click(`${row} button.archive`);
    await waitFor('the archive to be announced', () =>
      library.$eval('.list-notice', (notice) => notice.textContent?.includes('archived') ?? false),
    );
    // The notice comes with the background's answer; the list re-reads when the write is
    // announced, a moment later.
    await waitFor(
      'the article to leave the list',
      async () => !(await rowTitles(library)).includes(TARGET.snapshot.title),
    );
    await library.click('label.check:last-of-type input');
    await waitFor('the archive to list it', async () =>
      (await rowTitles(library)).includes(TARGET.snapshot.title),
    );
    expect(await library.$eval(`${row} button.archive`, (button) => button.textContent)).toBe(
      message('action_unarchive'),
    );
    await library.click(`${row} button.archive`);
    await library.click('label.check:last-of-type input');
    await waitFor('the article back in the list', async () =>
      (await rowTitles(library)).includes(TARGET.snapshot.title),
    );

    // Opening the saved copy marks it read; the library sees it without being reloaded.
    expect(await library.$(`${row} .unread-dot`)).not.toBeNull();
    const readerUrl = await library.$eval(`${row} a.article-title`, (link) => link.href);
    const reader = await session.browser.newPage();
    await reader.goto(readerUrl);
    await reader.waitForSelector('[data-testid=article-body] p');
    await reader.close();
    await library.bringToFront();
    await waitFor('the unread mark to go', async () => !(await library.$(`${row} .unread-dot`)));

    // Tags from the popup's details panel, with the library's tags offered as completions.
    await library.click(`${row} button.edit`);
    await library.waitForSelector('.edit-panel .tag-input');
    const offered = await library.$$eval('.edit-panel datalist option', (options) =>
      options.map((option) => option.getAttribute('value')),
    );
    // Tags the article already has are not offered again.
    expect(offered).toContain('politics');
    expect(offered).not.toContain('asia');
    await library.type('.edit-panel .tag-input', 'kept-for-later');
    await library.keyboard.press('Enter');
    await waitFor('the new tag on the row', async () =>
      (
        await library.$$eval(`${row} .tag-chip`, (chips) => chips.map((chip) => chip.textContent))
      ).includes('kept-for-later'),
    );
    await search(library, '');
    await library.close();
  });
});
