/**
 * Headless Chromium with the built extension (dist/chrome), driven by puppeteer-core over CDP.
 * The toolbar click is the real one (`page.triggerExtensionAction`), which grants activeTab.
 */
import puppeteer, { type Browser, type Extension, type Page, type Target } from 'puppeteer-core';
import { DB_NAME, readRowsInExtension, STORE_NAME, type StoredRow } from './records.ts';
import { builtExtension, closeAndClean, makeTempDir, waitFor } from './util.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

export interface ChromiumSession {
  browser: Browser;
  extension: Extension;
  extensionId: string;
  /** Where downloads (the JSON export) land. */
  downloadsDir: string;
  close(): Promise<void>;
}

/**
 * Launches Chromium with Margins installed. `args` are added to the command line, e.g.
 * `['--lang=fr']` for the French interface. Chromium on Linux ignores `--lang` and takes its UI
 * language from the environment, so that flag also sets LANGUAGE for the browser (its
 * translations come with Debian's `chromium-l10n` package). `extensionDir` loads another copy of
 * the built extension (see seeded-extension.ts); `userDataDir` keeps the profile (and so the
 * library) between runs, for benchmarks.
 */
export async function launchChromium(
  args: readonly string[] = [],
  {
    extensionDir = builtExtension('chrome'),
    userDataDir,
  }: { extensionDir?: string; userDataDir?: string } = {},
): Promise<ChromiumSession> {
  const downloadsDir = await makeTempDir('margins-e2e-chromium-');
  const lang = args.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length);
  const browser = await puppeteer.launch({
    ...(lang ? { env: { ...process.env, LANGUAGE: lang } } : {}),
    executablePath: CHROMIUM_PATH,
    ...(userDataDir ? { userDataDir } : {}),
    headless: true,
    pipe: true,
    enableExtensions: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...args,
    ],
  });
  try {
    const extensionId = await browser.installExtension(extensionDir);
    const extension = await waitFor('the extension to be listed', async () =>
      (await browser.extensions()).get(extensionId),
    );
    await browser.waitForTarget((t) => isWorkerOf(t, extensionId), { timeout: 10_000 });
    // The first install opens the library with a welcome. Closed here, once it is there, so it
    // cannot come to the front later and become the "active tab" a test's toolbar click saves.
    // A kept profile (userDataDir) has Margins installed already: no first-install welcome.
    const welcome = await browser
      .waitForTarget(
        (t) => t.url() === `chrome-extension://${extensionId}/popup.html?view=tab&welcome=1`,
        { timeout: userDataDir ? 3_000 : 10_000 },
      )
      .catch((error: unknown) => {
        if (userDataDir) return null;
        throw error;
      });
    await (await welcome?.asPage())?.close();
    const cdp = await browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', {
      behavior: 'allow',
      downloadPath: downloadsDir,
      eventsEnabled: true,
    });
    return {
      browser,
      extension,
      extensionId,
      downloadsDir,
      close: () => closeAndClean(browser, downloadsDir),
    };
  } catch (error) {
    await closeAndClean(browser, downloadsDir);
    throw error;
  }
}

function isWorkerOf(target: Target, extensionId: string): boolean {
  return (
    target.type() === 'service_worker' &&
    target.url().startsWith(`chrome-extension://${extensionId}/`)
  );
}

/** Opens `url` in a new tab and waits until it has loaded. */
export async function openTab(session: ChromiumSession, url: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.bringToFront();
  return page;
}

/**
 * Clicks Margins' toolbar button on `page` and returns the popup once it has rendered its first
 * view (the save status or the library), so clicks inside it are not lost.
 */
export async function clickToolbarButton(session: ChromiumSession, page: Page): Promise<Page> {
  const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
  const before = new Set(session.browser.targets().filter((t) => t.url() === popupUrl));
  await page.bringToFront();
  await page.triggerExtensionAction(session.extension);
  const target = await session.browser.waitForTarget(
    (t) => t.url() === popupUrl && !before.has(t),
    { timeout: 10_000 },
  );
  const popup = await target.asPage();
  await popup.waitForSelector('main [data-testid=save-status], main ul.articles, main .empty');
  return popup;
}

export interface SaveStatusView {
  /** "Saved", "Already saved — updated", "Removed from your library"… (empty on failure). */
  line: string;
  /** The saved article's title. */
  title: string;
  /** The meta line under the title (site · author · date, and the "Link only" label). */
  meta: string;
  /** The error sentence, when the save failed. */
  error: string;
  hasUndo: boolean;
}

/** Waits until the popup's save status reaches one of `phases` and returns what it shows. */
export async function saveOutcome(
  popup: Page,
  phases: readonly string[] = ['saved', 'failed'],
): Promise<SaveStatusView> {
  const selector = phases.map((phase) => `[data-testid=save-status].save-${phase}`).join(', ');
  const status = await popup.waitForSelector(selector);
  if (!status) throw new Error('the popup shows no save status');
  return status.evaluate((el) => ({
    line: el.querySelector('.status-line')?.textContent ?? '',
    title: el.querySelector('.saved-title')?.textContent ?? '',
    meta: el.querySelector('.meta')?.textContent ?? '',
    error: el.querySelector('.error')?.textContent ?? '',
    hasUndo: el.querySelector('button.undo') !== null,
  }));
}

/** Every stored article row, read in the service worker with raw IndexedDB. */
export async function readStoredRows(session: ChromiumSession): Promise<StoredRow[]> {
  const target = await session.browser.waitForTarget((t) => isWorkerOf(t, session.extensionId), {
    timeout: 10_000,
  });
  const worker = await target.worker();
  if (!worker) throw new Error('the service worker target has no worker handle');
  return (await worker.evaluate(readRowsInExtension, DB_NAME, STORE_NAME)) as StoredRow[];
}

/** The part of chrome://extensions' own API the site access control uses. */
type ExtensionsPageGlobal = typeof globalThis & {
  chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
};

/**
 * Gives Margins access to one site the way a user does in Chromium's extension settings:
 * chrome://extensions → Margins → Details → Site access → "On specific sites" → Add. That
 * control calls `chrome.developerPrivate.addHostPermission`, which only chrome://extensions may
 * call; it is called here from that page. Nothing is added to Margins' manifest: the site must
 * be one of its optional host permissions, and a later `permissions.request` for it resolves
 * true without a dialog because the user already allowed it. (The dialog a request opens
 * otherwise cannot be answered from a driver.)
 */
export async function allowSiteAccessInExtensionsPage(
  session: ChromiumSession,
  pattern: string,
): Promise<void> {
  const page = await session.browser.newPage();
  try {
    await page.goto('chrome://extensions', { waitUntil: 'load' });
    await page.evaluate(
      (id, host) =>
        (globalThis as ExtensionsPageGlobal).chrome.developerPrivate.addHostPermission(id, host),
      session.extensionId,
      pattern,
    );
  } finally {
    await page.close();
  }
}
