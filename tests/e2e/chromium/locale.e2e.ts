/**
 * Chromium launched in another language (`--lang=fr`, then `de` and `es`): Margins' pages speak
 * it, from its own message catalogue, and dates and sizes are formatted with Intl in it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clickToolbarButton,
  launchChromium,
  openTab,
  saveOutcome,
  type ChromiumSession,
} from '../harness/chromium.ts';
import { startFixtureServer, type FixtureServer } from '../harness/fixture-server.ts';
import { listedArticles, seed } from '../harness/records.ts';
import { ROOT, waitFor } from '../harness/util.ts';

/** A message of a locale's catalogue (no placeholders). */
function messageIn(locale: string, key: string): string {
  const catalogue = JSON.parse(
    readFileSync(join(ROOT, 'public/_locales', locale, 'messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
  const entry = catalogue[key];
  if (!entry) throw new Error(`no message ${key} in the ${locale} catalogue`);
  return entry.message;
}

let server: FixtureServer | undefined;
let session: ChromiumSession | undefined;

afterEach(async () => {
  await session?.close();
  await server?.close();
  session = undefined;
  server = undefined;
});

/** Starts the browser in `lang`, saves the seed article with the toolbar button. */
async function saveSeedIn(lang: string): Promise<{ session: ChromiumSession; popup: Page }> {
  server = await startFixtureServer();
  session = await launchChromium([`--lang=${lang}`]);
  const tab = await openTab(session, server.url(seed.page));
  const popup = await clickToolbarButton(session, tab);
  const status = await saveOutcome(popup);
  expect(status.error).toBe('');
  return { session, popup };
}

/** The seed article's meta line in the list, once listed. */
async function listedMeta(page: Page): Promise<string> {
  const [item] = await waitFor('the saved article in the list', async () => {
    const items = await listedArticles(page);
    return items.length > 0 && items;
  });
  return item?.meta ?? '';
}

describe('Margins in the browser’s language', () => {
  it('French (--lang=fr): French text and a French date in the popup and the options page', async () => {
    const { session, popup } = await saveSeedIn('fr');
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^fr/);
    const status = await saveOutcome(popup);
    expect(status.line).toBe('Enregistré');
    expect(await popup.$eval('header.top .export button', (el) => el.textContent)).toBe(
      'Exporter en JSON',
    );
    // 2024-06-18T20:17:30 (no time zone): shown as written, in French.
    expect(await listedMeta(popup)).toContain('18 juin 2024');
    expect(await popup.$eval('footer.settings a', (el) => el.textContent)).toBe('Réglages');

    const options = await openTab(
      session,
      `chrome-extension://${session.extensionId}/options.html`,
    );
    await options.waitForSelector('[data-testid=colour-setting] input:checked');
    expect(await options.$eval('h1', (el) => el.textContent)).toBe('Réglages de Margins');
    expect(await options.$eval('[data-testid=persist-button]', (el) => el.textContent)).toBe(
      'Demander un stockage persistant',
    );
    const usage = await waitFor('the storage estimate', async () => {
      const text = await options.$eval('[data-testid=storage-usage]', (el) => el.textContent);
      return text?.startsWith('Margins utilise') && text;
    });
    // Sizes with French units ("ko", "Mo", "Go", after a narrow no-break space), not English ones.
    expect(usage).toMatch(/\d\s([kMGT]o|octets?)\b/);
    expect(usage).not.toMatch(/\b[kMG]B\b/);
  });

  it.each([
    { lang: 'de', date: '18.06.2024' },
    { lang: 'es', date: '18 jun 2024' },
  ])('$lang: the popup in that language, with its date format', async ({ lang, date }) => {
    const { popup } = await saveSeedIn(lang);
    expect((await saveOutcome(popup)).line).toBe(messageIn(lang, 'status_saved'));
    expect(await popup.$eval('header.top .export button', (el) => el.textContent)).toBe(
      messageIn(lang, 'action_export_json'),
    );
    expect(await listedMeta(popup)).toContain(date);
  });
});
