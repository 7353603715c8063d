/**
 * Hostile pages (issue 7, item 1): pages full of script, handler, URL, SVG/MathML, frame, CSS,
 * clobbering and mutation-XSS payloads are saved end to end and opened in Margins' own pages. Not
 * one payload may run in the popup, the library tab or the reader, nor make them fetch an attacker
 * address; and the text a reader should see must still be there.
 *
 * Honesty: each live page runs its own payloads in its own tab, which is expected (that is the
 * web). The server tags every hit with the phase it arrived in. Hits while a page is open are the
 * page's own; while the popup is open (the page tab still open too), a hit counts against Margins
 * unless it came from the page (its `location.href` or Referer is the page's site); once the page
 * tab is closed, every hit counts against Margins. Margins' pages are also searched for armed
 * markup (handlers, script URLs, frames, CSS url()), and `dom` payloads' probes must stay true.
 *
 * Chromium: the real toolbar click saves each page; the popup, then the reader and the library tab
 * are inspected. Firefox: the popup's own `save-tab` message after a user-style grant of site
 * access (a driver cannot press Firefox's toolbar button), then the reader opened with tabs.create.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply, SaveOutcome } from '../../src/shared/protocol.ts';
import {
  launchChromium,
  readStoredRows,
  saveOutcome,
  type ChromiumSession,
} from '../e2e/harness/chromium.ts';
import {
  findWelcomePage,
  grantSiteAccess,
  launchFirefox,
  openReader as openFirefoxReader,
  type ExtensionGlobal,
  type FirefoxSession,
} from '../e2e/harness/firefox.ts';
import { message } from '../e2e/harness/records.ts';
import { setViewportSize, waitFor } from '../e2e/harness/util.ts';
import { inspectPage, installWatch, type PageReport } from './inspect.ts';
import { PAGES, PAYLOADS, type HostilePage } from './payloads.ts';
import { startHostileServer, type Hit, type HostileServer } from './server.ts';

type BrowserName = 'chromium' | 'firefox';

/** Evidence, per browser, of a payload that ran (or fetched) in a Margins page. */
const executed: Record<BrowserName, Map<string, string[]>> = {
  chromium: new Map(),
  firefox: new Map(),
};
/** Armed markup found in a Margins page, per browser (it did not run, but must not be there). */
const armed: Record<BrowserName, string[]> = { chromium: [], firefox: [] };
/** Payload ids the live pages ran themselves, per browser: proof the payloads are live. */
const liveRan: Record<BrowserName, Set<string>> = { chromium: new Set(), firefox: new Set() };
/** What does not fail the suite but a reader of its output should know. */
const oddities: string[] = [];
const tried: Record<BrowserName, Set<string>> = { chromium: new Set(), firefox: new Set() };

const PAYLOAD_ID = /\bP\d{2}\b/g;
/** Something that reads as an HTML tag. */
const TAG = /<\/?[a-z][^>]*>?/i;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function blame(browser: BrowserName, id: string, evidence: string): void {
  const list = executed[browser].get(id) ?? [];
  list.push(evidence);
  executed[browser].set(id, list);
}

/** Counts the hits that came from Margins' pages (see the note at the top). */
function judgeHits(browser: BrowserName, server: HostileServer, hits: readonly Hit[]): void {
  for (const hit of hits) {
    const fromPage = hit.at.startsWith(server.origin) || hit.referer.startsWith(server.origin);
    if (hit.phase.startsWith('live:') || (hit.phase.startsWith('save:') && fromPage)) {
      liveRan[browser].add(hit.id);
      if (hit.phase.startsWith('save:'))
        oddities.push(`${browser}: ${hit.id} hit ${hit.path} from the page tab while saving`);
      continue;
    }
    blame(
      browser,
      hit.id,
      `${hit.kind} request ${hit.path} during ${hit.phase} (at ${hit.at || '-'}, referer ${hit.referer || '-'}, origin ${hit.origin || '-'})`,
    );
  }
}

