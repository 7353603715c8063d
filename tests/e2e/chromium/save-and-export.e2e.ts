/**
 * Chromium: the real toolbar click saves the page, the popup reports it and lists the library,
 * Undo reverses a save, restricted pages are refused and Export JSON downloads the collection.
 * The tests run in order and share one browser: (b) and (d) build on the save made in (a).
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../../src/shared/export-format.ts';
import {
  clickToolbarButton,
  openTab,
  readStoredRows,
  saveOutcome,
  type SaveStatusView,
} from '../harness/chromium.ts';
import { useChromiumSuite } from '../harness/chromium-suite.ts';
import { listedArticles, message, seed, exportedWithoutAnnotations } from '../harness/records.ts';
import { waitFor, waitForDownload } from '../harness/util.ts';
import { htmlText } from '../../../src/shared/article-html/html-text.ts';

const { started, opened } = useChromiumSuite();

/** Opens a fixture page, clicks the toolbar button on it and waits for the save to finish. */
async function saveFixture(page: string): Promise<{ popup: Page; status: SaveStatusView }> {
  const { server, session } = started();
  const tab = await openTab(session, server.url(page));
  const popup = await clickToolbarButton(session, tab);
  opened.push(tab, popup);
  return { popup, status: await saveOutcome(popup) };
}

describe('Margins in Chromium', () => {
  it('(a) saves the seed article with the toolbar button and lists it', async () => {
    const { server, session } = started();
    expect(await readStoredRows(session)).toEqual([]);
    const { popup, status } = await saveFixture(seed.page);

    expect(status).toMatchObject({ line: message('status_saved'), error: '', hasUndo: true });
    expect(status.title).toBe(seed.expected.title);
    const pageUrl = server.url(seed.page);
    const listed = await waitFor('the saved article in the list', async () => {
      const items = await listedArticles(popup);
      return items.length > 0 && items;
    });
    const rows = await readStoredRows(session);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(listed).toEqual([
      {
        title: seed.expected.title,
        readerHref: `chrome-extension://${session.extensionId}/reader.html?id=${row?.id}`,
        href: pageUrl,
        target: '_blank',
        meta: expect.any(String),
      },
    ]);
    const { originalSourceUrl, ...expected } = seed.expected;
    expect(row).toMatchObject({ ...expected, kind: 'article', url: pageUrl });
    // The body's text is derived from its HTML, not stored beside it.
    expect(row).not.toHaveProperty('textContent');
    for (const sentence of seed.bodyMustContain) {
      expect(htmlText(row?.contentHtml ?? '')).toContain(sentence);
    }
    // Checked last so a wrong source link does not hide the checks above.
    expect(row?.originalSourceUrl, 'the "Source link" to the original publisher').toBe(
      originalSourceUrl,
    );
  });

  it('(b) a second click on the same article updates it instead of adding a copy', async () => {
    const { session } = started();
    const [first] = await readStoredRows(session);
    const { popup, status } = await saveFixture(seed.page);

    expect(status).toMatchObject({ line: message('status_updated'), title: seed.expected.title });
    const listed = await listedArticles(popup);
    expect(listed.map((item) => item.title)).toEqual([seed.expected.title]);
    const rows = await readStoredRows(session);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(first?.id);
    expect(rows[0]?.savedAt).toBe(first?.savedAt);
  });

  it('(c) Undo right after a fresh save removes the article', async () => {
    const { session } = started();
    const before = await readStoredRows(session);
    const { popup, status } = await saveFixture('e2e-second-article.html');
    expect(status).toMatchObject({ line: message('status_saved'), hasUndo: true });
    expect(await readStoredRows(session)).toHaveLength(before.length + 1);

    await popup.click('[data-testid=save-status] button.undo');
    const undone = await saveOutcome(popup, ['undone', 'failed']);
    expect(undone).toMatchObject({ line: message('status_undone_created'), error: '' });
    expect(await readStoredRows(session)).toEqual(before);
    const listed = await waitFor('the list to drop the undone article', async () => {
      const items = await listedArticles(popup);
      return items.length === before.length && items;
    });
    expect(listed.map((item) => item.title)).toEqual([seed.expected.title]);
  });

  it('(d) Export JSON downloads the stored collection', async () => {
    const { session } = started();
    const rows = await readStoredRows(session);
    expect(rows).toHaveLength(1);
    const { popup } = await saveFixture(seed.page);
    const stored = await readStoredRows(session);

    await popup.click('header.top .export button');
    const file = await waitForDownload(session.downloadsDir, /^margins-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(file.text) as ExportDocument;
    expect(exported.format).toBe('margins-export');
    expect(exported.version).toBe(1);
    expect(Number.isNaN(Date.parse(exported.exportedAt))).toBe(false);
    expect(exported.articles).toEqual(stored.map(exportedWithoutAnnotations));
  });

  it('(e) a browser page is refused with the restricted-page message', async () => {
    const { session } = started();
    const before = await readStoredRows(session);
    const tab = await session.browser.newPage();
    opened.push(tab);
    await tab.goto('chrome://version', { waitUntil: 'load' });
    const popup = await clickToolbarButton(session, tab);
    opened.push(popup);

    const status = await saveOutcome(popup);
    expect(status).toMatchObject({ error: message('error_restricted_page'), hasUndo: false });
    expect(await readStoredRows(session)).toEqual(before);
  });

  it('(f) a page without article text is saved as a link only', async () => {
    const { server, session } = started();
    const { popup, status } = await saveFixture('e2e-not-article.html');
    expect(status.line).toBe(message('status_saved'));
    expect(status.meta).toContain(message('label_link_only'));

    const url = server.url('e2e-not-article.html');
    const row = (await readStoredRows(session)).find((item) => item.url === url);
    expect(row).toMatchObject({ kind: 'link', contentHtml: '', wordCount: 0 });
    const listed = await waitFor('the link in the list', async () =>
      (await listedArticles(popup)).find((item) => item.href === url),
    );
    expect(listed.meta).toContain(message('label_link_only'));
  });
});
