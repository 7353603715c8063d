/**
 * Firefox: the extension installs and opens its library tab; with site access granted by the user
 * for 127.0.0.1, the real `save-tab` message stores the seed article, the library lists it and
 * Export JSON downloads it.
 *
 * What Firefox cannot do here: a driver cannot press the toolbar button (the popup is not a
 * target), so activeTab is never granted. The save is started by the same protocol message the
 * popup sends, from Margins' own library page, after the user-style grant of the optional host
 * permission (a real click on a button in that page calls permissions.request; the pref
 * extensions.webextOptionalPermissionPrompts=false stands in for the user accepting the prompt).
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../../src/shared/export-format.ts';
import {
  EXTENSION_ORIGIN,
  grantSiteAccess,
  requestSave,
  type ExtensionGlobal,
} from '../harness/firefox.ts';
import { FIXTURE_SITE_ACCESS, useFirefoxSuite } from '../harness/firefox-suite.ts';
import {
  DB_NAME,
  listedArticles,
  message,
  readRowsInExtension,
  seed,
  STORE_NAME,
  withoutUrlKeys,
  exportedWithoutAnnotations,
  type StoredRow,
} from '../harness/records.ts';
import { waitFor, waitForDownload } from '../harness/util.ts';
import { htmlText } from '../../../src/shared/article-html/html-text.ts';

// No site access before the tests: granting it is part of what they check.
const { started } = useFirefoxSuite();

async function readStoredRows(page: Page): Promise<StoredRow[]> {
  return (await page.evaluate(readRowsInExtension, DB_NAME, STORE_NAME)) as StoredRow[];
}

describe('Margins in Firefox', () => {
  it('installs and opens its library tab with the welcome text, without saving', async () => {
    const { library } = started();
    const href = await library.evaluate(() => location.href);
    expect(href).toBe(`${EXTENSION_ORIGIN}popup.html?view=tab&welcome=1`);
    await library.waitForSelector('main.library-tab .empty');
    const text = await library.$eval('main', (el) => el.textContent ?? '');
    expect(text).toContain(message('welcome_text'));
    expect(await library.$('[data-testid=save-status]')).toBeNull();
    expect(await readStoredRows(library)).toEqual([]);
  });

  it('saves the seed page in another tab once the user granted site access', async () => {
    const { server, session, library } = started();
    const pageUrl = server.url(seed.page);
    const tab = await session.browser.newPage();
    await tab.goto(pageUrl, { waitUntil: 'load' });

    const holdsAccess = () =>
      library.evaluate(
        (pattern) =>
          (globalThis as ExtensionGlobal).browser.permissions.contains({ origins: [pattern] }),
        FIXTURE_SITE_ACCESS,
      );
    expect(await holdsAccess()).toBe(false);
    expect(await grantSiteAccess(library, FIXTURE_SITE_ACCESS)).toBe(true);

    const reply = await requestSave(library, pageUrl);
    if (!reply.ok) throw new Error(`save-tab failed: ${reply.error.code}: ${reply.error.detail}`);
    expect(reply.value.status).toBe('created');

    const rows = await readStoredRows(library);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    const { originalSourceUrl, ...expected } = seed.expected;
    expect(row).toMatchObject({ ...expected, kind: 'article', url: pageUrl });
    // The body's text is derived from its HTML, not stored beside it.
    expect(row).not.toHaveProperty('textContent');
    for (const sentence of seed.bodyMustContain) {
      expect(htmlText(row?.contentHtml ?? '')).toContain(sentence);
    }
    expect(reply.value.article).toEqual(row && withoutUrlKeys(row));
    // Checked last so a wrong source link does not hide the checks above.
    expect(row?.originalSourceUrl, 'the "Source link" to the original publisher').toBe(
      originalSourceUrl,
    );
  });

  it('lists the saved article in the library tab, and a second save adds no copy', async () => {
    const { server, library } = started();
    const pageUrl = server.url(seed.page);
    const listed = await waitFor('the library to list the saved article', async () => {
      const items = await listedArticles(library);
      return items.length > 0 && items;
    });
    expect(listed).toEqual([
      {
        title: seed.expected.title,
        readerHref: expect.stringMatching(/^moz-extension:\/\/[^/]+\/reader\.html\?id=/),
        href: pageUrl,
        target: '_blank',
        meta: expect.any(String),
      },
    ]);

    const [before] = await readStoredRows(library);
    const reply = await requestSave(library, pageUrl);
    expect(reply.ok && reply.value.status).toBe('updated');
    const rows = await readStoredRows(library);
    expect(rows.map((row) => [row.id, row.savedAt])).toEqual([[before?.id, before?.savedAt]]);
  });

  it('Export JSON downloads the stored collection', async () => {
    const { session, library } = started();
    const stored = await readStoredRows(library);
    expect(stored).toHaveLength(1);

    await library.click('header.top .export button');
    const file = await waitForDownload(session.downloadsDir, /^margins-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(file.text) as ExportDocument;
    expect(exported.format).toBe('margins-export');
    expect(exported.version).toBe(1);
    expect(Number.isNaN(Date.parse(exported.exportedAt))).toBe(false);
    expect(exported.articles).toEqual(stored.map(exportedWithoutAnnotations));
  });
});
