/**
 * Firefox: links imported from a Pocket export become articles when the user has Margins fetch
 * them, and the export's highlight, known by its quote alone, is drawn in the fetched text. The
 * click asks for site access to the links' site and Firefox grants it (the pref
 * extensions.webextOptionalPermissionPrompts=false stands in for the user accepting the prompt);
 * the pages are parsed in the background page, which has a DOM in Firefox.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
import { findExtensionPage, openReader, type ExtensionGlobal } from '../harness/firefox.ts';
import { useFirefoxSuite } from '../harness/firefox-suite.ts';
import { message, seed } from '../harness/records.ts';
import { makeTempDir, waitFor } from '../harness/util.ts';
import { htmlText } from '../../../src/shared/article-html/html-text.ts';

const suite = useFirefoxSuite();

describe('fetching the articles of imported links in Firefox', () => {
  it('turns imported links into articles with their highlight placed; a page that is gone stays a link with its reason', async () => {
    const { session, library, server } = suite.started();
    await library.evaluate(() => {
      const { browser } = globalThis as ExtensionGlobal;
      return browser.tabs.create({ url: browser.runtime.getURL('transfer.html') });
    });
    const transfer = await findExtensionPage(session, 'transfer.html');
    const path = join(await makeTempDir('margins-e2e-fetch-'), 'pocket.zip');
    await writeFile(path, pocketZip(server));
    const input = await transfer.waitForSelector('input#import-file');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
    await transfer.waitForSelector('[data-testid=import-plan]', { timeout: 30_000 });
    await transfer.click('section[aria-labelledby=import-heading] button.primary');
    await transfer.waitForSelector('[data-testid=import-report]', { timeout: 30_000 });
    const offer = await transfer.waitForSelector('[data-testid=fetch-offer]');
    expect(await offer?.evaluate((el) => el.textContent)).toBe(message('fetch_offer_other', '3'));
    expect(
      await transfer.evaluate(() =>
        (globalThis as ExtensionGlobal).browser.permissions.contains({
          origins: ['http://127.0.0.1/*'],
        }),
      ),
    ).toBe(false);

    const line = await fetchArticles(transfer);
    expect(line).toBe(
      `${message('fetch_progress', '2', '3')} — ${message('fetch_progress_failed_one', '1')}`,
    );
    expect(await failureReasons(transfer)).toEqual([message('fetch_failure_http_status', '404')]);

    const after = await storedByPage(transfer);
    const first = after.get(seed.page);
    expect(first).toMatchObject({ kind: 'article', title: seed.expected.title, tags: [FOLDER] });
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

    const reader = await openReader(session, transfer, first?.id ?? '');
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
