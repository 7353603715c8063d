/**
 * Sync end to end, two browsers at once: a Chromium profile and a Firefox profile, each with the
 * built extension, on one PouchDB Server (in memory, started here on a free port). The browsers
 * are given the address of a TCP proxy in front of it (harness/tcp-proxy.ts), so the server can
 * look stopped, broken or back without losing what it holds.
 *
 * Sync is turned on as a user does it: the Settings page's fields, then "Turn on", whose click
 * asks the browser for site access to that one server. Firefox grants it on the click (the pref
 * extensions.webextOptionalPermissionPrompts=false stands in for the user accepting the prompt).
 * Chromium's permission dialog cannot be answered from a driver, so the site is first allowed
 * the other way a Chromium user can: chrome://extensions → Margins → Site access → "On specific
 * sites", whose control is `chrome.developerPrivate.addHostPermission`, called from that page
 * (harness/chromium.ts); the click's `permissions.request` then resolves true without a dialog.
 * The manifest is the product's: no host permission is added for the tests, and the server
 * answers no cross-origin request (CORS off, as Apache CouchDB ships), so each browser reaches it
 * only through the site access it was given.
 *
 * The cases run in order and build on each other (one library, two devices): each `it` says
 * what it adds. A third device, in Node, writes hundreds of articles to the server with Margins'
 * own sync code for the case of a worker stopped in the middle of pulling them.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncAccount } from '../../../src/shared/protocol.ts';
import { syncOriginPattern } from '../../../src/shared/sync-status.ts';
import { fromBase64 } from '../../../src/sync/base64.ts';
import {
  allowSiteAccessInExtensionsPage,
  clickToolbarButton,
  launchChromium,
  openTab,
  saveOutcome,
  type ChromiumSession,
} from '../harness/chromium.ts';
import { startCouchServer, type CouchServer } from '../harness/couch-server.ts';
import {
  findWelcomePage,
  grantSiteAccess,
  launchFirefox,
  openExtensionTab,
  openReader,
  requestSave,
  type ExtensionGlobal,
  type FirefoxSession,
} from '../harness/firefox.ts';
import { startFixtureServer, type FixtureServer } from '../harness/fixture-server.ts';
import { editHighlightNote, selectInArticle, waitUntilReaderShows } from '../harness/reader.ts';
import { DB_NAME, listedArticles, message, readRowsInExtension, seed } from '../harness/records.ts';
import {
  clickSyncNow,
  clickSyncNowExpectingError,
  pressSyncNow,
  readStoredLibrary,
  readSyncStatus,
  shownSyncError,
  turnOnSync,
  waitForNothingPending,
  waitForSyncAfter,
  type SyncFields,
} from '../harness/sync.ts';
import { seedServerLibrary } from '../harness/sync-seed.ts';
import { PULL_BATCH } from '../../../src/sync/engine.ts';
import { startTcpProxy, type TcpProxy } from '../harness/tcp-proxy.ts';
import { waitFor } from '../harness/util.ts';

/** The server's account (an admin: PouchDB Server has no other kind); the browsers sync with it. */
const USER = 'reader';
const PASSWORD = 'correct horse battery';
const DATABASE = 'margins';
const PASSPHRASE = 'lanterns over the quiet harbour';
/** The article Firefox saves before it syncs (its own library, sent when sync is turned on). */
const FIREFOX_PAGE = 'e2e-second-article.html';
const SENTENCE = 'La Russie et la Corée du Nord se rapprochent encore un peu plus.';
const NOTE = 'Quatrième visite en un an : vérifier les dates.';
const CHROMIUM_EDIT = 'Chromium, hors ligne : la visite de Choïgou compte aussi.';
const FIREFOX_EDIT = 'Firefox, hors ligne : comparer avec la visite de 2000.';
/** Articles the Node device writes to the server: two of the engine's pull batches. */
const SEEDED = 2 * PULL_BATCH;
/** Pulling them takes seconds on a quiet machine; CI machines are shared. */
const PULL_TIMEOUT_MS = 120_000;

interface Started {
  couch: CouchServer;
  proxy: TcpProxy;
  fixtures: FixtureServer;
  chromium: ChromiumSession;
  firefox: FirefoxSession;
  /** Firefox's library tab (opened by the first install); it drives Firefox's other tabs. */
  firefoxLibrary: Page;
}

let suite: Started | undefined;
let chromiumSettings: Page | undefined;
let firefoxSettings: Page | undefined;
/** The article saved in Chromium with the toolbar button. */
let articleId = '';
let chromiumReader: Page | undefined;
let firefoxReader: Page | undefined;

