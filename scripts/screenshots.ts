/**
 * `npm run screenshots`: drives the built extension (dist/chrome, from `npm run build`) in headless
 * Chromium and writes PNGs to docs/screenshots/, each in the light and the dark colour scheme:
 * the popup with an empty library, the popup right after a save with a list, the reader with
 * highlights and notes, the library searched, the options page and the Import & export page. It
 * builds nothing itself.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import {
  clickToolbarButton,
  launchChromium,
  openTab,
  readStoredRows,
  saveOutcome,
  type ChromiumSession,
} from '../tests/e2e/harness/chromium.ts';
import { startFixtureServer, type FixtureServer } from '../tests/e2e/harness/fixture-server.ts';
import { seed } from '../tests/e2e/harness/records.ts';
import { selectInArticle } from '../tests/e2e/harness/reader.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'docs/screenshots');
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

const SECOND_ARTICLE = 'e2e-second-article.html';
const HIGHLIGHTS = [
  {
    text: 'Le président russe Vladimir Poutine est attendu mardi 18 juin à Pyongyang, pour une visite d’État de deux jours.',
    colour: 'yellow',
    note: 'Première visite depuis 2000 : à relier à l’article sur les livraisons d’armes.',
  },
  {
    text: 'Kim Jong-un affiche son soutien à Vladimir Poutine',
    colour: 'green',
    note: '',
  },
] as const;

if (!existsSync(join(ROOT, 'dist/chrome/manifest.json'))) {
  console.error('dist/chrome is missing: run `npm run build` first, then `npm run screenshots`.');
  process.exit(1);
}

/** Lets a change of colour scheme or layout be painted (frames may not run in a tab behind). */
async function settle(page: Page): Promise<void> {
  await page.bringToFront();
  await page.evaluate(() => new Promise((done) => setTimeout(done, 100)));
}

/**
 * Writes one PNG per colour scheme: of `element` when it is a function, of the window when it is
 * 'window', else of the whole page.
 */
async function shoot(
  page: Page,
  name: string,
  element: (() => Promise<ElementHandle>) | 'window' | 'page',
) {
  for (const theme of THEMES) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
    await settle(page);
    const path = join(OUT_DIR, `${name}-${theme satisfies Theme}.png`) as `${string}.png`;
    if (typeof element === 'function') await (await element()).screenshot({ path });
    else await page.screenshot({ path, fullPage: element === 'page' });
    console.log(`wrote ${relative(ROOT, path)}`);
  }
}

async function mainOf(page: Page): Promise<ElementHandle> {
  const main = await page.$('main');
  if (!main) throw new Error(`${page.url()} has no <main>`);
  return main;
}

/** The popup with nothing saved: popup.html at the popup's width, before any save. */
async function popupEmpty(session: ChromiumSession): Promise<void> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 380, height: 560, deviceScaleFactor: 1 });
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`, { waitUntil: 'load' });
  await page.waitForSelector('main .empty');
  await shoot(page, 'popup-empty', () => mainOf(page));
  await page.close();
}

/** The real toolbar popup right after saving a second article: the status and the list. */
async function popupWithList(session: ChromiumSession, server: FixtureServer): Promise<void> {
  for (const page of [seed.page, SECOND_ARTICLE]) {
    const tab = await openTab(session, server.url(page));
    const popup = await clickToolbarButton(session, tab);
    const status = await saveOutcome(popup);
    if (status.error) throw new Error(`saving ${page} failed: ${status.error}`);
    if (page === SECOND_ARTICLE) {
      await popup.waitForSelector('ul.articles > li.article:nth-child(2)');
      await shoot(popup, 'popup-list', () => mainOf(popup));
    }
    await popup.close();
    await tab.close();
  }
}

/** The reader with two highlights, one with a note, an article note and tags. */
async function reader(session: ChromiumSession): Promise<void> {
  const row = (await readStoredRows(session)).find((item) => item.title === seed.expected.title);
  if (!row) throw new Error('the seed article was not stored');
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
  await page.goto(
    `chrome-extension://${session.extensionId}/reader.html?id=${encodeURIComponent(row.id)}`,
    { waitUntil: 'load' },
  );
  await page.waitForSelector('[data-testid=article-body] p');
  for (const { text, colour, note } of HIGHLIGHTS) {
    await selectInArticle(page, text);
    await page.waitForSelector('[data-testid=selection-toolbar]');
    await page.click(`[data-testid=selection-toolbar] button.colour-button[data-colour=${colour}]`);
    const mark = `mark.margins-hl[data-colour=${colour}]`;
    await page.waitForSelector(mark);
    if (note) {
      await page.click(mark);
      await page.waitForSelector('[data-testid=highlight-editor] textarea');
      await page.type('[data-testid=highlight-editor] textarea', note);
      await page.click('[data-testid=highlight-editor] button[type=submit]');
      await page.waitForFunction(
        (wanted) =>
          document.querySelector('[data-testid=annotation-list]')?.textContent?.includes(wanted),
        {},
        note,
      );
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('[data-testid=highlight-editor]'));
    }
  }
  await page.type('#page-note', 'À comparer avec la visite de 2000.');
  for (const tag of ['Corée du Nord', 'diplomatie']) {
    await page.type('#tag-input', tag);
    await page.keyboard.press('Enter');
  }
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=tags] li').length === 2);
  // Nothing focused or selected: the screenshot shows the page at rest.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.getSelection()?.removeAllRanges();
  });
  await shoot(page, 'reader', 'window');
  await page.close();
}

/** The library searched as the user types, with the matched words marked. */
async function popupSearch(session: ChromiumSession): Promise<void> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 380, height: 600, deviceScaleFactor: 1 });
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`, { waitUntil: 'load' });
  await page.waitForSelector('ul.articles > li.article');
  await page.type('#search', 'coree pyong');
  await page.waitForSelector('ul.articles > li.article mark');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await shoot(page, 'popup-search', () => mainOf(page));
  // Leave the list as it was for whoever opens it next.
  await page.click('#search', { count: 3 });
  await page.keyboard.press('Backspace');
  await page.close();
}

/** The Import & export page. */
async function transfer(session: ChromiumSession): Promise<void> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 900, height: 900, deviceScaleFactor: 1 });
  await page.goto(`chrome-extension://${session.extensionId}/transfer.html`, { waitUntil: 'load' });
  await page.waitForSelector('input[type=file]');
  await shoot(page, 'transfer', 'page');
  await page.close();
}

async function options(session: ChromiumSession): Promise<void> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 900, height: 900, deviceScaleFactor: 1 });
  await page.goto(`chrome-extension://${session.extensionId}/options.html`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid=colour-setting] input:checked');
  await page.waitForFunction(
    () => !document.querySelector('[data-testid=storage-usage]')?.textContent?.includes('…'),
  );
  await shoot(page, 'options', 'page');
  await page.close();
}

await mkdir(OUT_DIR, { recursive: true });
const server = await startFixtureServer();
const session = await launchChromium(['--lang=en-US']);
try {
  await popupEmpty(session);
  await popupWithList(session, server);
  await reader(session);
  await popupSearch(session);
  await options(session);
  await transfer(session);
} finally {
  await session.close();
  await server.close();
}
