/**
 * Chromium: links imported from a Pocket export become articles when the user has Margins fetch
 * them, and the export's highlight, known by its quote alone, is drawn in the fetched text. The
 * site access this needs is Margins' optional host permission for the fixture site, given the
 * way a Chromium user can (chrome://extensions → Site access; the permission dialog cannot be
 * answered from a driver), after which the page's own request on the click resolves without a
 * dialog. The pages are parsed in Chrome's offscreen document.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { allowSiteAccessInExtensionsPage, openTab } from '../harness/chromium.ts';
import { useChromiumSuite } from '../harness/chromium-suite.ts';
import {
  pocketZip,
  POCKET_QUOTE,
  failureReasons,
  fetchArticles,
  FOLDER,
  MISSING_PAGE,
  SECOND_PAGE,
  SECOND_TITLE,
  storedByPage,
} from '../harness/fetch-links.ts';
import { message, seed } from '../harness/records.ts';
import { makeTempDir, waitFor } from '../harness/util.ts';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { htmlText } from '../../../src/shared/article-html/html-text.ts';

const suite = useChromiumSuite();

async function importBookmarks(transfer: Page): Promise<void> {
  const { server } = suite.started();
  const path = join(await makeTempDir('margins-e2e-fetch-'), 'pocket.zip');
  await writeFile(path, pocketZip(server));
  const input = await transfer.waitForSelector('input#import-file');
  await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
  await transfer.waitForSelector('[data-testid=import-plan]', { timeout: 30_000 });
  await transfer.click('section[aria-labelledby=import-heading] button.primary');
  await transfer.waitForSelector('[data-testid=import-report]', { timeout: 30_000 });
}

describe('fetching the articles of imported links in Chromium', () => {
  it('turns imported links into articles with their highlight placed; a page that is gone stays a link with its reason', async () => {
    const { session } = suite.started();
    const transfer = await openTab(
      session,
      `chrome-extension://${session.extensionId}/transfer.html`,
    );
    suite.opened.push(transfer);
    await importBookmarks(transfer);
    const offer = await transfer.waitForSelector('[data-testid=fetch-offer]');
    expect(await offer?.evaluate((el) => el.textContent)).toBe(message('fetch_offer_other', '3'));
    const before = await storedByPage(transfer);
    expect([...before.values()].map((row) => row.kind)).toEqual(['link', 'link', 'link']);

    await allowSiteAccessInExtensionsPage(session, 'http://127.0.0.1/*');
    const line = await fetchArticles(transfer);
    expect(line).toBe(
      `${message('fetch_progress', '2', '3')} — ${message('fetch_progress_failed_one', '1')}`,
    );
    expect(await failureReasons(transfer)).toEqual([message('fetch_failure_http_status', '404')]);

    const after = await storedByPage(transfer);
    const first = after.get(seed.page);
    expect(first).toMatchObject({
      kind: 'article',
      title: seed.expected.title,
      byline: seed.expected.byline,
      publishedTime: seed.expected.publishedTime,
      tags: [FOLDER],
    });
    // The body's text is derived from its HTML, not stored beside it.
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
    // Saved when it was bookmarked, not when it was fetched.
    expect(first?.savedAt).toBe(before.get(seed.page)?.savedAt);

    // The fetched article reads in the reader like a saved one.
    const reader = await openTab(
      session,
      `chrome-extension://${session.extensionId}/reader.html?id=${encodeURIComponent(first?.id ?? '')}`,
    );
    suite.opened.push(reader);
    await reader.waitForSelector('[data-testid=article-body] p');
    const shown = await reader.$eval('[data-testid=article-body]', (el) => el.textContent ?? '');
    expect(shown).toContain(seed.bodyMustContain[0]);
    // Pocket's highlight, known by its quote alone, is drawn where the sentence is.
    const marked = await waitFor('the imported highlight to be drawn', async () => {
      const text = await reader.$$eval('mark.margins-hl', (marks) =>
        marks.map((mark) => mark.textContent).join(''),
      );
      return text || undefined;
    });
    expect(marked).toBe(POCKET_QUOTE);
  });
});