function started(): Started {
  if (!suite) throw new Error('the suite did not start');
  return suite;
}

function settingsPages(): { chromium: Page; firefox: Page } {
  if (!chromiumSettings || !firefoxSettings) throw new Error('sync was not turned on');
  return { chromium: chromiumSettings, firefox: firefoxSettings };
}

function readers(): { chromium: Page; firefox: Page } {
  if (!chromiumReader || !firefoxReader) throw new Error('the readers are not open');
  return { chromium: chromiumReader, firefox: firefoxReader };
}

function fields(overrides: Partial<SyncFields> = {}): SyncFields {
  return {
    serverUrl: started().proxy.origin,
    database: DATABASE,
    username: USER,
    password: PASSWORD,
    passphrase: PASSPHRASE,
    ...overrides,
  };
}

/** The site access Margins asks for to reach the server (its host). */
function siteAccess(): string {
  const pattern = syncOriginPattern(started().proxy.origin);
  if (!pattern) throw new Error('the proxy has no http origin');
  return pattern;
}

/** The account as a device that talks to the server itself (not through the proxy) uses it. */
function directAccount(): SyncAccount {
  return {
    serverUrl: started().couch.origin,
    database: DATABASE,
    username: USER,
    password: PASSWORD,
  };
}

interface RawDocuments {
  total_rows: number;
  rows: { id: string; doc: Record<string, unknown> }[];
}

function serverDocuments(): Promise<RawDocuments> {
  return started().couch.get(
    `${DATABASE}/_all_docs?include_docs=true`,
    `${USER}:${PASSWORD}`,
  ) as Promise<RawDocuments>;
}

/** The rows of one of Margins' IndexedDB stores, read in an extension page. */
function storeRows(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(readRowsInExtension, DB_NAME, store);
}

beforeAll(async () => {
  // CORS off, as Apache CouchDB ships: the browsers reach it only through their site access.
  const couch = await startCouchServer({ cors: false });
  const opened: { close(): Promise<void> }[] = [couch];
  try {
    await couch.addAdmin(USER, PASSWORD);
    const proxy = await startTcpProxy(couch.origin);
    opened.push(proxy);
    const fixtures = await startFixtureServer();
    opened.push(fixtures);
    const chromium = await launchChromium();
    opened.push(chromium);
    const firefox = await launchFirefox();
    opened.push(firefox);
    const firefoxLibrary = await findWelcomePage(firefox);
    suite = { couch, proxy, fixtures, chromium, firefox, firefoxLibrary };
  } catch (error) {
    for (const item of opened.reverse()) await item.close().catch(() => undefined);
    throw error;
  }
}, 120_000);

afterAll(async () => {
  if (!suite) return;
  const { chromium, firefox, proxy, fixtures, couch } = suite;
  await Promise.allSettled([chromium.close(), firefox.close()]);
  await proxy.close();
  await fixtures.close();
  await couch.close();
});

