/**
 * Firefox: links imported from a Pocket export become articles when the user has Margins fetch
 * them, and the export's highlight, known by its quote alone, is drawn in the fetched text. The
 * click asks for site access to the links' site and Firefox grants it (the pref
 * extensions.webextOptionalPermissionPrompts=false stands in for the user accepting the prompt);
 * the pages are parsed in the background page, which has a DOM in Firefox.
 */
import { describe, expect, it } from 'vitest';
import {
  expectFetchedLibrary,
  expectReaderShowsHighlight,
  failureReasons,
  fetchArticles,
  importPocketExport,
} from '../harness/fetch-links.ts';
import { findExtensionPage, openReader, type ExtensionGlobal } from '../harness/firefox.ts';
import { useFirefoxSuite } from '../harness/firefox-suite.ts';
import { message } from '../harness/records.ts';

const suite = useFirefoxSuite();

describe('fetching the articles of imported links in Firefox', () => {
  it('turns imported links into articles with their highlight placed; a page that is gone stays a link with its reason', async () => {
    const { session, library, server } = suite.started();
    await library.evaluate(() => {
      const { browser } = globalThis as ExtensionGlobal;
      return browser.tabs.create({ url: browser.runtime.getURL('transfer.html') });
    });
    const transfer = await findExtensionPage(session, 'transfer.html');
    await importPocketExport(transfer, server);
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

    const first = await expectFetchedLibrary(transfer);
    await expectReaderShowsHighlight(await openReader(session, transfer, first?.id ?? ''));
  });
});
