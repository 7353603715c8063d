/**
 * Chromium: the options page. Settings are changed with the keyboard and announced; "only open
 * the list" makes the toolbar popup save nothing until its "Save this page" button is pressed;
 * the reader offers the default colour first and uses it for "h"; the persistent-storage request
 * shows the browser's answer; the popup's "Settings" link opens the page.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  clickToolbarButton,
  openTab,
  readStoredRows,
  saveOutcome,
  type ChromiumSession,
} from '../harness/chromium.ts';
import { useChromiumSuite } from '../harness/chromium-suite.ts';
import type { FixtureServer } from '../harness/fixture-server.ts';
import { message, seed } from '../harness/records.ts';
import { waitFor } from '../harness/util.ts';

/** How code evaluated in an extension page reaches Chromium's extension API. */
type ChromeGlobal = typeof globalThis & {
  chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
};

const suite = useChromiumSuite();
let options: Page | undefined;

function started(): { server: FixtureServer; session: ChromiumSession; options: Page } {
  if (!options) throw new Error('the suite did not start');
  return { ...suite.started(), options };
}

function storedSettings(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const stored = await (globalThis as ChromeGlobal).chrome.storage.local.get('settings');
    return stored.settings;
  });
}

async function announcedSaved(page: Page): Promise<void> {
  await waitFor('the change to be announced', async () =>
    (await page.$eval('[data-testid=options-status]', (el) => el.textContent)) ===
    message('options_status_saved')
      ? true
      : undefined,
  );
}

beforeAll(async () => {
  const { session } = suite.started();
  options = await openTab(session, `chrome-extension://${session.extensionId}/options.html`);
  await options.waitForSelector('[data-testid=colour-setting] input:checked');
});

describe('the options page in Chromium', () => {
  it('shows the defaults, and changes the default colour with the keyboard', async () => {
    const { options } = started();
    expect(await storedSettings(options)).toBeUndefined();
    expect(
      await options.$eval('[data-testid=colour-setting] input:checked', (el) =>
        el.getAttribute('value'),
      ),
    ).toBe('yellow');
    expect(
      await options.$eval('[data-testid=toolbar-setting] input:checked', (el) =>
        el.getAttribute('value'),
      ),
    ).toBe('save');

    // Tab reaches the colour group first; an arrow key moves to and picks the next colour.
    await options.keyboard.press('Tab');
    expect(await options.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      'yellow',
    );
    await options.keyboard.press('ArrowRight');
    await announcedSaved(options);
    expect(await storedSettings(options)).toEqual({
      defaultHighlightColour: 'green',
      toolbarAction: 'save',
      backupEveryDays: 0,
      backupKeep: 7,
      revisitHighlights: true,
      keepImagesFromAllSites: false,
    });
  });

  it('"Only open my library": the toolbar popup saves nothing until asked', async () => {
    const { server, session, options } = started();
    await options.click('[data-testid=toolbar-setting] input[value=open-list]');
    await waitFor('the setting to be stored', async () => {
      const stored = (await storedSettings(options)) as { toolbarAction?: string } | undefined;
      return stored?.toolbarAction === 'open-list';
    });

    const tab = await openTab(session, server.url(seed.page));
    const popup = await clickToolbarButton(session, tab);
    await popup.waitForSelector('[data-testid=save-page]');
    expect(await popup.$('[data-testid=save-status]')).toBeNull();
    expect(await readStoredRows(session)).toEqual([]);

    await popup.click('[data-testid=save-page]');
    const status = await saveOutcome(popup);
    expect(status).toMatchObject({ line: message('status_saved'), error: '' });
    expect(await readStoredRows(session)).toHaveLength(1);
    expect(await popup.$('[data-testid=save-page]')).toBeNull();
    await popup.close();
    await tab.close();
  });

  it('the reader offers the default colour first and highlights in it with "h"', async () => {
    const { session } = started();
    const [row] = await readStoredRows(session);
    if (!row) throw new Error('no saved article');
    const reader = await openTab(
      session,
      `chrome-extension://${session.extensionId}/reader.html?id=${encodeURIComponent(row.id)}`,
    );
    await reader.waitForSelector('[data-testid=article-body] p');
    await reader.evaluate(() => {
      const paragraph = document.querySelector('[data-testid=article-body] p:nth-of-type(2)');
      if (!paragraph) throw new Error('no paragraph');
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    });
    await reader.waitForSelector('[data-testid=selection-toolbar]');
    expect(
      await reader.$$eval('[data-testid=selection-toolbar] button.colour-button', (buttons) =>
        buttons.map((button) => button.getAttribute('data-colour')),
      ),
    ).toEqual(['green', 'yellow', 'blue', 'pink']);
    await reader.keyboard.press('h');
    await waitFor('the highlight in the default colour', () =>
      reader.$('mark.margins-hl[data-colour=green]'),
    );
    await reader.close();
  });

  it('asks for persistent storage and shows the answer', async () => {
    const { options } = started();
    const usage = await options.$eval('[data-testid=storage-usage]', (el) => el.textContent ?? '');
    expect(usage).toMatch(/^Margins uses .+ of the .+ this browser allows it\.$/);
    const button = await options.$('[data-testid=persist-button]');
    const enabled = await button?.evaluate((el) => !(el as HTMLButtonElement).disabled);
    if (enabled) {
      await options.click('[data-testid=persist-button]');
      const answer = await waitFor('the answer', async () => {
        const text = await options.$eval('[data-testid=persist-result]', (el) => el.textContent);
        return text || undefined;
      });
      expect([message('options_persist_granted'), message('options_persist_refused')]).toContain(
        answer,
      );
    }
    expect([message('options_persist_on'), message('options_persist_off')]).toContain(
      await options.$eval('[data-testid=storage-persistence]', (el) => el.textContent),
    );
  });

  it('the popup’s "Settings" link opens this page', async () => {
    const { session, options } = started();
    // With the page already open, the browser would only bring that tab forward.
    await options.close();
    const optionsUrl = `chrome-extension://${session.extensionId}/options.html`;
    const library = await openTab(session, `chrome-extension://${session.extensionId}/popup.html`);
    await library.waitForSelector('footer.settings a');
    const before = new Set(session.browser.targets().filter((t) => t.url() === optionsUrl));
    await library.click('footer.settings a');
    const target = await session.browser.waitForTarget(
      (t) => t.url() === optionsUrl && !before.has(t),
      { timeout: 10_000 },
    );
    expect(target.url()).toBe(optionsUrl);
    await library.close();
  });
});
