/**
 * A page Margins fetched itself is parsed in an extension page, whose own address is not the
 * page's: every address the extraction reads must come from the page's.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../../src/content/extract/from-html.ts';
import { siteAccessFor, sitePatternOf, MAX_LISTED_SITES } from '../../../src/shared/site-access.ts';

/** The extension page the parsing runs in: its address is not the article's. */
const extensionPage = new JSDOM('<!doctype html><title>Margins</title>', {
  url: 'chrome-extension://abcdefghijklmnop/offscreen.html',
});
const view = extensionPage.window as unknown as Window & typeof globalThis;

const body = Array.from(
  { length: 5 },
  (_, at) =>
    `<p>Paragraph ${at} of the harbour story, long enough to be read as the article's text by
    the extraction, with a <a href="../ferries/${at}.html">link</a> and more words after it.</p>`,
).join('');

describe('extracting a fetched page', () => {
  it('reads addresses against the page, not the extension page it is parsed in', () => {
    const snapshot = extractFromHtml(
      `<!doctype html><html lang="en"><head><title>Ferries are back</title>
       <link rel="canonical" href="/news/ferries-back"></head>
       <body><article><h1>Ferries are back</h1>${body}<img src="img/boat.jpg" alt="A boat"></article></body></html>`,
      'https://gazette.example/news/2024/ferries.html',
      view,
    );
    expect(snapshot.kind).toBe('article');
    expect(snapshot.url).toBe('https://gazette.example/news/2024/ferries.html');
    expect(snapshot.canonicalUrl).toBe('https://gazette.example/news/ferries-back');
    expect(snapshot.contentHtml).toContain('href="https://gazette.example/news/ferries/0.html"');
    expect(snapshot.contentHtml).toContain('src="https://gazette.example/news/2024/img/boat.jpg"');
    expect(snapshot.contentHtml).not.toContain('chrome-extension');
    expect(snapshot.siteName).not.toBe('abcdefghijklmnop');
  });

  it('resolves a relative <base href> against the page', () => {
    const snapshot = extractFromHtml(
      `<!doctype html><html><head><base href="/archive/"><title>Old ferries</title></head>
       <body><article><h1>Old ferries</h1>${body}</article></body></html>`,
      'https://gazette.example/news/old.html',
      view,
    );
    expect(snapshot.contentHtml).toContain('href="https://gazette.example/ferries/0.html"');
  });

  it('runs none of the page’s scripts', () => {
    const snapshot = extractFromHtml(
      `<html><head><title>Scripted</title><script>window.__ran = true;</script></head>
       <body><article>${body}</article><img src="x" onerror="window.__ran = true"></body></html>`,
      'https://gazette.example/scripted.html',
      view,
    );
    expect((view as unknown as { __ran?: boolean }).__ran).toBeUndefined();
    expect(snapshot.contentHtml).not.toContain('onerror');
  });
});

describe('the site access asked for to fetch links', () => {
  it('names each site once, by its scheme and host', () => {
    expect(
      siteAccessFor([
        'https://gazette.example/a',
        'https://gazette.example/b?c',
        'http://127.0.0.1:8080/x',
        'ftp://files.example/y',
        'not a url',
      ]),
    ).toEqual(['http://127.0.0.1/*', 'https://gazette.example/*']);
    expect(sitePatternOf('javascript:alert(1)')).toBeNull();
  });

  it('asks for all sites when there are too many to list', () => {
    const many = Array.from({ length: MAX_LISTED_SITES + 1 }, (_, at) => `https://s${at}.example/`);
    expect(siteAccessFor(many)).toEqual(['http://*/*', 'https://*/*']);
  });
});
