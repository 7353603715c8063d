// Table-driven: bylines and dates the page states without labels or metadata (credit lines, sidebars, footers, addresses, social titles).
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isJobTitle } from '../../../src/content/extract/authors.ts';
import { extractArticle } from '../../../src/content/extract/index.ts';
import { readMeta } from '../../../src/content/extract/metadata.ts';
import { isOffArticle } from '../../../src/content/extract/regions.ts';
import { indexPage } from '../../../src/content/extract/scan.ts';
import { socialPostAuthor } from '../../../src/content/extract/sources/social-post.ts';
import { urlPathDate } from '../../../src/content/extract/sources/url-date.ts';
import { spacedText } from '../../../src/content/extract/sources/visible-lines.ts';
import { isNamesLine } from '../../../src/content/extract/sources/visible-text.ts';

const PROSE = `<p>${'The council met on Tuesday to discuss the harbour works and the new timetable. '.repeat(8)}</p>`;
const page = (html: string, url = 'https://paper.example/news/story') =>
  new JSDOM(html, { url }).window.document;
const article = (head: string, body: string, url?: string) =>
  extractArticle(
    page(
      `<html lang="en"><head><title>Harbour works resume</title>${head}</head><body>${body}</body></html>`,
      url,
    ),
  );

describe('spacedText', () => {
  it.each([
    ['spaces element boundaries', '<p>By<a>Jane Doe</a></p>', 2000, 'By Jane Doe '],
    [
      'indentation between tags does not count against the budget',
      `<p>${' '.repeat(50)}<b>Jo</b></p>`,
      10,
      `${' '.repeat(50)} Jo `,
    ],
    ['gives up on a block longer than the budget', `<div>${'word '.repeat(30)}</div>`, 50, null],
  ])('%s', (_name, html, budget, expected) => {
    const el = page(`<body>${html}</body>`).body.firstElementChild as Element;
    const text = spacedText(el, budget);
    expect(text === null ? null : text.replace(/\s+/g, ' ')).toBe(
      expected === null ? null : expected.replace(/\s+/g, ' '),
    );
  });
});

describe('isNamesLine', () => {
  it.each([
    [
      'two names with titles and an employer',
      'Jane Smith, Research Scientist, and John Doe, VP and Senior Fellow, Example Research',
      true,
    ],
    ['one full name', 'Jane Smith', true],
    ['a single word', 'Jane', false],
    ['a sentence', 'We present a new approach.', false],
    ['a date', 'March 24, 2026', false],
    ['lowercase prose', 'Jane Smith wrote this on the train', false],
  ])('%s', (_name, text, expected) => {
    expect(isNamesLine(text)).toBe(expected);
  });
});

describe('isJobTitle', () => {
  it.each([
    ['Research Scientist', true],
    ['VP and Senior Fellow', true],
    ['Jane Smith', false],
  ])('%s', (text, expected) => {
    expect(isJobTitle(text)).toBe(expected);
  });
});

describe('bylines the page prints without a label', () => {
  it.each([
    [
      'names beside the date under the headline, without their job titles and employer',
      '<main><h1>Harbour works resume</h1><div><p>March 24, 2026</p><p>Jane Smith, Research Scientist, and John Doe, VP and Senior Fellow, Example Research</p></div>' +
        PROSE +
        '</main>',
      'Jane Smith, John Doe',
    ],
    [
      "a one-author site's single 'By X' in its sidebar",
      `<div id="sidebar"><p>By <strong>Jane Doe</strong></p><ul><li><a href="/archive">Archive</a></li></ul></div><main><h1>Harbour works resume</h1>${PROSE}</main>`,
      'Jane Doe',
    ],
    [
      "not a sidebar that lists other stories' authors",
      `<div id="sidebar"><p>By Jane Doe</p><p>By John Roe</p></div><main><h1>Harbour works resume</h1>${PROSE}</main>`,
      null,
    ],
    [
      'not a "By X" inside a link to another story',
      `<div class="sidebar"><a href="/other"><p>By Jane Doe</p></a></div><main><h1>Harbour works resume</h1>${PROSE}</main>`,
      null,
    ],
    [
      'a byline in a box that also holds the share buttons ("author-share")',
      `<main><h1>Harbour works resume</h1><div class="author-share"><span class="name">By Jane Doe</span></div>${PROSE}</main>`,
      'Jane Doe',
    ],
  ])('%s', (_name, body, expected) => {
    expect(article('', body).byline).toBe(expected);
  });

  it.each([
    [
      'a social post titled "Name (@handle)"',
      '<meta property="og:title" content="Test User (@testuser)">',
      'Test User',
      'document-title',
    ],
    [
      'a Mastodon-style handle with its instance',
      '<meta property="og:title" content="Jane Doe (@jane@social.example)">',
      'Jane Doe',
      'document-title',
    ],
    [
      'an author in the metadata wins over the title',
      '<meta property="og:title" content="Test User (@testuser)"><meta name="author" content="Jane Doe">',
      'Jane Doe',
      'meta',
    ],
  ])('%s', (_name, head, expected, source) => {
    const snapshot = article(head, `<main><h1>Sample note</h1>${PROSE}</main>`);
    expect(snapshot.byline).toBe(expected);
    expect(snapshot.fieldSources.byline).toBe(source);
  });
});

