/**
 * Chromium: every extension page under axe-core, in the light and the dark colour scheme. The
 * library (popup.html opened as a tab), the toolbar popup after a save, the reader with a saved
 * article, a highlight and its note, and the options page (sync off and on) must each report 0
 * violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { clickToolbarButton, openTab, readStoredRows, saveOutcome } from '../harness/chromium.ts';
import { useChromiumSuite } from '../harness/chromium-suite.ts';
import { message, seed } from '../harness/records.ts';
import { waitFor } from '../harness/util.ts';
import { selectInArticle } from '../harness/reader.ts';
import { SYNC_OFF, SYNC_STATUS_KEY } from '../../../src/shared/sync-status.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const SENTENCE =
  'Le président russe Vladimir Poutine est attendu mardi 18 juin à Pyongyang, pour une visite d’État de deux jours.';
const NOTE = 'Première visite depuis 2000.';
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** What axe-core puts on the page's window once its source has been evaluated there. */
type AxeGlobal = typeof globalThis & {
  axe: {
    run(context: Document): Promise<{
      violations: AxeViolation[];
      passes: unknown[];
      incomplete: { id: string; nodes: { target: unknown[] }[] }[];
    }>;
  };
};

/** How code evaluated in an extension page reaches Chromium's storage API. */
type StorageGlobal = typeof globalThis & {
  chrome: {
    storage: {
      local: {
        set(items: Record<string, unknown>): Promise<void>;
        remove(key: string): Promise<void>;
      };
    };
  };
};

const { started } = useChromiumSuite();
let articleId = '';

/**
 * Runs axe on the page in one colour scheme. The source is evaluated over CDP, which the
 * extension pages' Content Security Policy (script-src 'self') does not apply to.
 */
async function audit(page: Page, name: string, theme: Theme): Promise<AxeViolation[]> {
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
  // Let the new scheme's styles apply before measuring contrast.
  await page.bringToFront();
  await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
  const injected = await page.evaluate(() => 'axe' in globalThis);
  if (!injected) await page.evaluate(AXE_SOURCE);
  const { violations, passes, unsure } = await page.evaluate(async () => {
    const result = await (globalThis as AxeGlobal).axe.run(document);
    return {
      violations: result.violations.map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
      })),
      passes: result.passes.length,
      unsure: result.incomplete.map(
        ({ id, nodes }) => `${id} ${nodes.map(({ target }) => JSON.stringify(target)).join(' ')}`,
      ),
    };
  });
  console.log(`axe: ${name} ${theme}: ${violations.length} violations`);
  // What axe could not decide (e.g. contrast over a gradient) is listed for a human to check.
  console.log(`  ${passes} rules passed; needs review: ${unsure.join(', ') || 'nothing'}`);
  for (const violation of violations) {
    console.log(`  ${violation.id} (${violation.impact}): ${violation.help}`);
    for (const node of violation.nodes) {
      console.log(`    ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`);
    }
  }
  return violations;
}

beforeAll(async () => {
  const { server, session } = started();
  const tab = await openTab(session, server.url(seed.page));
  const popup = await clickToolbarButton(session, tab);
  expect(await saveOutcome(popup)).toMatchObject({ line: message('status_saved'), error: '' });
  await popup.close();
  await tab.close();
  const [row] = await readStoredRows(session);
  if (!row) throw new Error('the seed article was not stored');
  articleId = row.id;
});

