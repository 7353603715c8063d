// Table-driven: one small page per metadata shape, checking the value found and the source recorded for it.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/content/extract/index.ts';

const BODY = `<p>${'The council met on Tuesday to discuss the harbour works and the new timetable. '.repeat(8)}</p>`;

function extract(head: string, body = '', url = 'https://paper.example/news/story') {
  const html = `<html lang="en"><head><title>Harbour works resume</title>${head}</head><body>${body}<article><h1>Harbour works resume</h1>${BODY}</article></body></html>`;
  return extractArticle(new JSDOM(html, { url }).window.document);
}
const ld = (value: unknown): string =>
  `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

interface Case {
  name: string;
  head?: string;
  body?: string;
  byline?: string | null;
  authors?: string[];
  published?: string | null;
  modified?: string | null;
  sources: Record<string, string>;
}

const CASES: Case[] = [
  {
    name: 'JSON-LD @graph with an @id author reference',
    head: ld({
      '@graph': [
        {
          '@type': 'NewsArticle',
          author: { '@id': '#a' },
          datePublished: '2024-02-11T07:45:00+01:00',
          dateModified: '2024-02-12',
        },
        { '@id': '#a', '@type': 'Person', name: 'Ada Lindqvist' },
      ],
    }),
    byline: 'Ada Lindqvist',
    published: '2024-02-11T07:45:00+01:00',
    modified: '2024-02-12',
    sources: { byline: 'json-ld', publishedTime: 'json-ld', modifiedTime: 'json-ld' },
  },
  {
    name: 'JSON-LD array of nested author objects',
    head: ld([
      {
        '@type': 'Article',
        author: [
          { '@type': 'Person', name: 'A. One' },
          { '@type': 'Person', name: 'B. Two' },
        ],
        datePublished: '2024-03-01',
      },
    ]),
    byline: 'A. One, B. Two',
    authors: ['A. One', 'B. Two'],
    published: '2024-03-01',
    sources: { byline: 'json-ld', publishedTime: 'json-ld' },
  },
  {
    name: 'JSON-LD with several articles picks the one about this URL',
    head: ld([
      {
        '@type': 'NewsArticle',
        url: 'https://paper.example/news/other',
        author: 'Wrong Person',
        datePublished: '2020-01-01',
      },
      {
        '@type': 'NewsArticle',
        url: 'https://paper.example/news/story',
        author: 'Right Person',
        datePublished: '2024-04-04',
      },
    ]),
    byline: 'Right Person',
    published: '2024-04-04',
    sources: { byline: 'json-ld', publishedTime: 'json-ld' },
  },
  {
    name: 'malformed JSON-LD (trailing comma) is repaired',
    head: '<script type="application/ld+json">{"@type":"Article","author":{"name":"Trail Comma"},"datePublished":"2024-05-05",}</script>',
    byline: 'Trail Comma',
    sources: { byline: 'json-ld', publishedTime: 'json-ld' },
  },
  {
    name: 'OpenGraph article:* tags',
    head: '<meta property="article:author" content="Camille Rousseau"><meta property="article:published_time" content="2024-06-01T08:00:00Z"><meta property="article:modified_time" content="2024-06-02T09:00:00Z">',
    byline: 'Camille Rousseau',
    published: '2024-06-01T08:00:00Z',
    modified: '2024-06-02T09:00:00Z',
    sources: {
      byline: 'article-meta',
      publishedTime: 'article-meta',
      modifiedTime: 'article-meta',
    },
  },
  {
    name: 'Dublin Core',
    head: '<meta name="DC.creator" content="Dee Core"><meta name="DC.date.issued" content="2023-11-30">',
    byline: 'Dee Core',
    published: '2023-11-30',
    sources: { byline: 'dublin-core', publishedTime: 'dublin-core' },
  },
  {
    name: 'citation_* with several authors',
    head: '<meta name="citation_author" content="Ann Smith"><meta name="citation_author" content="Bob Jones"><meta name="citation_publication_date" content="2022/07/15">',
    authors: ['Ann Smith', 'Bob Jones'],
    published: '2022-07-15',
    sources: { byline: 'citation', publishedTime: 'citation' },
  },
  {
    name: 'Parse.ly',
    head: '<meta name="parsely-author" content="Pars Ley"><meta name="parsely-pub-date" content="2021-01-02T03:04:05Z">',
    byline: 'Pars Ley',
    sources: { byline: 'parsely', publishedTime: 'parsely' },
  },
  {
    name: 'Sailthru',
    head: '<meta name="sailthru.author" content="Sail Thru"><meta name="sailthru.date" content="2020-02-02 10:00:00">',
    byline: 'Sail Thru',
    published: '2020-02-02T10:00:00',
    sources: { byline: 'sailthru', publishedTime: 'sailthru' },
  },
  {
    name: 'microdata author inside a link to the author page',
    body: '<div><a href="/by/mia"><span itemprop="author" itemscope><span itemprop="name">Mia Data</span></span></a><span itemprop="datePublished" content="2019-09-09">9 Sep</span></div>',
    byline: 'Mia Data',
    published: '2019-09-09',
    sources: { byline: 'microdata', publishedTime: 'microdata' },
  },
  {
    name: 'visible French byline and date',
    body: '<p>Par Jeanne Martin</p><p>Publié le 18 juin 2024 à 20h17</p>',
    byline: 'Jeanne Martin',
    published: '2024-06-18T20:17',
    sources: { byline: 'visible-text', publishedTime: 'visible-text' },
  },
  {
    name: 'visible German date with Veröffentlicht am',
    body: '<p>Von Max Muster</p><p>Veröffentlicht am 3. März 2024</p>',
    byline: 'Max Muster',
    published: '2024-03-03',
    sources: { byline: 'visible-text', publishedTime: 'visible-text' },
  },
  {
    name: 'visible "Publish date :" with seconds keeps local time',
    body: '<p>Author : News Desk</p><p>Publish date : 2024-06-18 20:17:30</p>',
    byline: 'News Desk',
    published: '2024-06-18T20:17:30',
    sources: { byline: 'visible-text', publishedTime: 'visible-text' },
  },
  {
    name: 'JSON-LD beats meta tags, which beat visible text',
    head: `${ld({ '@type': 'NewsArticle', author: 'From Ld', datePublished: '2024-01-01' })}<meta name="author" content="From Meta">`,
    body: '<p>By From Text</p>',
    byline: 'From Ld',
    sources: { byline: 'json-ld', publishedTime: 'json-ld' },
  },
];

describe.each(CASES)('metadata source: $name', (c) => {
  const snapshot = extract(c.head ?? '', c.body ?? '');
  it('finds the value and records its source', () => {
    if (c.byline !== undefined) expect(snapshot.byline).toBe(c.byline);
    if (c.authors) expect(snapshot.authors).toEqual(c.authors);
    if (c.published !== undefined) expect(snapshot.publishedTime).toBe(c.published);
    if (c.modified !== undefined) expect(snapshot.modifiedTime).toBe(c.modified);
    expect(snapshot.fieldSources).toMatchObject(c.sources);
  });
});

describe('regressions', () => {
  it('ignores a <time> inside a link to another story', () => {
    const s = extract(
      '',
      '<ul><li><a href="/old"><time datetime="2001-01-01">old</time></a></li></ul>',
    );
    expect(s.publishedTime).toBeNull();
  });
  it('keeps publishedTime and modifiedTime apart', () => {
    const s = extract('', '<p>Published 3 March 2024</p><p>Updated 5 March 2024</p>');
    expect([s.publishedTime, s.modifiedTime]).toEqual(['2024-03-03', '2024-03-05']);
  });
  it('takes the change date from metadata only when the metadata dates the page', () => {
    const updatedLine = '<p>Published 3 March 2024</p><p>Updated 5 March 2024</p>';
    const declared = extract(
      `<meta property="article:published_time" content="2024-03-03">`,
      updatedLine,
    );
    expect([declared.publishedTime, declared.modifiedTime]).toEqual(['2024-03-03', null]);
    const both = extract(
      `<meta property="article:published_time" content="2024-03-03"><meta property="article:modified_time" content="2024-03-06">`,
      updatedLine,
    );
    expect(both.modifiedTime).toBe('2024-03-06');
    expect(both.fieldSources.modifiedTime).toBe('article-meta');
  });
  it('splits "A and B" into two authors, the byline kept as the page wrote it', () => {
    const s = extract('<meta name="author" content="By Jane Doe and John Roe">');
    expect(s.authors).toEqual(['Jane Doe', 'John Roe']);
    expect(s.byline).toBe('Jane Doe and John Roe');
  });
  it('drops a job title after the name', () => {
    const s = extract('<meta name="author" content="Jane Doe, Senior Reporter">');
    expect(s.byline).toBe('Jane Doe');
  });
  it('does not take a weekday for an author', () => {
    const s = extract('<meta name="author" content="Sunday">');
    expect(s.byline).toBeNull();
  });
  it('rejects a relative date without a stated year', () => {
    const s = extract('', '<p>Published 2 hours ago</p>');
    expect(s.publishedTime).toBeNull();
  });
});