describe('authors a dateline or a lone label names (German pages)', () => {
  const GERMAN = `<p>${'Der Gemeinderat hat am Dienstag über die Arbeiten am Hafen beraten. '.repeat(8)}</p>`;
  const signed = (lines: string) =>
    extractArticle(
      page(
        `<html lang="de"><head><title>Hafen</title></head><body><main><h1>Arbeiten am Hafen</h1>` +
          `${lines}${GERMAN}</main></body></html>`,
        'https://zeitung.example/lokales/hafen',
      ),
    ).byline;

  it.each([
    [
      'a name after the date and a dash',
      '<p>11.12.2019 - Amelie Loevenich</p>',
      'Amelie Loevenich',
    ],
    [
      'a label after the date, up to the next label',
      '<p><b>Datum:</b> 03.11.2021 <b>Autor:</b> Peter Maahn <b>Lesezeit:</b> 5 min</p>',
      'Peter Maahn',
    ],
    [
      'the line under a lone "Autor" heading',
      '<div><h4>Autor</h4><p><a href="/profil/nh">Nikolai Huke</a>, </p></div>',
      'Nikolai Huke',
    ],
    ['not a sentence after the date', '<p>11.12.2019 - Der Rat tagt</p>', null],
    [
      'a bold italic signature closing the story',
      `${GERMAN}${GERMAN}<p><b><i>Stefan Wasmer</i></b></p>`,
      'Stefan Wasmer',
    ],
    ['not a closing line in plain text', `${GERMAN}${GERMAN}<p>Stefan Wasmer</p>`, null],
    [
      'not a bold heading over a list of links',
      `${GERMAN}${GERMAN}<p><b>Weitere Informationen</b></p>` +
        '<ul><li><a href="/workshop">Infos zum Workshop</a></li></ul>',
      null,
    ],
    [
      'a signature with footnotes after it',
      `${GERMAN}${GERMAN}<p><em>Stefan Wasmer</em></p><p>(1) Zahlen der Stadt.</p>` +
        '<p>(2) Stand 2019.</p><p>(3) Ohne Hafenbecken.</p>',
      'Stefan Wasmer',
    ],
    [
      'a copyright line closing the story',
      `${GERMAN}${GERMAN}<p>© 2019 Sven Schreivogel</p>`,
      'Sven Schreivogel',
    ],
    [
      'two authors after a label closing the story, as written',
      `${GERMAN}${GERMAN}<p>Autoren Jelko Djuren und Jutta Klaukien</p>`,
      'Jelko Djuren und Jutta Klaukien',
    ],
    ['not a photo agency’s copyright', `${GERMAN}${GERMAN}<p>© 2019 Getty Images</p>`, null],
    [
      'not a heading that starts with "Von" and goes on as a phrase',
      '<h3>Von Atemschutzmaske über Exit-Strategie bis Zoonose</h3>',
      null,
    ],
    [
      'not a sentence that starts with a lowercase "von"',
      '<ul><li>von Wertpapieren des öffentlichen Sektors</li><li>von Windows 10 reicht es</li></ul>',
      null,
    ],
    [
      'a guest post’s credit',
      '<p>Ein Gastbeitrag von Margarita Koreneva</p>',
      'Margarita Koreneva',
    ],
    ['a blog post’s credit', '<p>Blog Beitrag von Margarita Koreneva</p>', 'Margarita Koreneva'],
    ['a lowercase "von" before the name alone', '<p>von Amelie Loevenich</p>', 'Amelie Loevenich'],
    [
      '"Von" before the name and the date',
      '<p>Von Amelie Loevenich am 11.12.2019</p>',
      'Amelie Loevenich',
    ],
    ['not a line under a lone label that is no name', '<h4>Autor</h4><p>Mehr zum Thema</p>', null],
  ])('%s', (_name, lines, expected) => {
    expect(signed(lines)).toBe(expected);
  });
});

describe('socialPostAuthor', () => {
  it.each([
    ['Test User (@testuser)', ['Test User']],
    ['Test User (@testuser): "Sample note text"', ['Test User']],
    ['Heinrich on X: "obsidian + claude code 101"', []],
    ['Breaking: council (and @mayor) agree', []],
  ])('%s', (title, expected) => {
    const doc = page('<html><head></head><body></body></html>');
    expect(socialPostAuthor(readMeta(indexPage(doc)), title)).toEqual(expected);
  });
});