describe('axe-core on every Margins page, light and dark', () => {
  it('the library (popup.html in a tab) with a saved article', async () => {
    const { session } = started();
    const page = await openTab(session, `chrome-extension://${session.extensionId}/popup.html`);
    await page.waitForSelector('ul.articles > li.article');
    for (const theme of THEMES) expect(await audit(page, 'library', theme)).toEqual([]);
    await page.close();
  });

  it('the toolbar popup, right after a save', async () => {
    const { server, session } = started();
    const tab = await openTab(session, server.url(seed.page));
    const popup = await clickToolbarButton(session, tab);
    await saveOutcome(popup);
    await popup.waitForSelector('ul.articles > li.article');
    for (const theme of THEMES) expect(await audit(popup, 'popup', theme)).toEqual([]);
    await popup.close();
    await tab.close();
  });

  it('the reader with a highlight and its note', async () => {
    const { session } = started();
    const reader = await openTab(
      session,
      `chrome-extension://${session.extensionId}/reader.html?id=${encodeURIComponent(articleId)}`,
    );
    await reader.waitForSelector('[data-testid=article-body] p');
    await selectInArticle(reader, SENTENCE);
    await reader.waitForSelector('[data-testid=selection-toolbar]');
    await reader.click('[data-testid=selection-toolbar] button.colour-button[data-colour=green]');
    await reader.waitForSelector('mark.margins-hl[data-colour=green]');
    await reader.click('mark.margins-hl');
    await reader.waitForSelector('[data-testid=highlight-editor] textarea');
    await reader.type('[data-testid=highlight-editor] textarea', NOTE);
    await reader.click('[data-testid=highlight-editor] button[type=submit]');
    await waitFor('the note to be saved', async () =>
      (await reader.$eval('[data-testid=reader-status]', (el) => el.textContent)) ===
      message('reader_status_note_saved')
        ? true
        : undefined,
    );
    // With the highlight editor open: its form is part of the page a user works with.
    for (const theme of THEMES) {
      expect(await audit(reader, 'reader (editor open)', theme)).toEqual([]);
    }
    await reader.keyboard.press('Escape');
    await waitFor(
      'the editor to close',
      async () => !(await reader.$('[data-testid=highlight-editor]')),
    );
    for (const theme of THEMES) expect(await audit(reader, 'reader', theme)).toEqual([]);
    await reader.close();
  });

  it('the library while searching, with a row selected and its details open', async () => {
    const { session } = started();
    const page = await openTab(session, `chrome-extension://${session.extensionId}/popup.html`);
    await page.waitForSelector('ul.articles > li.article');
    await page.type('#search', 'pyong');
    await page.waitForSelector('ul.articles > li.article mark');
    await page.click('ul.articles > li.article input.select');
    await page.waitForSelector('.selection-bar');
    await page.click('ul.articles > li.article button.edit');
    await page.waitForSelector('.edit-panel form.editor');
    for (const theme of THEMES) expect(await audit(page, 'library searching', theme)).toEqual([]);
    // The search is kept for the next opening: clear it for the tests that follow.
    await page.click('#search', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.close();
  });

  it('the Import & export page', async () => {
    const { session } = started();
    const page = await openTab(session, `chrome-extension://${session.extensionId}/transfer.html`);
    await page.waitForSelector('input[type=file]');
    for (const theme of THEMES) expect(await audit(page, 'import & export', theme)).toEqual([]);
    await page.close();
  });

  it('the options page, with what the sync form says of wrong fields', async () => {
    const { session } = started();
    const page = await openTab(session, `chrome-extension://${session.extensionId}/options.html`);
    await page.waitForSelector('[data-testid=colour-setting] input:checked');
    await page.waitForSelector('[data-testid=storage-usage]');
    await page.type('#sync-server', 'couch');
    await page.click('#sync-enable');
    await page.waitForSelector('#sync-passphrase[aria-invalid=true]');
    for (const theme of THEMES) expect(await audit(page, 'options', theme)).toEqual([]);
    await page.close();
  });

  it('Settings and the library while sync is on and its last sync failed', async () => {
    const { session } = started();
    const page = await openTab(session, `chrome-extension://${session.extensionId}/options.html`);
    const status = {
      ...SYNC_OFF,
      enabled: true,
      serverUrl: 'https://couch.example.org',
      database: 'margins',
      username: 'reader',
      state: 'error',
      lastSuccessAt: new Date(Date.now() - 3_600_000).toISOString(),
      pending: 2,
      error: { code: 'unauthorized', detail: 'GET /margins', at: new Date().toISOString() },
    };
    // Only the background writes the status; here it stands for a background whose sync failed.
    await page.evaluate(
      (key, value) => (globalThis as StorageGlobal).chrome.storage.local.set({ [key]: value }),
      SYNC_STATUS_KEY,
      status,
    );
    await page.waitForSelector('#sync-now');
    expect(await page.$eval('#sync-error', (el) => el.textContent)).toBe(
      message('sync_error_unauthorized'),
    );
    for (const theme of THEMES) expect(await audit(page, 'options, sync on', theme)).toEqual([]);
    const library = await openTab(session, `chrome-extension://${session.extensionId}/popup.html`);
    await library.waitForSelector('.sync-state[data-state=error]');
    for (const theme of THEMES) {
      expect(await audit(library, 'library, sync failed', theme)).toEqual([]);
    }
    await library.close();
    await page.evaluate(
      (key) => (globalThis as StorageGlobal).chrome.storage.local.remove(key),
      SYNC_STATUS_KEY,
    );
    await page.close();
  });
});
