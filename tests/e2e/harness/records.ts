/**
 * What the suites check against: the stored rows (read with raw IndexedDB, not Dexie), the seed
 * fixture's expectations and the English message catalogue.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { ArticleRecord } from '../../../src/shared/article.ts';
import { fillMessage, readCatalogue } from '../../unit/helpers/catalogue.ts';
import { FIXTURES_DIR } from './util.ts';
import { htmlText } from '../../../src/shared/article-html/html-text.ts';

/** A row of the 'articles' table as the background stores it. */
export type StoredRow = ArticleRecord & { urlKeys: string[] };

/**
 * Reads every row of margins/articles. Runs inside an extension context (page or worker) through
 * puppeteer's evaluate, so it must be self-contained. A missing database is not created.
 */
export function readRowsInExtension(dbName: string, storeName: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(storeName)) {
        db.close();
        resolve([]);
        return;
      }
      const all = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result);
      };
      all.onerror = () => reject(all.error);
    };
  });
}

export const DB_NAME = 'margins';
export const STORE_NAME = 'articles';

export interface SeedExpectation {
  page: string;
  servedAt: string;
  expected: Pick<
    ArticleRecord,
    | 'title'
    | 'byline'
    | 'siteName'
    | 'publishedTime'
    | 'lang'
    | 'canonicalUrl'
    | 'originalSourceUrl'
  >;
  bodyMustContain: string[];
}

export const seed = JSON.parse(
  readFileSync(join(FIXTURES_DIR, 'news7-pyongyang.expected.json'), 'utf8'),
) as SeedExpectation;

/** The English text of a message key, with `$1`, `$2`… filled in as browser.i18n does. */
export function message(key: string, ...substitutions: string[]): string {
  const entry = readCatalogue('en')[key];
  if (!entry) throw new Error(`no message ${key} in public/_locales/en/messages.json`);
  return fillMessage(entry, substitutions);
}

/** The record as shown and exported: the stored row without its derived lookup keys. */
export function withoutUrlKeys(row: StoredRow): ArticleRecord {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- urlKeys is derived, not data.
  const { urlKeys, ...record } = row;
  return record;
}

/** A stored row as Margins JSON exports it (no annotations): its text is written from its body. */
export function exportedWithoutAnnotations(row: StoredRow) {
  return { ...withoutUrlKeys(row), textContent: htmlText(row.contentHtml), annotations: [] };
}

export interface ListedArticle {
  /** The title, a link to the saved copy in the reader. */
  title: string;
  readerHref: string;
  /** The "Source" link to the original page. */
  href: string;
  target: string;
  meta: string;
}

/** The articles a Margins page lists: each `li.article`'s title, links and meta line. */
export function listedArticles(page: Page): Promise<ListedArticle[]> {
  return page.$$eval('ul.articles > li.article', (items) =>
    items.map((li) => {
      const link = li.querySelector('a.article-source');
      return {
        title: li.querySelector('a.article-title')?.textContent ?? '',
        readerHref: li.querySelector('a.article-title')?.getAttribute('href') ?? '',
        href: link?.getAttribute('href') ?? '',
        target: link?.getAttribute('target') ?? '',
        meta: li.querySelector('.meta')?.textContent ?? '',
      };
    }),
  );
}

/** A fixture page's NAME.expected.json: what a save of it must record. */
interface FixtureSpec {
  expected: Record<string, unknown>;
  bodyMustContain?: string[];
  bodyMustNotContain?: string[];
  htmlMustContain?: string[];
  bodyOnce?: string[];
}

const fixtureSpec = (name: string): FixtureSpec =>
  JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.expected.json`), 'utf8')) as FixtureSpec;

/** The fields a save of the fixture page must record. */
export function fixtureExpected(name: string): Record<string, unknown> {
  return fixtureSpec(name).expected;
}

/** The stored body's plain text, as Margins derives it for search and export. */
export const storedBodyText = (row: ArticleRecord | undefined): string =>
  htmlText(row?.contentHtml ?? '');

/**
 * Words the stored body of the fixture page must hold, words it must not, markup it must hold,
 * and lines the page prints more than once that the body must hold once.
 */
export function fixtureBody(name: string): {
  bodyMustContain: string[];
  bodyMustNotContain: string[];
  htmlMustContain: string[];
  bodyOnce: string[];
} {
  const spec = fixtureSpec(name);
  return {
    bodyMustContain: spec.bodyMustContain ?? [],
    bodyMustNotContain: spec.bodyMustNotContain ?? [],
    htmlMustContain: spec.htmlMustContain ?? [],
    bodyOnce: spec.bodyOnce ?? [],
  };
}

/** How many times `line` occurs in `text`. */
export const occurrences = (text: string, line: string): number => text.split(line).length - 1;

/** The checks of a fixture's stored body: words it holds, words it leaves out, lines held once. */
type BodyCheck = 'holds' | 'leaves-out' | 'once';

/**
 * What the stored body (`text`: its text, or its markup) gets wrong against the fixture's spec, one
 * line per miss; a test expects `[]`, so a failure lists every miss at once. `checks` names which
 * of the spec's lists are checked (all by default).
 */
export function fixtureBodyMisses(
  name: string,
  text: string,
  checks: readonly BodyCheck[] = ['holds', 'leaves-out', 'once'],
): string[] {
  const { bodyMustContain, bodyMustNotContain, bodyOnce } = fixtureBody(name);
  const misses: string[] = [];
  if (checks.includes('holds'))
    for (const words of bodyMustContain)
      if (!text.includes(words)) misses.push(`missing: ${words}`);
  if (checks.includes('leaves-out'))
    for (const words of bodyMustNotContain) if (text.includes(words)) misses.push(`kept: ${words}`);
  if (checks.includes('once'))
    for (const line of bodyOnce) {
      const count = occurrences(text, line);
      if (count !== 1) misses.push(`${count} times, not once: ${line}`);
    }
  return misses;
}

/**
 * Opens the editor of an article listed in `page` (the popup or the library tab) and reads the
 * "Found in: …" line under its author and its date.
 */
export async function editorSourceHints(
  page: Page,
  articleId: string,
): Promise<{ byline: string | null; date: string | null }> {
  await page.click(`li.article[data-article-id="${articleId}"] button.edit`);
  await page.waitForSelector('.edit-panel form.editor');
  const hint = (field: string) =>
    page.$eval(`.edit-panel form.editor [id$="-${field}-source"]`, (el) => el.textContent);
  return { byline: await hint('byline'), date: await hint('date') };
}
