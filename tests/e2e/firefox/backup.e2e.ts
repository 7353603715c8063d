/**
 * Firefox: automatic backup from the options page. "Back up now" asks for permission to save
 * files (the pref extensions.webextOptionalPermissionPrompts=false stands in for the user
 * accepting the prompt) and writes the whole library as Margins JSON into the downloads folder.
 * (Chromium is not covered: its permission dialog cannot be answered from a driver.)
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findExtensionPage, type ExtensionGlobal } from '../harness/firefox.ts';
import { FIXTURE_SITE_ACCESS, useFirefoxSuite } from '../harness/firefox-suite.ts';
import { seed } from '../harness/records.ts';
import { waitFor, waitForDownload } from '../harness/util.ts';

const suite = useFirefoxSuite({ siteAccess: [FIXTURE_SITE_ACCESS] });
let options: Page | undefined;

beforeAll(async () => {
  const { session, library } = suite.started();
  const { reply } = await suite.saveFixturePage(seed.page);
  expect(reply.ok).toBe(true);
  await library.evaluate(() => (globalThis as ExtensionGlobal).browser.runtime.openOptionsPage());
  options = await findExtensionPage(session, 'options.html');
  await options.waitForSelector('[data-testid=backup] button.backup-now');
});

describe('automatic backup in Firefox', () => {
  it('"Back up now" writes the library into the downloads folder', async () => {
    const { session } = suite.started();
    if (!options) throw new Error('the options page did not open');
    await options.click('[data-testid=backup] button.backup-now');
    const folder = join(session.downloadsDir, 'Margins backups');
    const file = await waitFor('the backup folder', async () =>
      waitForDownload(folder, /^margins-backup-[\dT-]+\.json$/).catch(() => undefined),
    );
    expect(JSON.parse(file.text)).toMatchObject({
      format: 'margins-export',
      version: 1,
      articles: [{ title: seed.expected.title, annotations: [] }],
    });
    const status = await options.$eval('[data-testid=options-status]', (el) => el.textContent);
    expect(status).toContain('margins-backup-');
  });

  it('turning daily backup on is stored and schedules it', async () => {
    if (!options) throw new Error('the options page did not open');
    await options.select('[data-testid=backup] select', '1');
    const alarm = await waitFor('the backup alarm', () =>
      options?.evaluate(async () => {
        const { browser } = globalThis as ExtensionGlobal;
        const found = await browser.alarms.get('margins-backup');
        return found ? found.periodInMinutes : undefined;
      }),
    );
    expect(alarm).toBe(24 * 60);
  });
});