/** Blames what a page report shows, and checks the probes of `dom` payloads in that page. */
async function judgeReport(browser: BrowserName, where: string, page: Page, report: PageReport) {
  for (const id of report.pwned) blame(browser, id, `window.__pwned in ${where}`);
  for (const violation of report.csp) {
    const ids = `${violation.blocked} ${violation.sample}`.match(PAYLOAD_ID) ?? ['P??'];
    for (const id of ids)
      blame(
        browser,
        id,
        `CSP violation in ${where}: ${violation.directive} ${violation.blocked} ${violation.sample}`,
      );
  }
  for (const item of report.armed) {
    armed[browser].push(`${where}: ${item}`);
  }
  for (const payload of PAYLOADS) {
    if (!payload.probe) continue;
    const holds = await page.evaluate(payload.probe).catch((error: unknown) => String(error));
    if (holds !== true) blame(browser, payload.id, `probe false in ${where}: ${payload.probe}`);
  }
}

/** Hovers every element of the reader's body, tabs through it and opens its <details>. */
async function interact(page: Page): Promise<void> {
  const elements = await page.$$('[data-testid=article-body] *');
  for (const element of elements.slice(0, 120)) {
    await element.hover().catch(() => undefined);
  }
  for (const summary of await page.$$('[data-testid=article-body] summary')) {
    await summary.click().catch(() => undefined);
  }
  await page.focus('[data-testid=article-body]').catch(() => undefined);
  for (let i = 0; i < 12; i += 1) await page.keyboard.press('Tab');
}

/**
 * Proves the watch can see what it looks for: an inline script added to the page must be refused
 * by the extension's CSP and reported, and must not set its flag. Runs after the page was judged.
 */
async function detectorsWork(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const scope = globalThis as typeof globalThis & {
      __marginsCsp?: unknown[];
      __selfTest?: number;
    };
    const before = scope.__marginsCsp?.length ?? 0;
    const script = document.createElement('script');
    script.textContent = 'window.__selfTest = 1';
    document.head.append(script);
    script.remove();
    await new Promise((done) => setTimeout(done, 300));
    const seen = (scope.__marginsCsp?.length ?? 0) > before;
    scope.__marginsCsp?.splice(before);
    return seen && scope.__selfTest === undefined;
  });
}

/** The reader has rendered: an article body with text, or its header alone for a link-only record. */
const SHOWN =
  '[data-testid=article-body] p, article.reader-article h1, [data-testid=reader-notice]';

const READER = {
  title: 'article.reader-article h1',
  meta: '[data-testid=article-meta]',
  body: '[data-testid=article-body]',
};

/** Text as a reader sees it: runs of white space are one space. */
const squash = (text: string) => text.replace(/\s+/g, ' ');

/** The text checks: the title, byline and sentences the user should still see, as text. */
function expectText(where: string, page: HostilePage, report: PageReport): void {
  expect.soft(squash(report.title), `${where}: title`).toContain(page.title);
  expect.soft(report.titleElements, `${where}: elements in the title or meta line`).toEqual([]);
  if (page.byline) expect.soft(squash(report.meta), `${where}: byline`).toContain(page.byline);
  const body = squash(report.body);
  for (const sentence of page.sentences) {
    expect.soft(body, `${where}: body sentence`).toContain(sentence);
  }
  // A tag in the page's metadata is neither run nor shown: the user sees its words only.
  expect.soft(report.title, `${where}: markup shown as text in the title`).not.toMatch(TAG);
  expect.soft(report.meta, `${where}: markup shown as text in the meta line`).not.toMatch(TAG);
}

function summary(browser: BrowserName): string {
  return `hostile: ${tried[browser].size} payloads, ${executed[browser].size} executed`;
}