describe('urlPathDate', () => {
  it.each([
    [
      'year, month and day as path segments',
      'https://paper.example/2024/06/18/harbour-works',
      '2024-06-18',
    ],
    ['single-digit month and day', 'https://paper.example/news/2024/6/8/harbour', '2024-06-08'],
    ['joined with dashes', 'https://paper.example/2024-06-18/harbour', '2024-06-18'],
    ['a month archive names no day', 'https://paper.example/2016/12/132377/tees', null],
    ['an impossible day', 'https://paper.example/2023/02/31/x', null],
    ['the query is not read', 'https://paper.example/story?from=2024/06/18/', null],
    ['a segment that is only a day', 'https://paper.example/20200428/harbour-works', '2020-04-28'],
    ['a day-first segment', 'https://charity.example/news/29-10-2021', '2021-10-29'],
    ['eight digits in a longer number', 'https://paper.example/story/120200622120908039', null],
    ['eight digits in a slug', 'https://paper.example/story/harbour-20200428', null],
    ['a day to come is an id', 'https://paper.example/20991231/x', null],
  ])('%s', (_name, url, expected) => {
    expect(urlPathDate(url)).toBe(expected);
  });
});

describe('dates of last resort', () => {
  it.each([
    [
      "the address's day when the page states none",
      '',
      'https://paper.example/2024/06/18/harbour-works',
      '2024-06-18',
      'url',
    ],
    [
      'a stated "Updated" date over the address',
      '<p class="meta">Updated: Jun 19, 2024 2:57 PM UTC</p>',
      'https://paper.example/2024/06/18/harbour-works',
      '2024-06-19T14:57Z',
      'visible-text',
    ],
    [
      'the footer\'s "last edited" date when nothing else dates the page',
      '<div id="footer" role="contentinfo"><ul><li>This page was last edited on 15 January 2024, at 14:32 (UTC).</li></ul></div>',
      'https://wiki.example/wiki/Harbour',
      '2024-01-15T14:32Z',
      'visible-text',
    ],
  ])('%s', (_name, extra, url, expected, source) => {
    const body = extra.includes('footer')
      ? `<main><h1>Harbour works resume</h1>${PROSE}</main>${extra}`
      : `<main><h1>Harbour works resume</h1>${extra}${PROSE}</main>`;
    const snapshot = article('', body, url);
    expect(snapshot.publishedTime).toBe(expected);
    expect(snapshot.fieldSources.publishedTime).toBe(source);
  });

  it('reads the date under an <h2> headline when the only <h1> is the masthead logo', () => {
    const snapshot = extractArticle(
      page(
        `<html><head><title>Harbour works resume_Daily Paper</title></head><body><header><a href="/"><h1>Daily Paper</h1></a></header>${'<div><p>Section</p></div>'.repeat(80)}<div class="article"><h2 class="title">Harbour works resume</h2><div class="author-share"><span class="date">2017-03-01 14:27:02</span></div>${PROSE}</div></body></html>`,
      ),
    );
    expect(snapshot.publishedTime).toBe('2017-03-01T14:27:02');
  });
});

describe('isOffArticle and byline boxes', () => {
  it.each([
    ['a box for the byline and the share buttons', '<div class="author-share">X</div>', false],
    ['a share bar', '<div class="share-bar">X</div>', true],
    [
      'the authors of comments',
      '<div class="comments"><div class="comment-author">X</div></div>',
      true,
    ],
  ])('%s', (_name, html, expected) => {
    const doc = page(`<body>${html.replace('X', '<span id="x">X</span>')}</body>`);
    expect(isOffArticle(doc.getElementById('x') as Element)).toBe(expected);
  });
});

describe('forum and blog conventions near the headline', () => {
  const post = (meta: string) =>
    article(
      '',
      `<main><h1>Harbour works resume</h1><div class="meta">${meta}</div>${PROSE}</main>`,
    );

  it.each([
    ['a link to the author page', '<a href="/author/jane-doe">Jane Doe</a>', 'Jane Doe'],
    ['a link to a user page by id', '<a href="user?id=testuser">testuser</a>', 'testuser'],
    ['a link to an @handle page', '<a href="https://blog.example/@jdoe">Jane Doe</a>', 'Jane Doe'],
    ['not a link to the list of authors', '<a href="/authors/">Our authors</a>', null],
    ['not a link to a story', '<a href="/news/other-story">Jane Doe</a>', null],
    [
      'not a link to a page about a person the story mentions',
      '<a href="/people/prince/">Prince</a>',
      null,
    ],
  ])('byline from %s', (_name, meta, expected) => {
    expect(post(meta).byline).toBe(expected);
  });

  it.each([
    [
      'a title tooltip on the relative date',
      '<span class="age" title="2025-06-15T12:00:00 1750000000"><a href="#">1 day ago</a></span>',
      '2025-06-15T12:00:00',
    ],
    [
      'a German relative date with its tooltip',
      '<span title="2024-06-18T09:00">vor 2 Tagen</span>',
      '2024-06-18T09:00',
    ],
    ['a relative date without an exact one', '<span>3 hours ago</span>', null],
  ])('date from %s', (_name, meta, expected) => {
    expect(post(meta).publishedTime).toBe(expected);
  });
});
