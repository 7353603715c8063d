/**
 * Headless Firefox ESR with the built extension (dist/firefox) as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi. Firefox's toolbar button cannot be pressed from a driver, so
 * the suite drives Margins from its own library page, which has the full `browser.*` API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Browser as WebExtensionApi } from 'webextension-polyfill';
import type { Reply, Request, SaveOutcome } from '../../../src/shared/protocol.ts';
import { builtExtension, closeAndClean, makeTempDir, waitFor } from './util.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Pinned so the extension's pages have a stable moz-extension:// origin. */
export const EXTENSION_UUID = '7d3c1f0e-5b2a-4c8e-9f61-2a4b8c0d9e17';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}/`;

/** How code evaluated in an extension page reaches Firefox's native `browser.*` namespace. */
export type ExtensionGlobal = typeof globalThis & { browser: WebExtensionApi };

export interface FirefoxSession {
  browser: Browser;
  downloadsDir: string;
  close(): Promise<void>;
}

function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id)
    throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

export async function launchFirefox(): Promise<FirefoxSession> {
  const extensionDir = builtExtension('firefox');
  const downloadsDir = await makeTempDir('margins-e2e-firefox-');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId(extensionDir)]: EXTENSION_UUID }),
      // Grants an optional permission the page requests during a user click without a doorhanger,
      // as if the user had accepted it (Firefox's own tests use this pref).
      'extensions.webextOptionalPermissionPrompts': false,
      // <a download> saves straight into downloadsDir, without a dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadsDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.download.manager.showWhenStarting': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json',
    },
  });
  try {
    await browser.installExtension(extensionDir);
    return { browser, downloadsDir, close: () => closeAndClean(browser, downloadsDir) };
  } catch (error) {
    await closeAndClean(browser, downloadsDir);
    throw error;
  }
}

/**
 * The library tab Margins opens on first install (popup.html?view=tab&welcome=1). Puppeteer
 * reports moz-extension pages' url() as about:blank, so each page is asked for location.href.
 */
export function findWelcomePage(session: FirefoxSession): Promise<Page> {
  return waitFor(
    'the welcome tab (popup.html?view=tab&welcome=1)',
    async () => {
      for (const page of await session.browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(`${EXTENSION_ORIGIN}popup.html?`) && href.includes('welcome=1')) {
          return page;
        }
      }
      return undefined;
    },
    15_000,
    250,
  );
}

/**
 * Asks for site access to `origin` from the extension page during a real click, as a user who
 * grants Margins access to a site would. Returns whether the permission is now held.
 */
export async function grantSiteAccess(page: Page, originPattern: string): Promise<boolean> {
  await page.evaluate((pattern) => {
    const { browser } = globalThis as ExtensionGlobal;
    const button = document.createElement('button');
    button.id = 'e2e-grant-site-access';
    button.textContent = 'Allow site access';
    button.addEventListener('click', () => {
      browser.permissions.request({ origins: [pattern] }).then(
        (granted) => (button.dataset.result = String(granted)),
        (error: unknown) => (button.dataset.result = `error: ${String(error)}`),
      );
    });
    document.body.prepend(button);
  }, originPattern);
  await page.click('#e2e-grant-site-access');
  const result = await page.waitForSelector('#e2e-grant-site-access[data-result]');
  const outcome = await result?.evaluate((el) => {
    const value = (el as HTMLElement).dataset.result ?? '';
    el.remove();
    return value;
  });
  if (outcome !== 'true' && outcome !== 'false') throw new Error(`permissions.request: ${outcome}`);
  return page.evaluate(
    (pattern) =>
      (globalThis as ExtensionGlobal).browser.permissions.contains({ origins: [pattern] }),
    originPattern,
  );
}

/** Sends one protocol request from a Margins page, as that page's own UI would. */
export function sendFromPage<T>(page: Page, message: Request): Promise<Reply<T>> {
  return page.evaluate(
    (body) => (globalThis as ExtensionGlobal).browser.runtime.sendMessage(body),
    message,
  ) as Promise<Reply<T>>;
}

/** The id of the tab showing `url`, asked from a Margins page. */
export function tabIdShowing(page: Page, url: string): Promise<number> {
  return page.evaluate(async (address) => {
    const tabs = await (globalThis as ExtensionGlobal).browser.tabs.query({});
    const tab = tabs.find((item) => item.url === address);
    if (tab?.id === undefined) throw new Error(`no tab shows ${address}`);
    return tab.id;
  }, url);
}

/** Asks Margins to save the tab showing `url`, with the popup's own request. */
export async function requestSave(page: Page, url: string): Promise<Reply<SaveOutcome>> {
  return sendFromPage<SaveOutcome>(page, {
    type: 'save-tab',
    tabId: await tabIdShowing(page, url),
  });
}

/**
 * Finds the tab showing a Margins page (`reader.html?id=…`). Puppeteer reports moz-extension
 * pages' url() as about:blank, so each page is asked for its own location.
 */
export function findExtensionPage(session: FirefoxSession, path: string): Promise<Page> {
  const url = `${EXTENSION_ORIGIN}${path}`;
  return waitFor(`the tab showing ${url}`, async () => {
    for (const page of await session.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === url) return page;
    }
    return undefined;
  });
}

/**
 * Opens a Margins page (`options.html`, `popup.html?view=tab`…) in a new tab, from a Margins
 * page (a driver cannot navigate to moz-extension URLs), and returns that tab.
 */
export async function openExtensionTab(
  session: FirefoxSession,
  from: Page,
  path: string,
): Promise<Page> {
  await from.evaluate(
    (address) =>
      (globalThis as ExtensionGlobal).browser.tabs.create({
        url: (globalThis as ExtensionGlobal).browser.runtime.getURL(address),
      }),
    path,
  );
  return findExtensionPage(session, path);
}

/** Opens the reader for an article in a new tab, from a Margins page, and returns that tab. */
export function openReader(session: FirefoxSession, from: Page, articleId: string): Promise<Page> {
  return openExtensionTab(session, from, `reader.html?id=${encodeURIComponent(articleId)}`);
}