function printReport(browser: BrowserName): void {
  const lines = [
    `${summary(browser)} (${browser})`,
    `  live pages ran ${liveRan[browser].size} payloads themselves in their own tabs (expected; proves those payloads are live): ${[...liveRan[browser]].sort().join(' ')}`,
  ];
  for (const [id, evidence] of executed[browser])
    lines.push(`  EXECUTED ${id}: ${evidence.join(' | ')}`);
  for (const item of armed[browser]) lines.push(`  ARMED ${item}`);
  for (const item of oddities.filter((line) => line.startsWith(browser)))
    lines.push(`  note: ${item}`);
  // eslint-disable-next-line no-console -- the summary line is the suite's report.
  console.log(lines.join('\n'));
}

it('every payload id in the pages is listed once in payloads.ts, and vice versa', async () => {
  const server = await startHostileServer();
  try {
    const found = new Map<string, string>();
    for (const page of PAGES) {
      const source = await server.render(page.file).catch(() => '');
      expect(source, page.file).not.toBe('');
      for (const id of new Set(source.match(PAYLOAD_ID) ?? [])) found.set(id, page.file);
      for (const payload of page.payloads) expect(source, page.file).toContain(payload.id);
    }
    expect([...found.keys()].sort()).toEqual(PAYLOADS.map((p) => p.id).sort());
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
  } finally {
    await server.close();
  }
});

