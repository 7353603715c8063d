/**
 * Chromium: saves that meet trouble end with the whole record or none and a clear answer:
 * the service worker stopped in the middle of a save, a 20 MB page, a page of 100,000
 * elements, a page that never finishes loading, and a page whose own scripts keep throwing.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArticleRecordSchema } from '../../../src/shared/article.ts';
import {
  clickToolbarButton,
  launchChromium,
  openTab,
  saveOutcome,
  type ChromiumSession,
} from '../harness/chromium.ts';
import {
  DB_NAME,
  message,
  readRowsInExtension,
  STORE_NAME,
  withoutUrlKeys,
  type StoredRow,
} from '../harness/records.ts';
import { FIXTURES_DIR } from '../harness/util.ts';

const PARAGRAPH =
  '<p>The harbour council met on Tuesday to discuss the ferry timetable, the price of tickets ' +
  'and the repairs to the northern pier, which have run three months over schedule.</p>';

/** Generated pages, each a plausible article of the size or shape under test. */
function page(body: string, title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

const ROUTES: Record<string, () => string> = {
  '/huge.html': () =>
    page(PARAGRAPH.repeat(Math.ceil(20_000_000 / PARAGRAPH.length)), 'A 20 MB page'),
  '/many-elements.html': () =>
    page(
      `${PARAGRAPH.repeat(20)}<div>${'<span>word </span>'.repeat(100_000)}</div>`,
      'A page of 100,000 elements',
    ),
  '/throws.html': () =>
    page(
      `${PARAGRAPH.repeat(20)}<script>setInterval(() => { document.body.append(document.createElement('i')); throw new Error('page script error'); }, 5);</script>`,
      'A page whose scripts throw',
    ),
};

let server: Server | undefined;
let origin = '';
let session: ChromiumSession | undefined;
const opened: Page[] = [];

function started(): ChromiumSession {
  if (!session) throw new Error('the suite did not start');
  return session;
}

beforeAll(async () => {
  const seed = readFileSync(join(FIXTURES_DIR, 'e2e-second-article.html'));
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/never-ends.html') {
      // Headers and most of the article, then nothing more: the page never finishes loading.
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.write(seed.toString('utf8').replace(/<\/body>[\s\S]*$/, ''));
      return;
    }
    const route = ROUTES[path];
    response.writeHead(route ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(route ? route() : 'not found');
  });
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = await launchChromium();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((item) => item.close().catch(() => undefined)));
});
afterAll(async () => {
  await session?.close();
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
});

/**
 * Every stored record is whole: it parses as a complete article record. Read from an extension
 * page, since a stopped service worker is not there to ask.
 */
async function expectOnlyWholeRecords(extensionPage: Page): Promise<number> {
  const rows = (await extensionPage.evaluate(
    readRowsInExtension,
    DB_NAME,
    STORE_NAME,
  )) as StoredRow[];
  for (const row of rows)
    expect(v.safeParse(ArticleRecordSchema, withoutUrlKeys(row)).issues).toBeUndefined();
  return rows.length;
}

describe('saves under trouble in Chromium', () => {
  it('a worker stopped in the middle of a save leaves all or nothing, and a retry succeeds', async () => {
    const session = started();
    // A page that takes seconds to read, so the worker is stopped while the save is under way.
    const tab = await openTab(session, `${origin}/many-elements.html`);
    const popup = await clickToolbarButton(session, tab);
    opened.push(tab, popup);
    const cdp = await popup.createCDPSession();
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The popup hears of the lost worker as a failed save, or the save had already landed.
    await saveOutcome(popup);
    const before = await expectOnlyWholeRecords(popup);
    expect(before).toBeLessThanOrEqual(1);

    const retry = await clickToolbarButton(session, tab);
    opened.push(retry);
    const status = await saveOutcome(retry);
    expect([message('status_saved'), message('status_updated')]).toContain(status.line);
    expect(await expectOnlyWholeRecords(retry)).toBe(1);
  });

  it.each(['/huge.html', '/many-elements.html', '/never-ends.html', '/throws.html'])(
    '%s gets an answer, and its tab stays responsive',
    async (path) => {
      const session = started();
      const tab = await session.browser.newPage();
      opened.push(tab);
      // A page that never finishes loading never fires DOMContentLoaded either: stop waiting.
      await tab
        .goto(`${origin}${path}`, { waitUntil: 'domcontentloaded', timeout: 5_000 })
        .catch(() => undefined);
      const popup = await clickToolbarButton(session, tab);
      opened.push(popup);
      const status = await saveOutcome(popup);
      const answers = [
        message('status_saved'),
        message('status_updated'),
        message('error_page_too_large'),
      ];
      expect(answers).toContain(status.line || status.error);
      expect(await tab.evaluate(() => document.title)).not.toBe('');
      await expectOnlyWholeRecords(popup);
    },
  );
});
