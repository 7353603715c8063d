/**
 * Fetching the articles of "Link only" records: a real HTTP server on 127.0.0.1 serves the
 * pages, the fetcher's own `fetchPage` reads them and the extraction parses them with a jsdom
 * window's DOMParser (as Firefox's background page does with its own); the fake browser keeps the grants, the alarm and the status.
 * Time that the fetcher waits (site pacing, retries) runs on a clock of the test's, so nothing
 * here waits for real seconds.
 */
import { JSDOM } from 'jsdom';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ArticleFetcher,
  FETCH_ALARM,
  MAX_ATTEMPTS,
  SITE_GAP_MS,
  type FetcherDeps,
} from '../../../src/background/article-fetcher.ts';
import { fetchPage } from '../../../src/background/fetch-page.ts';
import { extractFromHtml } from '../../../src/content/extract/from-html.ts';
import { saveSnapshot } from '../../../src/db/articles.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { FETCH_STATUS_KEY } from '../../../src/shared/article-fetch.ts';
import { htmlText } from '../../../src/shared/article-html/html-text.ts';
import { installFakePlatform, type FakePlatform } from '../helpers/fake-platform.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

const WORDS = Array.from({ length: 40 }, (_, at) => `word${at}`).join(' ');

function articlePage(title: string): string {
  const paragraphs = Array.from(
    { length: 6 },
    (_, at) => `<p>${title} paragraph ${at}: ${WORDS}. Sentences of the article go on here.</p>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><title>${title}</title>
    <meta name="author" content="Ada Writer"></head>
    <body><article><h1>${title}</h1>${paragraphs}<a href="more.html">More</a></article></body></html>`;
}

interface Served {
  status?: number;
  type?: string;
  body: string;
}

/** A site whose pages the test sets, with the time each request arrived. */
class Site {
  readonly pages = new Map<string, Served[]>();
  readonly requests: { path: string; at: number }[] = [];
  private server: Server | undefined;
  origin = '';

  constructor(private readonly clock: () => number) {}

  /** Serves `answers` one after the other (the last one again and again). */
  serve(path: string, ...answers: Served[]): string {
    this.pages.set(path, answers);
    return `${this.origin}${path}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      this.requests.push({ path, at: this.clock() });
      const answers = this.pages.get(path) ?? [{ status: 404, body: 'not found' }];
      const answer = answers.length > 1 ? (answers.shift() as Served) : answers[0];
      res.writeHead(answer?.status ?? 200, {
        'content-type': answer?.type ?? 'text/html; charset=utf-8',
      });
      res.end(answer?.body ?? '');
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** The DOM pages are parsed with, as in Firefox's background page (Node's fetch stays Node's). */
const dom = new JSDOM('<!doctype html><title>Margins</title>');
let browser: FakePlatform;
let db: MarginsDatabase;
let site: Site;
/** The fetcher's clock: moved by its own waits, never by real time. */
let now = Date.UTC(2026, 11, 4, 12);

function deps(overrides: Partial<FetcherDeps> = {}): FetcherDeps {
  return {
    load: (url) => fetchPage(url),
    extract: async (page) =>
      extractFromHtml(page.html, page.url, dom.window as unknown as Window & typeof globalThis),
    now: () => now,
    // Yields to the event loop as a real wait does, then moves the clock.
    sleep: async (ms) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      now += ms;
    },
    ...overrides,
  };
}

async function saveLink(url: string, extra: { tags?: string[]; readAt?: string } = {}) {
  const { article } = await saveSnapshot(
    db,
    makeSnapshot({
      kind: 'link',
      url,
      canonicalUrl: null,
      title: `Imported ${url.slice(-12)}`,
      byline: null,
      authors: [],
      contentHtml: '',
      textContent: '',
      wordCount: 0,
      excerpt: null,
    }),
    new Date('2024-01-02T03:04:05.000Z'),
  );
  await db.articles.update(article.id, { tags: extra.tags ?? [], readAt: extra.readAt ?? null });
  return article.id;
}

const grantSite = () => browser.permissions.grant({ origins: ['http://127.0.0.1/*'] });

beforeEach(async () => {
  browser = installFakePlatform();
  db = openDatabase(`fetcher-${Math.random()}`);
  site = new Site(() => now);
  await site.start();
});

afterEach(async () => {
  await site.stop();
  await db.delete();
});

describe('fetching the articles of imported links', () => {
  it('turns each link into its article, keeping the tags, read state and save date it had', async () => {
    grantSite();
    const id = await saveLink(site.serve('/one.html', { body: articlePage('First story') }), {
      tags: ['from-pocket'],
      readAt: '2024-02-01T00:00:00.000Z',
    });
    const fetcher = new ArticleFetcher(db, deps());
    const started = await fetcher.start();
    expect(started).toMatchObject({ state: 'running', waiting: 1 });
    await fetcher.settled();

    const article = await db.articles.get(id);
    expect(article).toMatchObject({
      kind: 'article',
      title: 'First story',
      byline: 'Ada Writer',
      tags: ['from-pocket'],
      readAt: '2024-02-01T00:00:00.000Z',
      savedAt: '2024-01-02T03:04:05.000Z',
      url: `${site.origin}/one.html`,
    });
    expect(htmlText(article?.contentHtml ?? '')).toContain('First story paragraph 5');
    // Links in the body point at the site, not at the extension page that parsed it.
    expect(article?.contentHtml).toContain(`href="${site.origin}/more.html"`);
    expect((await db.cards.get({ id }))?.kind).toBe('article');
    expect(await db.fetchQueue.count()).toBe(0);
    const stored = (await browser.storage.local.get(FETCH_STATUS_KEY))[FETCH_STATUS_KEY];
    expect(stored).toEqual({ state: 'idle', fetched: 1, waiting: 0, failed: 0 });
    expect(await browser.alarms.get(FETCH_ALARM)).toBeUndefined();
  });

  it('keeps a link whose page fails, with a reason for each kind of failure', async () => {
    grantSite();
    const gone = await saveLink(`${site.origin}/gone.html`);
    const pdf = await saveLink(site.serve('/paper.pdf', { type: 'application/pdf', body: '%PDF' }));
    const home = await saveLink(
      site.serve('/', {
        body: '<html><head><title>Home</title></head><body><nav>Menu</nav></body></html>',
      }),
    );
    const locked = await saveLink(site.serve('/members.html', { status: 403, body: 'no' }));
    const fetcher = new ArticleFetcher(db, deps());
    await fetcher.start();
    await fetcher.settled();

    const reasons = Object.fromEntries(
      (await db.fetchQueue.toArray()).map((row) => [row.articleId, row.reason]),
    );
    expect(reasons[gone]).toMatchObject({ code: 'http-status', status: 404 });
    expect(reasons[pdf]).toMatchObject({ code: 'not-html' });
    expect(reasons[home]).toMatchObject({ code: 'not-article' });
    expect(reasons[locked]).toMatchObject({ code: 'sign-in', status: 403 });
    for (const id of [gone, pdf, home, locked]) {
      expect((await db.articles.get(id))?.kind).toBe('link');
    }
    expect(await fetcher.status()).toMatchObject({ state: 'idle', fetched: 0, failed: 4 });
  });

  it('asks one site for one page at a time, at most one a second', async () => {
    grantSite();
    for (const name of ['a', 'b', 'c']) {
      await saveLink(site.serve(`/${name}.html`, { body: articlePage(`Story ${name}`) }));
    }
    const fetcher = new ArticleFetcher(db, deps());
    await fetcher.start();
    await fetcher.settled();
    const times = site.requests.map((request) => request.at);
    expect(times).toHaveLength(3);
    for (let at = 1; at < times.length; at += 1) {
      expect((times[at] ?? 0) - (times[at - 1] ?? 0)).toBeGreaterThanOrEqual(SITE_GAP_MS);
    }
    expect((await db.articles.toArray()).every((article) => article.kind === 'article')).toBe(true);
  });

  it('tries a server error again later, and gives up after the last try', async () => {
    grantSite();
    const flaky = await saveLink(
      site.serve('/flaky.html', { status: 503, body: 'busy' }, { body: articlePage('Flaky') }),
    );
    const down = await saveLink(site.serve('/down.html', { status: 500, body: 'down' }));
    const fetcher = new ArticleFetcher(db, deps());
    await fetcher.start();
    await fetcher.settled();
    expect((await db.articles.get(flaky))?.title).toBe('Flaky');
    const row = await db.fetchQueue.get(down);
    expect(row).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
    expect(site.requests.filter((request) => request.path === '/down.html')).toHaveLength(
      MAX_ATTEMPTS,
    );
  });

  it('does not fetch from a site Margins was not given access to', async () => {
    const id = await saveLink(site.serve('/one.html', { body: articlePage('Private') }));
    const fetcher = new ArticleFetcher(db, deps());
    await fetcher.start();
    await fetcher.settled();
    expect(site.requests).toHaveLength(0);
    expect((await db.fetchQueue.get(id))?.reason).toMatchObject({ code: 'no-access' });
  });

  it('carries on after the worker stopped: a new fetcher resumes, nothing twice', async () => {
    grantSite();
    const ids = [];
    for (const name of ['a', 'b', 'c', 'd']) {
      ids.push(await saveLink(site.serve(`/${name}.html`, { body: articlePage(`Story ${name}`) })));
    }
    // The first worker fetches one page, then stops: what it had started never ends, and it
    // never runs again.
    let loads = 0;
    const never = () => new Promise<never>(() => undefined);
    const first = new ArticleFetcher(
      db,
      deps({
        load: async (url) => {
          loads += 1;
          return loads > 1 ? never() : fetchPage(url);
        },
        sleep: async (ms) => (loads > 1 ? never() : deps().sleep(ms)),
      }),
    );
    await first.start();
    await expect.poll(async () => (await db.fetchQueue.count()) === 3).toBe(true);

    const second = new ArticleFetcher(db, deps());
    expect(await second.resumeIfRunning()).toBe(true);
    await second.settled();
    const articles = await db.articles.toArray();
    expect(articles).toHaveLength(4);
    expect(articles.every((article) => article.kind === 'article')).toBe(true);
    expect(await db.fetchQueue.count()).toBe(0);
  });

  it('pauses, resumes and stops as the user asks', async () => {
    grantSite();
    for (const name of ['a', 'b']) {
      await saveLink(site.serve(`/${name}.html`, { body: articlePage(`Story ${name}`) }));
    }
    const fetcher = new ArticleFetcher(db, deps({ load: () => new Promise(() => undefined) }));
    await fetcher.start();
    expect(await fetcher.pause()).toMatchObject({ state: 'paused', waiting: 2 });
    expect(await browser.alarms.get(FETCH_ALARM)).toBeUndefined();
    // A woken worker leaves a paused fetch alone.
    expect(await new ArticleFetcher(db, deps()).resumeIfRunning()).toBe(false);

    const resumed = new ArticleFetcher(db, deps());
    expect(await resumed.resume()).toMatchObject({ state: 'running' });
    await resumed.settled();
    expect(await resumed.status()).toMatchObject({ state: 'idle', waiting: 0, fetched: 2 });

    const more = await saveLink(site.serve('/c.html', { body: articlePage('Story c') }));
    const stopping = new ArticleFetcher(db, deps({ load: () => new Promise(() => undefined) }));
    await stopping.start();
    const stopped = stopping.cancel();
    expect(await stopped).toMatchObject({ state: 'idle', waiting: 0 });
    expect((await db.articles.get(more))?.kind).toBe('link');
  });

  it('tries the failed links again when the user asks', async () => {
    grantSite();
    const id = await saveLink(
      site.serve('/later.html', { status: 404, body: 'not yet' }, { body: articlePage('Later') }),
    );
    const fetcher = new ArticleFetcher(db, deps());
    await fetcher.start();
    await fetcher.settled();
    expect((await fetcher.status()).failed).toBe(1);
    await fetcher.retryFailed();
    await fetcher.settled();
    expect((await db.articles.get(id))?.title).toBe('Later');
    expect(await fetcher.status()).toMatchObject({ failed: 0, waiting: 0 });
  });

  it('forgets a link whose article was deleted meanwhile', async () => {
    grantSite();
    const id = await saveLink(site.serve('/one.html', { body: articlePage('Gone soon') }));
    const fetcher = new ArticleFetcher(
      db,
      deps({
        load: async (url) => {
          await db.articles.delete(id);
          return fetchPage(url);
        },
      }),
    );
    await fetcher.start();
    await fetcher.settled();
    expect(await db.articles.count()).toBe(0);
    expect(await db.fetchQueue.count()).toBe(0);
  });
});
