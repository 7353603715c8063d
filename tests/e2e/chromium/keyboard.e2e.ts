/**
 * Chromium: the popup with the keyboard alone. After the toolbar click saves the page, Tab
 * moves through the controls in reading order, and Enter on "Export JSON" downloads the library;
 * a search typed from the keyboard reaches its result, and Enter opens it in the reader.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { clickToolbarButton, openTab, saveOutcome } from '../harness/chromium.ts';
import { useChromiumSuite } from '../harness/chromium-suite.ts';
import { message, seed } from '../harness/records.ts';
import { waitForDownload } from '../harness/util.ts';

const { started, opened } = useChromiumSuite();

/** Presses Tab and says what has focus: its label, or its visible text. */
async function tab(popup: Page): Promise<string> {
  await popup.keyboard.press('Tab');
  return popup.evaluate(() => {
    const focused = document.activeElement as HTMLInputElement | null;
    const label = focused?.labels?.[0]?.textContent;
    return (focused?.getAttribute('aria-label') || label || focused?.textContent || '').trim();
  });
}

describe('the popup with the keyboard alone', () => {
  it('reaches every control in reading order and exports with Enter', async () => {
    const { server, session } = started();
    const page = await openTab(session, server.url(seed.page));
    const popup = await clickToolbarButton(session, page);
    opened.push(page, popup);
    expect((await saveOutcome(popup)).line).toBe(message('status_saved'));

    const expected = [
      message('action_export_json'),
      message('action_undo'),
      message('search_label'),
      message('filter_tag'),
      message('filter_site'),
      message('filter_read'),
      message('sort_label'),
      message('filter_highlights'),
      message('filter_archive'),
      message('action_select', seed.expected.title),
      seed.expected.title,
      message('label_source'),
      message('action_edit'),
      message('action_archive_one', seed.expected.title),
      message('action_delete_one', seed.expected.title),
      message('revisit_toggle'),
    ];
    const order: string[] = [];
    for (let i = 0; i < expected.length; i++) order.push(await tab(popup));
    expect(order).toEqual(expected);

    // Shift+Tab back to the export button, then Enter.
    await popup.keyboard.down('Shift');
    for (let i = 0; i < expected.length - 1; i++) await popup.keyboard.press('Tab');
    await popup.keyboard.up('Shift');
    expect(await popup.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      message('action_export_json'),
    );
    await popup.keyboard.press('Enter');
    const file = await waitForDownload(session.downloadsDir, /^margins-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(file.text)).toMatchObject({
      format: 'margins-export',
      articles: [{ title: seed.expected.title }],
    });
  });

  it('searches from the keyboard and opens the result in the reader with Enter', async () => {
    const { session } = started();
    const library = await session.browser.newPage();
    opened.push(library);
    await library.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await library.waitForSelector('ul.articles > li.article');
    await library.keyboard.press('Tab'); // Export JSON
    expect(await tab(library)).toBe(message('search_label'));
    await library.keyboard.type('coree pyong');
    await library.waitForSelector('ul.articles > li.article mark');
    // Past the six filters and the row's checkbox to the first result's title.
    for (let i = 0; i < 7; i++) await tab(library);
    expect(await tab(library)).toBe(seed.expected.title);
    const readerOpened = session.browser.waitForTarget((target) =>
      target.url().startsWith(`chrome-extension://${session.extensionId}/reader.html?id=`),
    );
    await library.keyboard.press('Enter');
    const reader = await (await readerOpened).asPage();
    opened.push(reader);
    await reader.waitForSelector('[data-testid=article-body] p');
    expect(await reader.$eval('h1', (heading) => heading.textContent)).toBe(seed.expected.title);
    // Leave the library unfiltered for whoever opens it next (a tab in the background gets no
    // animation frames, which a click waits for).
    await library.bringToFront();
    await library.click('#search', { count: 3 });
    await library.keyboard.press('Backspace');
  });
});