describe('hostile pages in Chromium', () => {
  const browser: BrowserName = 'chromium';
  let server: HostileServer | undefined;
  let session: ChromiumSession | undefined;
  const ids = new Map<string, string>();

  function started() {
    if (!server || !session) throw new Error('the suite did not start');
    return { server, session };
  }

  /** The real toolbar click, with the CSP watch installed as soon as the popup exists. */
  async function openPopup(session: ChromiumSession, tab: Page): Promise<Page> {
    const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
    const before = new Set(session.browser.targets().filter((t) => t.url() === popupUrl));
    await tab.bringToFront();
    await tab.triggerExtensionAction(session.extension);
    const target = await session.browser.waitForTarget(
      (t) => t.url() === popupUrl && !before.has(t),
      { timeout: 10_000 },
    );
    const popup = await target.asPage();
    await popup.evaluate(installWatch);
    return popup;
  }

  /** Opens a Margins page in a tab with the CSP watch installed before its scripts run. */
  async function openWatched(url: string, requests: string[]): Promise<Page> {
    const page = await started().session.browser.newPage();
    await page.evaluateOnNewDocument(installWatch);
    page.on('request', (request) => {
      if (!request.url().startsWith('chrome-extension://')) requests.push(request.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  function judgeRequests(where: string, requests: readonly string[]): void {
    for (const url of requests) {
      const id = /\/(?:pwned|exfil)\/(P\d{2})|[?&]id=(P\d{2})/.exec(url);
      if (id) blame(browser, id[1] ?? id[2] ?? 'P??', `${where} requested ${url}`);
    }
  }

  beforeAll(async () => {
    server = await startHostileServer();
    session = await launchChromium();
  });

  afterAll(async () => {
    if (server) judgeHits(browser, server, server.hits);
    printReport(browser);
    await session?.close();
    await server?.close();
  });

  it('saves every hostile page as an article with the real toolbar click', async () => {
    const { server, session } = started();
    for (const page of PAGES) {
      for (const payload of page.payloads) tried[browser].add(payload.id);
      server.setPhase(`live:${page.file}`);
      const tab = await session.browser.newPage();
      await tab.goto(server.url(page.file), { waitUntil: 'load' });
      await sleep(400);
      server.setPhase(`save:${page.file}`);
      const popup = await openPopup(session, tab);
      const requests: string[] = [];
      popup.on('request', (request) => {
        if (!request.url().startsWith('chrome-extension://')) requests.push(request.url());
      });
      const status = await saveOutcome(popup);
      expect.soft(status.error, `${page.file}: save error`).toBe('');
      expect.soft(status.line, `${page.file}: status`).toBe(message('status_saved'));
      expect.soft(squash(status.title), `${page.file}: popup title`).toContain(page.title);
      await sleep(300);
      const report = await popup.evaluate(inspectPage, {
        title: '[data-testid=save-status] .saved-title',
        meta: '[data-testid=save-status] .meta',
        body: '',
      });
      await judgeReport(browser, `popup after saving ${page.file}`, popup, report);
      judgeRequests(`popup after saving ${page.file}`, requests);
      expect.soft(report.title, `popup for ${page.file}: markup shown as text`).not.toMatch(TAG);
      expect.soft(report.meta, `popup for ${page.file}: markup shown as text`).not.toMatch(TAG);
      await popup.close();
      await tab.close();
      await sleep(300);
    }
    server.setPhase('after-saves');
    const rows = await readStoredRows(session);
    for (const page of PAGES) {
      const row = rows.find((item) => item.url === server.url(page.file));
      expect.soft(row?.kind, `${page.file}: stored kind`).toBe('article');
      if (row) ids.set(page.file, row.id);
    }
    expect(ids.size).toBe(PAGES.length);
  });

  it('opens every saved article in the reader: nothing runs, the text is all there', async () => {
    const { server, session } = started();
    for (const page of PAGES) {
      const id = ids.get(page.file);
      if (!id) continue;
      server.setPhase(`reader:${page.file}`);
      const requests: string[] = [];
      const reader = await openWatched(
        `chrome-extension://${session.extensionId}/reader.html?id=${encodeURIComponent(id)}`,
        requests,
      );
      await reader.waitForSelector(SHOWN, { timeout: 10_000 });
      await interact(reader);
      await sleep(800);
      const report = await reader.evaluate(inspectPage, READER);
      const where = `${browser} reader for ${page.file}`;
      await judgeReport(browser, where, reader, report);
      judgeRequests(where, requests);
      expectText(where, page, report);
      if (page === PAGES[0])
        expect(await detectorsWork(reader), 'the CSP watch and flag work').toBe(true);
      if (page.file === 'p05-frames.html') {
        const link = await reader.$eval(
          '[data-testid=article-body] a[href$="next-story.html"]',
          (a) => a.getAttribute('href'),
        );
        expect
          .soft(link, 'a relative link resolves on the page’s own site')
          .toBe(`${server.origin}/based/next-story.html`);
      }
      if (page.file === 'p08-mxss.html') {
        expect
          .soft(squash(report.body), 'text that looks like a tag stays text')
          .toContain('<img src=x onerror=');
      }
      await reader.close();
    }
  });

  it('lists every saved article in the library tab without running any of them', async () => {
    const { server, session } = started();
    server.setPhase('library');
    const requests: string[] = [];
    const library = await openWatched(
      `chrome-extension://${session.extensionId}/popup.html?view=tab`,
      requests,
    );
    // The list draws only the rows on screen: a window this tall shows every saved page at once.
    await setViewportSize(library, 1000, 12_000);
    await library.waitForSelector('ul.articles > li.article');
    await library.$$eval('ul.articles > li.article', (items) => items.length);
    for (const item of (await library.$$('ul.articles > li.article *')).slice(0, 200)) {
      await item.hover().catch(() => undefined);
    }
    await sleep(800);
    const report = await library.evaluate(inspectPage, {
      title: 'ul.articles',
      meta: 'ul.articles',
      body: '',
    });
    await judgeReport(browser, 'chromium library tab', library, report);
    judgeRequests('chromium library tab', requests);
    for (const page of PAGES)
      expect.soft(squash(report.title), 'library lists').toContain(page.title);
    expect.soft(report.titleElements, 'elements in the library list').toEqual([]);
    await library.close();
  });

  it('ran no payload in Margins’ pages', async () => {
    const { server } = started();
    server.setPhase('done');
    await sleep(500);
    judgeHits(browser, server, server.hits.splice(0));
    expect(summary(browser)).toBe(`hostile: ${tried[browser].size} payloads, 0 executed`);
    expect(armed[browser]).toEqual([]);
  });
});

describe('hostile pages in Firefox', () => {
  const browser: BrowserName = 'firefox';
  const SITE_ACCESS = 'http://127.0.0.1/*';
  let server: HostileServer | undefined;
  let session: FirefoxSession | undefined;
  let library: Page | undefined;
  const ids = new Map<string, string>();

  function started() {
    if (!server || !session || !library) throw new Error('the suite did not start');
    return { server, session, library };
  }

  /** Opens reader.html for an article with tabs.create from the library tab, and finds it. */
  function openReader(id: string): Promise<Page> {
    const { session, library } = started();
    return openFirefoxReader(session, library, id);
  }

  beforeAll(async () => {
    server = await startHostileServer();
    session = await launchFirefox();
    library = await findWelcomePage(session);
    await library.evaluate(installWatch);
  });

  afterAll(async () => {
    if (server) judgeHits(browser, server, server.hits);
    printReport(browser);
    await session?.close();
    await server?.close();
  });

  it('saves every hostile page with the popup’s save-tab message, after the user grants site access', async () => {
    const { server, session, library } = started();
    expect(await grantSiteAccess(library, SITE_ACCESS)).toBe(true);
    for (const page of PAGES) {
      for (const payload of page.payloads) tried[browser].add(payload.id);
      const url = server.url(page.file);
      server.setPhase(`live:${page.file}`);
      const tab = await session.browser.newPage();
      await tab.goto(url, { waitUntil: 'load' });
      await sleep(400);
      server.setPhase(`save:${page.file}`);
      const reply = (await library.evaluate(async (address) => {
        const { browser } = globalThis as ExtensionGlobal;
        const found = (await browser.tabs.query({})).find((item) => item.url === address);
        if (found?.id === undefined) throw new Error(`no tab shows ${address}`);
        return browser.runtime.sendMessage({ type: 'save-tab', tabId: found.id });
      }, url)) as Reply<SaveOutcome>;
      expect
        .soft(reply.ok ? '' : `${reply.error.code}: ${reply.error.detail}`, `${page.file}: save`)
        .toBe('');
      if (reply.ok) {
        expect.soft(reply.value.article.kind, `${page.file}: kind`).toBe('article');
        ids.set(page.file, reply.value.article.id);
      }
      await tab.close();
      await sleep(300);
    }
    expect(ids.size).toBe(PAGES.length);
  });

  it('opens every saved article in the reader: nothing runs, the text is all there', async () => {
    const { server } = started();
    for (const page of PAGES) {
      const id = ids.get(page.file);
      if (!id) continue;
      server.setPhase(`reader:${page.file}`);
      const reader = await openReader(id);
      // A driver cannot reach the tab before its scripts run: the watch is installed on arrival.
      await reader.evaluate(installWatch);
      await reader.waitForSelector(SHOWN, { timeout: 10_000 });
      await interact(reader);
      await sleep(800);
      const report = await reader.evaluate(inspectPage, READER);
      const where = `${browser} reader for ${page.file}`;
      await judgeReport(browser, where, reader, report);
      expectText(where, page, report);
      await reader.close();
    }
  });

  it('lists every saved article in the library tab without running any of them', async () => {
    const { server, library } = started();
    server.setPhase('library');
    // The list draws only the rows on screen: a window this tall shows every saved page at once.
    await setViewportSize(library, 1000, 12_000);
    await waitFor('the library to list every page', async () =>
      (await library.$$('ul.articles > li.article')).length >= PAGES.length ? true : undefined,
    );
    await sleep(800);
    const report = await library.evaluate(inspectPage, {
      title: 'ul.articles',
      meta: 'ul.articles',
      body: '',
    });
    await judgeReport(browser, 'firefox library tab', library, report);
    for (const page of PAGES)
      expect.soft(squash(report.title), 'library lists').toContain(page.title);
    expect.soft(report.titleElements, 'elements in the library list').toEqual([]);
  });

  it('ran no payload in Margins’ pages', async () => {
    const { server } = started();
    server.setPhase('done');
    await sleep(500);
    judgeHits(browser, server, server.hits.splice(0));
    expect(summary(browser)).toBe(`hostile: ${tried[browser].size} payloads, 0 executed`);
    expect(armed[browser]).toEqual([]);
  });
});
