// Table-driven: names a site gives itself outside its metadata (home link, social-post titles) and dates in links to the page itself.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { homeLinkNames } from '../../../src/content/extract/home-link.ts';
import { extractArticle } from '../../../src/content/extract/index.ts';
import { isOffArticle } from '../../../src/content/extract/regions.ts';
import { indexPage } from '../../../src/content/extract/scan.ts';
import { socialPostTitle } from '../../../src/content/extract/sources/social-post.ts';
import { cleanTitle } from '../../../src/content/extract/title.ts';

const URL = 'https://paper.example/news/harbour-works';
const PROSE = `<p>${'The council met on Tuesday to discuss the harbour works and the new timetable. '.repeat(8)}</p>`;
const page = (html: string, url = URL) => new JSDOM(html, { url }).window.document;

describe('homeLinkNames', () => {
  it.each([
    ['a header link to "/"', '<header><a href="/">Harbour Post</a></header>', ['Harbour Post']],
    [
      'a logo in the navigation, named by its alt text',
      '<nav><a href="https://paper.example/"><img src="/logo.png" alt="Harbour Post"></a></nav>',
      ['Harbour Post'],
    ],
    ['a link to a section is not the home page', '<header><a href="/news/">News</a></header>', []],
    [
      "another site's home page names that site",
      '<header><a href="https://other.example/">Other</a></header>',
      [],
    ],
    ['a home link outside the masthead', '<main><a href="/">Harbour Post</a></main>', []],
    ['a home page with a query is a search', '<header><a href="/?s=x">Search</a></header>', []],
  ])('%s', (_name, body, expected) => {
    expect(homeLinkNames(indexPage(page(`<html><body>${body}</body></html>`)))).toEqual(expected);
  });
});

describe('cleanTitle with the home link as site name', () => {
  const ctx = { siteName: null, host: 'paper.example', headings: [] as string[] };
  it.each([
    [
      'a suffix equal to the home link is cut, even after a short headline',
      'Array - JavaScript | MDN',
      ['MDN'],
      'Array - JavaScript',
    ],
    [
      'a prefix equal to the home link is cut',
      'Harbour Post | Works resume',
      ['Harbour Post'],
      'Works resume',
    ],
    [
      'a suffix that is not the home link stays after a short headline',
      'Array - JavaScript | MDN',
      ['Home'],
      'Array - JavaScript | MDN',
    ],
  ])('%s', (_name, raw, homeNames, expected) => {
    expect(cleanTitle(raw, { ...ctx, homeNames })).toBe(expected);
  });

  it('reads the home link of the page when the title has no declared site name', () => {
    const doc = page(
      `<html><head><title>Tides - Tables | HPost</title></head><body><header><a href="/">HPost</a></header><main><h1>Tides</h1>${PROSE}</main></body></html>`,
    );
    expect(extractArticle(doc).title).toBe('Tides - Tables');
  });
});

describe('socialPostTitle', () => {
  it.each([
    [
      'confirmed by the title\'s own "/ X" end, with an unread count',
      '(4) Heinrich on X: "obsidian + claude code 101" / X',
      null,
      { author: 'Heinrich', text: 'obsidian + claude code 101' },
    ],
    [
      'confirmed by the first word of the site name',
      'Jane Doe on X: “A thread on tides”',
      'X (formerly Twitter)',
      { author: 'Jane Doe', text: 'A thread on tides' },
    ],
    [
      'confirmed by the site name',
      'Jane Doe on Instagram: "Harbour at dawn"',
      'Instagram',
      { author: 'Jane Doe', text: 'Harbour at dawn' },
    ],
    [
      'a headline quoting someone is not a post',
      'Mayor on budget: "We will cut the harbour works"',
      'Harbour Post',
      null,
    ],
    [
      'no site name to confirm the network',
      'Heinrich on X: "obsidian + claude code 101"',
      null,
      null,
    ],
  ])('%s', (_name, title, siteName, expected) => {
    expect(socialPostTitle(title, siteName)).toEqual(expected);
  });

  it('titles a post by what it says and credits its author', () => {
    const doc = page(
      `<html><head><title>(2) Jane Doe on X: "Harbour works resume today" / X</title></head><body><main>${PROSE}</main></body></html>`,
      'https://social.example/jane/status/1',
    );
    const snapshot = extractArticle(doc);
    expect(snapshot.title).toBe('Harbour works resume today');
    expect(snapshot.byline).toBe('Jane Doe');
  });
});

describe('a date in a link to the page itself', () => {
  it.each([
    ['a permalink to this page (WordPress "bookmark")', `<a href="${URL}" rel="bookmark">`, false],
    ['a link relative to this page', '<a href="/news/harbour-works#top">', false],
    ['a fragment link', '<a href="#post-1">', false],
    ['a link to another story', '<a href="/news/other-story">', true],
  ])('%s', (_name, link, off) => {
    const doc = page(`<html><body><article>${link}<time>x</time></a></article></body></html>`);
    const time = doc.querySelector('time');
    expect(time && isOffArticle(time)).toBe(off);
  });

  it('dates the article by the <time> in its permalink', () => {
    const doc = page(
      `<html><head><title>Harbour works resume</title></head><body><article><h1>Harbour works resume</h1><a href="${URL}"><time datetime="2024-06-18T09:00:00Z">18 June</time></a>${PROSE}</article></body></html>`,
    );
    expect(extractArticle(doc).publishedTime).toBe('2024-06-18T09:00:00Z');
  });
});

describe('cleanTitle and an unnamed short suffix', () => {
  const ctx = { siteName: null, host: 'paper.example' };
  it.each([
    [
      'a pipe after a short headline the page heading confirms',
      'Jane Smith | Portfolio',
      { headings: ['Jane Smith'] },
      'Jane Smith',
    ],
    [
      'a pipe after a short headline nothing confirms',
      'Jane Smith | Portfolio',
      { headings: [] },
      'Jane Smith | Portfolio',
    ],
    [
      'an en dash at the end of a bare <title> with no heading',
      'Lorem ipsum dolor sit amet – My website',
      { headings: [], bareDocumentTitle: true },
      'Lorem ipsum dolor sit amet',
    ],
    [
      'an en dash when a metadata title was given',
      'Lorem ipsum dolor sit amet – My website',
      { headings: [], bareDocumentTitle: false },
      'Lorem ipsum dolor sit amet – My website',
    ],
    [
      'an en dash when the page has a heading to show where the headline ends',
      'Lorem ipsum dolor sit amet – My website',
      { headings: ['Something else entirely'], bareDocumentTitle: true },
      'Lorem ipsum dolor sit amet – My website',
    ],
    [
      'a hyphen, which joins words and clauses far more often than names',
      'Lorem ipsum dolor sit amet - My website',
      { headings: [], bareDocumentTitle: true },
      'Lorem ipsum dolor sit amet - My website',
    ],
  ])('%s', (_name, raw, extra, expected) => {
    expect(cleanTitle(raw, { ...ctx, ...extra })).toBe(expected);
  });

  it.each([
    ['a bare <title>', '', 'Harbour works will resume soon'],
    [
      'an og:title, which the page chose to write so',
      '<meta property="og:title" content="Harbour works will resume soon – Tide Gazette">',
      'Harbour works will resume soon – Tide Gazette',
    ],
  ])('an en-dashed <title> with %s', (_name, head, expected) => {
    const doc = page(
      `<html><head><title>Harbour works will resume soon – Tide Gazette</title>${head}</head><body><main>${PROSE}</main></body></html>`,
    );
    expect(extractArticle(doc).title).toBe(expected);
  });
});