describe('one library in Chromium and Firefox, through a CouchDB server', () => {
  it('Chromium: sync is turned on from Settings once the server is allowed in chrome://extensions', async () => {
    const { chromium } = started();
    await allowSiteAccessInExtensionsPage(chromium, siteAccess());
    const page = await openTab(chromium, `chrome-extension://${chromium.extensionId}/options.html`);
    chromiumSettings = page;
    const outcome = await turnOnSync(page, fields());
    expect(outcome).toMatchObject({ ok: true });
    expect(await shownSyncError(page)).toBe('');
    expect(await page.$('#sync-now')).not.toBeNull();
    // The library is set up on the server: its vault, and nothing else (nothing saved yet).
    const { rows } = await serverDocuments();
    expect(rows.map((row) => row.id)).toEqual(['margins-vault']);
  });

  it('Firefox, a second device: the wrong passphrase gets a clear error and writes nothing', async () => {
    const { firefox, firefoxLibrary } = started();
    const vaultBefore = await serverDocuments();
    const page = await openExtensionTab(firefox, firefoxLibrary, 'options.html');
    firefoxSettings = page;
    const outcome = await turnOnSync(page, fields({ passphrase: 'not the library passphrase' }));
    expect(outcome).toEqual({ ok: false, error: message('sync_error_wrong_passphrase') });
    // The click asked for site access to that one server, and Firefox granted it.
    expect(
      await page.evaluate(
        (pattern) =>
          (globalThis as ExtensionGlobal).browser.permissions.contains({ origins: [pattern] }),
        siteAccess(),
      ),
    ).toBe(true);
    expect(await readStoredLibrary(page)).toEqual({ articles: [], annotations: [] });
    expect(await storeRows(page, 'syncMeta')).toEqual([]);
    expect(await storeRows(page, 'syncDocs')).toEqual([]);
    expect((await readSyncStatus(page)).enabled).toBe(false);
    expect(await page.$('#sync-enable')).not.toBeNull();
    expect(await serverDocuments()).toEqual(vaultBefore);
  });

  it('Firefox: a wrong password (the server answers 401) is a clear error; its library is unchanged', async () => {
    const { fixtures, firefox, firefoxLibrary } = started();
    const { firefox: page } = settingsPages();
    // Firefox has an article of its own before it syncs.
    const url = fixtures.url(FIREFOX_PAGE);
    const tab = await firefox.browser.newPage();
    await tab.goto(url, { waitUntil: 'load' });
    // Firefox's match patterns take no port: access to the fixture site is to 127.0.0.1.
    expect(await grantSiteAccess(firefoxLibrary, 'http://127.0.0.1/*')).toBe(true);
    const saved = await requestSave(firefoxLibrary, url);
    if (!saved.ok) throw new Error(`save-tab failed: ${saved.error.code}: ${saved.error.detail}`);
    await tab.close();
    const before = await readStoredLibrary(page);
    expect(before.articles).toHaveLength(1);

    const outcome = await turnOnSync(page, fields({ password: 'not the password' }));
    expect(outcome).toEqual({ ok: false, error: message('sync_error_unauthorized') });
    expect(await readStoredLibrary(page)).toEqual(before);
    expect(await storeRows(page, 'syncMeta')).toEqual([]);
    expect((await readSyncStatus(page)).enabled).toBe(false);
  });

  it('Firefox: the right passphrase turns sync on and sends its library', async () => {
    const { firefox: page } = settingsPages();
    const outcome = await turnOnSync(page, fields());
    expect(outcome).toMatchObject({ ok: true, status: { sent: 1, pending: 0 } });
    expect(await shownSyncError(page)).toBe('');
    const { rows } = await serverDocuments();
    expect(rows).toHaveLength(2);
  });

  it('an article saved in Chromium with the toolbar button is listed in Firefox’s library after Sync now', async () => {
    const { chromium, firefox, fixtures } = started();
    const settings = settingsPages();
    const tab = await openTab(chromium, fixtures.url(seed.page));
    const popup = await clickToolbarButton(chromium, tab);
    expect((await saveOutcome(popup)).line).toBe(message('status_saved'));
    await popup.close();
    await tab.close();
    const stored = (await readStoredLibrary(settings.chromium)).articles.find(
      (article) => article.title === seed.expected.title,
    );
    if (!stored) throw new Error('the saved article is not stored in Chromium');
    articleId = stored.id;
    // The save is queued to be sent in its own transaction, so a sync that ends after it with
    // nothing waiting has sent it: the one the popup's opening started, if it read the queue after
    // the save, else the one that follows a couple of seconds after the save.
    await waitForNothingPending(settings.chromium, stored.updatedAt);
    const chromiumLibrary = await readStoredLibrary(settings.chromium);
    // That sync also brought Firefox's article.
    expect(chromiumLibrary.articles).toHaveLength(2);

    await clickSyncNow(settings.firefox);
    expect(await readStoredLibrary(settings.firefox)).toEqual(chromiumLibrary);
    const library = await openExtensionTab(firefox, settings.firefox, 'popup.html?view=tab');
    const titles = await waitFor('both articles to be listed', async () => {
      const listed = (await listedArticles(library)).map((article) => article.title);
      return listed.length === 2 && listed;
    });
    expect(titles).toContain(seed.expected.title);
    await library.close();
  });

  it('a highlight with a note made in Firefox’s reader is shown in Chromium’s reader', async () => {
    const { chromium, firefox } = started();
    const settings = settingsPages();
    const reader = await openReader(firefox, settings.firefox, articleId);
    firefoxReader = reader;
    await reader.waitForSelector('[data-testid=article-body] p');
    await selectInArticle(reader, SENTENCE);
    await reader.waitForSelector('[data-testid=selection-toolbar]');
    await reader.click('[data-testid=selection-toolbar] button.colour-button[data-colour=green]');
    await waitFor('the highlight to be drawn', () => reader.$('mark.margins-hl'));
    await editHighlightNote(reader, NOTE);
    await waitForNothingPending(settings.firefox, new Date().toISOString());

    await clickSyncNow(settings.chromium);
    const shown = await openTab(
      chromium,
      `chrome-extension://${chromium.extensionId}/reader.html?id=${encodeURIComponent(articleId)}`,
    );
    chromiumReader = shown;
    await shown.waitForSelector('mark.margins-hl[data-colour=green]');
    expect(
      await shown.$$eval('mark.margins-hl', (marks) =>
        marks.map((mark) => mark.textContent).join(''),
      ),
    ).toBe(SENTENCE);
    expect(
      await shown.$eval('[data-testid=annotation-list]', (el) => el.textContent ?? ''),
    ).toContain(NOTE);
  });

  it('the server’s raw documents hold none of the article’s addresses, title, words or note', async () => {
    const { fixtures } = started();
    const { rows } = await serverDocuments();
    // The vault and the two articles, each an opaque id with a sealed body.
    expect(rows).toHaveLength(3);
    for (const { id, doc } of rows.filter((row) => row.id !== 'margins-vault')) {
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(Object.keys(doc).sort()).toEqual(['_id', '_rev', 'c', 'v']);
    }
    const raw = JSON.stringify(rows);
    // What the sealed bodies decode to, in case something were only encoded, not encrypted.
    const decoded = rows
      .map((row) => row.doc.c)
      .filter((body): body is string => typeof body === 'string')
      .map((body) => new TextDecoder('latin1').decode(fromBase64(body)))
      .join('\n');
    const secrets = [
      fixtures.url(seed.page),
      seed.page,
      seed.servedAt,
      seed.expected.canonicalUrl ?? '',
      seed.expected.originalSourceUrl ?? '',
      'news7',
      'la-croix',
      seed.expected.title,
      'Pyongyang',
      'Poutine',
      'Choïgou',
      'rapprochent',
      articleId,
      NOTE,
      'Quatrième',
      fixtures.url(FIREFOX_PAGE),
    ];
    for (const secret of secrets) {
      expect(raw.toLowerCase(), secret).not.toContain(secret.toLowerCase());
      expect(decoded.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    }
  });

  it('both edit the same note while the server is unreachable: after syncing, both texts are kept on both', async () => {
    const { proxy } = started();
    const settings = settingsPages();
    const reader = readers();
    await proxy.setMode({ kind: 'down' });
    const since = new Date().toISOString();
    await editHighlightNote(reader.chromium, CHROMIUM_EDIT);
    await editHighlightNote(reader.firefox, FIREFOX_EDIT);
    // Each tries to send its edit by itself, and says the server cannot be reached.
    for (const page of [settings.chromium, settings.firefox]) {
      await waitFor('the send to fail', async () => {
        const status = await readSyncStatus(page);
        return status.error?.code === 'unreachable' && status.error.at > since;
      });
      expect(await waitFor('the error on the page', () => shownSyncError(page))).toBe(
        message('sync_error_unreachable'),
      );
      expect((await readSyncStatus(page)).pending).toBe(1);
    }

    await proxy.setMode({ kind: 'forward' });
    for (const page of [settings.chromium, settings.firefox, settings.chromium, settings.firefox])
      await clickSyncNow(page);
    const inChromium = await readStoredLibrary(settings.chromium);
    const inFirefox = await readStoredLibrary(settings.firefox);
    expect(inFirefox).toEqual(inChromium);
    expect(inChromium.annotations).toHaveLength(1);
    const note = inChromium.annotations[0]?.body[0]?.value ?? '';
    expect(note).toContain(CHROMIUM_EDIT);
    expect(note).toContain(FIREFOX_EDIT);
    // The open readers show the merged note as it arrives.
    for (const page of [reader.chromium, reader.firefox])
      await waitUntilReaderShows(page, [CHROMIUM_EDIT, FIREFOX_EDIT]);
    for (const page of [settings.chromium, settings.firefox]) {
      expect(await shownSyncError(page)).toBe('');
      expect((await readSyncStatus(page)).pending).toBe(0);
    }
  });

  it('an article deleted in Chromium is gone from Firefox after Sync now', async () => {
    const { chromium, firefox } = started();
    const settings = settingsPages();
    await Promise.all([readers().chromium.close(), readers().firefox.close()]);
    const library = await openTab(
      chromium,
      `chrome-extension://${chromium.extensionId}/popup.html?view=tab`,
    );
    await library.waitForSelector('ul.articles > li.article');
    const rows = await library.$$('ul.articles > li.article');
    let deleted = false;
    for (const row of rows) {
      const title = await row.$eval('a.article-title', (link) => link.textContent);
      if (title !== seed.expected.title) continue;
      await (await row.$('button.delete'))?.click();
      deleted = true;
    }
    expect(deleted).toBe(true);
    await waitFor('the removal to be announced', () =>
      library.$eval('.list-notice', (notice) => notice.textContent?.includes('removed') ?? false),
    );
    await waitForNothingPending(settings.chromium, new Date().toISOString());
    await library.close();

    await clickSyncNow(settings.firefox);
    const firefoxLibrary = await openExtensionTab(firefox, settings.firefox, 'popup.html?view=tab');
    const titles = await waitFor('one article to be listed', async () => {
      const listed = (await listedArticles(firefoxLibrary)).map((article) => article.title);
      return listed.length === 1 && listed;
    });
    expect(titles).not.toContain(seed.expected.title);
    await firefoxLibrary.close();
    const inFirefox = await readStoredLibrary(settings.firefox);
    expect(inFirefox.articles.map((article) => article.id)).not.toContain(articleId);
    expect(inFirefox.annotations).toEqual([]);
    expect(inFirefox).toEqual(await readStoredLibrary(settings.chromium));
  });

  it('a server answering 500 or garbage: a clear error, and the library is unchanged', async () => {
    const { proxy } = started();
    const settings = settingsPages();
    const answers = [
      {
        mode: {
          kind: 'answer',
          status: 500,
          contentType: 'text/html',
          body: '<html><body><h1>500 Internal Server Error</h1></body></html>',
        },
        error: message('sync_error_server_error'),
      },
      {
        // A captive portal or a misconfigured reverse proxy: 200, but a web page.
        mode: {
          kind: 'answer',
          status: 200,
          contentType: 'text/html',
          body: '<!doctype html><title>Log in to the network</title><p>Accept the terms.</p>',
        },
        error: message('sync_error_bad_response'),
      },
    ] as const;
    for (const { mode, error } of answers) {
      await proxy.setMode(mode);
      for (const page of [settings.chromium, settings.firefox]) {
        const before = await readStoredLibrary(page);
        await clickSyncNowExpectingError(page, error);
        expect(await readStoredLibrary(page)).toEqual(before);
      }
    }
    await proxy.setMode({ kind: 'forward' });
    for (const page of [settings.chromium, settings.firefox]) {
      await clickSyncNow(page);
      expect(await shownSyncError(page)).toBe('');
    }
  });

  it(
    'Chromium’s worker stopped while pulling two thousand articles: after the next sync, each is there once',
    async () => {
      const { chromium } = started();
      const settings = settingsPages();
      const seeded = await seedServerLibrary(directAccount(), PASSPHRASE, SEEDED);
      const before = await readStoredLibrary(settings.chromium);
      const page = settings.chromium;

      // Ready before the sync starts, so the stop lands as soon as the first batch is in.
      const cdp = await page.createCDPSession();
      await cdp.send('ServiceWorker.enable');
      await pressSyncNow(page);
      await waitFor(
        'the first batch to be pulled',
        async () => {
          const status = await readSyncStatus(page);
          return status.state === 'syncing' && status.received >= PULL_BATCH;
        },
        PULL_TIMEOUT_MS,
        50,
      );
      await cdp.send('ServiceWorker.stopAllWorkers');
      const stoppedAt = new Date().toISOString();
      await cdp.detach();
      // Stopped in the middle: some of the articles are in, not all.
      const arrived = (await readStoredLibrary(page)).articles.filter((article) =>
        seeded.includes(article.id),
      ).length;
      expect(arrived).toBeGreaterThan(0);
      expect(arrived).toBeLessThan(SEEDED);

      // Opening the library wakes the worker, which finishes the sync from its checkpoint.
      const library = await openTab(
        chromium,
        `chrome-extension://${chromium.extensionId}/popup.html?view=tab`,
      );
      await waitForSyncAfter(page, stoppedAt, PULL_TIMEOUT_MS);
      await library.close();
      const after = await readStoredLibrary(page);
      const ids = after.articles.map((article) => article.id);
      expect(ids).toHaveLength(before.articles.length + SEEDED);
      for (const id of seeded) expect(ids).toContain(id);
      const urls = after.articles.map((article) => article.url);
      expect(new Set(urls).size).toBe(urls.length);
      // The server holds one document per article ever synced (the deleted one as a tombstone).
      const { total_rows } = await serverDocuments();
      expect(total_rows).toBe(1 + after.articles.length + 1);
    },
    4 * PULL_TIMEOUT_MS,
  );
});
