/**
 * Chromium: a right-to-left article (Arabic) saved with the toolbar button is laid out right to
 * left in the reader, in its own language, while Margins' own interface keeps the browser's.
 */
import { describe, expect, it } from 'vitest';
import { clickToolbarButton, openTab, readStoredRows, saveOutcome } from '../harness/chromium.ts';
import { useChromiumSuite } from '../harness/chromium-suite.ts';

const { started, opened } = useChromiumSuite();

describe('a right-to-left article in the reader', () => {
  it('is set right to left in Arabic, with the interface left to right in English', async () => {
    const { server, session } = started();
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
