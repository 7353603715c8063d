/**
 * Chromium: a right-to-left article (Arabic) saved with the toolbar button is laid out right to
 * left in the reader, in its own language, while Margins' own interface keeps the browser's.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickToolbarButton,
  launchChromium,
  openTab,
  readStoredRows,
  saveOutcome,
  type ChromiumSession,
} from '../harness/chromium.ts';
import { startFixtureServer, type FixtureServer } from '../harness/fixture-server.ts';

let server: FixtureServer | undefined;
let session: ChromiumSession | undefined;
const opened: Page[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  session = await launchChromium();
});
afterAll(async () => {
  await Promise.all(opened.map((page) => page.close().catch(() => undefined)));
  await session?.close();
  await server?.close();
});

describe('a right-to-left article in the reader', () => {
  it('is set right to left in Arabic, with the interface left to right in English', async () => {
    if (!server || !session) throw new Error('the suite did not start');
    const tab = await openTab(session, server.url('rtl-arabic.html'));
    const popup = await clickToolbarButton(session, tab);
    opened.push(tab, popup);
    expect((await saveOutcome(popup)).error).toBe('');
    const [row] = await readStoredRows(session);
    expect(row).toMatchObject({ lang: 'ar', dir: 'rtl' });

    const reader = await session.browser.newPage();
    opened.push(reader);
    await reader.goto(`chrome-extension://${session.extensionId}/reader.html?id=${row?.id}`);
    const body = await reader.waitForSelector('[data-testid=article-body] p');
    const layout = await body?.evaluate((paragraph) => {
      const article = paragraph.closest('[dir]');
      return {
        lang: article?.getAttribute('lang'),
        direction: getComputedStyle(paragraph).direction,
        textAlign: getComputedStyle(paragraph).textAlign,
        interface: getComputedStyle(document.body).direction,
      };
    });
    expect(layout).toMatchObject({ lang: 'ar', direction: 'rtl', interface: 'ltr' });
    expect(['start', 'right']).toContain(layout?.textAlign);
  });
});
