/**
 * Firefox: fifty saves of different tabs started at once all land, each as one whole record.
 * (Firefox, because a driver can hold the optional site access there; in Chromium only the
 * toolbar click grants access, one tab at a time.)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleRecordSchema } from '../../../src/shared/article.ts';
import type { Reply, SaveOutcome } from '../../../src/shared/protocol.ts';
import type { ExtensionGlobal } from '../harness/firefox.ts';
import { FIXTURE_SITE_ACCESS, useFirefoxSuite } from '../harness/firefox-suite.ts';
import {
  DB_NAME,
  readRowsInExtension,
  STORE_NAME,
  withoutUrlKeys,
  type StoredRow,
} from '../harness/records.ts';

const TABS = 50;

/** Article number `n`: its own title and text, and no canonical link, so each is a new record. */
function article(n: number): string {
  const sentence = `Report ${n} from the harbour: the council heard about ferry number ${n}, its timetable and its repairs. `;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour report ${n}</title></head><body><article><h1>Harbour report ${n}</h1><p>${sentence.repeat(12)}</p><p>${sentence.repeat(8)}</p></article></body></html>`;
}

// The fixture server's site access also covers this file's own server of generated articles.
const suite = useFirefoxSuite({ siteAccess: [FIXTURE_SITE_ACCESS] });
let server: Server | undefined;
let origin = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    const n = /^\/article-(\d+)\.html$/.exec(request.url ?? '')?.[1];
    response.writeHead(n ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(n ? article(Number(n)) : 'not found');
  });
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server?.close(done));
});

describe('concurrent saves in Firefox', () => {
  it(`${TABS} saves of different tabs started at once all land`, async () => {
    const { session, library } = suite.started();
    for (let n = 0; n < TABS; n++) {
      const tab = await session.browser.newPage();
      await tab.goto(`${origin}/article-${n}.html`, { waitUntil: 'load' });
    }
    const replies = (await library.evaluate(async (prefix) => {
      const { browser } = globalThis as ExtensionGlobal;
      const tabs = (await browser.tabs.query({})).filter((tab) => tab.url?.startsWith(prefix));
      return Promise.all(
        tabs.map((tab) => browser.runtime.sendMessage({ type: 'save-tab', tabId: tab.id })),
      );
    }, `${origin}/article-`)) as Reply<SaveOutcome>[];

    expect(replies).toHaveLength(TABS);
    const failures = replies.filter((reply) => !reply.ok);
    expect(failures).toEqual([]);
    const rows = (await library.evaluate(readRowsInExtension, DB_NAME, STORE_NAME)) as StoredRow[];
    expect(rows).toHaveLength(TABS);
    expect(new Set(rows.map((row) => row.title)).size).toBe(TABS);
    for (const row of rows) {
      expect(v.safeParse(ArticleRecordSchema, withoutUrlKeys(row)).issues).toBeUndefined();
    }
  }, 240_000);
});
