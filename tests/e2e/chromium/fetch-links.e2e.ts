/**
 * Chromium: links imported from a Pocket export become articles when the user has Margins fetch
 * them, and the export's highlight, known by its quote alone, is drawn in the fetched text. The
 * site access this needs is Margins' optional host permission for the fixture site, given the
 * way a Chromium user can (chrome://extensions → Site access; the permission dialog cannot be
 * answered from a driver), after which the page's own request on the click resolves without a
 * dialog. The pages are parsed in Chrome's offscreen document.
 */
import { describe, expect, it } from 'vitest';
import { allowSiteAccessInExtensionsPage, openTab } from '../harness/chromium.ts';
import { useChromiumSuite } from '../harness/chromium-suite.ts';
import {
  expectFetchedLibrary,
  expectReaderShowsHighlight,
  failureReasons,
  fetchArticles,
  importPocketExport,
  storedByPage,
} from '../harness/fetch-links.ts';
import { message, seed } from '../harness/records.ts';

const suite = useChromiumSuite();

describe('fetching the articles of imported links in Chromium', () => {
  it('turns imported links into articles with their highlight placed; a page that is gone stays a link with its reason', async () => {
    const { session, server } = suite.started();
    const transfer = await openTab(
      session,
      `chrome-extension://${session.extensionId}/transfer.html`,
    );
    suite.opened.push(transfer);
    await importPocketExport(transfer, server);
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

    const first = await expectFetchedLibrary(transfer);
    // The page's metadata replaces the link's; saved when it was bookmarked, not when fetched.
    expect(first).toMatchObject({
      byline: seed.expected.byline,
      publishedTime: seed.expected.publishedTime,
      savedAt: before.get(seed.page)?.savedAt,
    });

    const reader = await openTab(
      session,
      `chrome-extension://${session.extensionId}/reader.html?id=${encodeURIComponent(first?.id ?? '')}`,
    );
    suite.opened.push(reader);
    await expectReaderShowsHighlight(reader);
  });
});
