// The page shapes that made extraction throw, and what a page whose extraction partly or wholly
// fails is still saved with: every snapshot here must pass the schema the background checks.
import { JSDOM } from 'jsdom';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/content/extract/index.ts';
import { fitToSchema } from '../../../src/content/extract/fit.ts';
import { messageOf } from '../../../src/content/extract/failures.ts';
import {
  ArticleSnapshotSchema,
  MAX_AUTHORS,
  MAX_SHORT_TEXT,
  type ArticleSnapshot,
} from '../../../src/shared/article.ts';
import { buildPageDom } from '../../../scripts/lib/page-dom.ts';

const URL_ = 'https://paper.example/news/2024/harbour-works';
const STORY = `<p>${'The council met on Tuesday to discuss the harbour works and the new timetable. '.repeat(8)}</p>`;

const dom = (html: string) => new JSDOM(html, { url: URL_ });

function page(head: string, article = '', htmlAttrs = 'lang="en"'): Document {
  return dom(
    `<html ${htmlAttrs}><head><title>Harbour works resume</title>${head}</head><body>` +
      `<article><h1>Harbour works resume</h1>${article}${STORY}</article></body></html>`,
  ).window.document;
}

/** Extracts `doc`, checking the snapshot would be accepted by the background. */
function saved(doc: Document): ArticleSnapshot {
  const snapshot = extractArticle(doc);
  const parsed = v.safeParse(ArticleSnapshotSchema, snapshot);
  expect(parsed.issues?.[0]?.message ?? null).toBeNull();
  return snapshot;
}

const ld = (value: unknown): string =>
  `<script type="application/ld+json">${typeof value === 'string' ? value : JSON.stringify(value)}</script>`;

describe('namespaced element names', () => {
  it.each([
    [
      'Dublin Core and OpenGraph written as elements',
      '<dc:creator>Ada Lindqvist</dc:creator><og:title>Other</og:title>',
    ],
    [
      'a prefix declared with xmlns',
      '<fb:like xmlns:fb="http://ogp.me/ns/fb#" href="/x"></fb:like>',
    ],
    ['a name the DOM refuses to create', '<p*bs:newslist>Latest</p*bs:newslist>'],
    ['two colons', '<a:b:c>inner</a:b:c>'],
    ['a name that starts with a digit after the prefix', '<x:1tag>t</x:1tag>'],
  ])('keeps the article: %s', (_shape, markup) => {
    const snapshot = saved(
      page('', markup, 'lang="en" xmlns:og="http://ogp.me/ns#" xmlns:dc="http://purl.org/dc/"'),
    );
    expect(snapshot.kind).toBe('article');
    expect(snapshot.title).toBe('Harbour works resume');
    expect(snapshot.textContent).toContain('The council met on Tuesday');
    expect(snapshot.extractionFailures).toEqual([]);
  });

  it('reads the author out of a microdata block whose nested name sits in a prefixed element', () => {
    const snapshot = saved(
      page('', '<div itemprop="author"><dc:name itemprop="name">Ada Lindqvist</dc:name></div>'),
    );
    expect(snapshot.byline).toBe('Ada Lindqvist');
  });
});

describe('odd attribute values', () => {
  const odd = ['"]', "']", '\\', 'a\nb', '[x]', 'a"b\'c', ':not(', '#', '\u0000'];

  it.each(odd)('extracts a page whose attributes hold %j', (value) => {
    const attr = value.replace(/"/g, '&quot;');
    const markup =
      `<div class="${attr}" id="${attr}" itemprop="${attr}" role="${attr}">` +
      `<span itemprop="author" itemscope><span itemprop="${attr} name">Ada Lindqvist</span></span>` +
      `<a rel="author ${attr}" href="${attr}">${attr}</a>` +
      `<time datetime="${attr}">${attr}</time></div>`;
    const head = `<meta property="${attr}" content="${attr}"><link rel="canonical" href="${attr}">`;
    const snapshot = saved(page(head, markup));
    expect(snapshot.kind).toBe('article');
    expect(snapshot.byline).toBe('Ada Lindqvist');
    expect(snapshot.extractionFailures).toEqual([]);
  });
});

describe('broken JSON-LD', () => {
  const metaAuthor = '<meta name="author" content="Ada Lindqvist">';

  it.each([
    ['truncated', '{"@type": "NewsArticle", "headline": "Harb'],
    ['not JSON at all', 'window.dataLayer = [];'],
    ['empty', ''],
    ['a bare string', '"NewsArticle"'],
    ['null', 'null'],
  ])('falls back to the other sources when the block is %s', (_shape, block) => {
    const snapshot = saved(page(ld(block) + metaAuthor));
    expect(snapshot.byline).toBe('Ada Lindqvist');
    expect(snapshot.fieldSources.byline).toBe('meta');
    expect(snapshot.extractionFailures).toEqual([]);
  });

  it('ignores values of the wrong type', () => {
    const snapshot = saved(
      page(
        ld({
          '@type': ['NewsArticle', 7, null],
          headline: 42,
          author: true,
          datePublished: { year: 2024 },
          dateModified: [null],
          publisher: 3.5,
          image: false,
          inLanguage: ['en', 1],
          '@graph': 'not a graph',
          mainEntity: 12,
        }) + metaAuthor,
      ),
    );
    expect(snapshot.byline).toBe('Ada Lindqvist');
    expect(snapshot.publishedTime).toBeNull();
    expect(snapshot.extractionFailures).toEqual([]);
  });

  it('reads arrays where objects are expected', () => {
    const snapshot = saved(
      page(
        ld([
          [
            {
              '@type': 'NewsArticle',
              author: [[{ '@type': 'Person', name: ['Ada Lindqvist'] }]],
              datePublished: ['2024-02-11'],
              publisher: [{ name: 'Harbour Gazette' }],
              image: [[{ url: 'https://paper.example/lead.jpg' }]],
            },
          ],
        ]),
      ),
    );
    expect(snapshot.byline).toBe('Ada Lindqvist');
    expect(snapshot.publishedTime).toBe('2024-02-11');
    expect(snapshot.siteName).toBe('Harbour Gazette');
    expect(snapshot.leadImageUrl).toBe('https://paper.example/lead.jpg');
  });

  it('stops at references that form a cycle in @graph', () => {
    const snapshot = saved(
      page(
        ld({
          '@graph': [
            {
              '@type': 'NewsArticle',
              '@id': '#article',
              author: { '@id': '#a' },
              publisher: { '@id': '#p' },
              image: { '@id': '#img' },
              mainEntityOfPage: { '@id': '#article' },
              datePublished: '2024-02-11',
            },
            { '@id': '#a', '@type': 'Person', name: { '@id': '#a' } },
            { '@id': '#p', '@type': 'Organization', name: { '@id': '#q' } },
            { '@id': '#q', '@type': 'Organization', name: { '@id': '#p' } },
            { '@id': '#img', '@type': 'ImageObject', url: { '@id': '#img' } },
          ],
        }) + metaAuthor,
      ),
    );
    expect(snapshot.publishedTime).toBe('2024-02-11');
    expect(snapshot.byline).toBe('Ada Lindqvist');
    expect(snapshot.extractionFailures).toEqual([]);
  });
});

describe('a <base href> that does not parse', () => {
  it.each(['https://[bad', 'http://exa mple.com/', 'https://:80', '//'])(
    'resolves links against the page address instead: %j',
    (href) => {
      const snapshot = saved(
        page(
          `<base href="${href}"><meta property="og:image" content="/lead.jpg">`,
          `<p>${'Works on the quay went on all week, as the council had planned. '.repeat(4)}` +
            `<a href="/related">the earlier report</a></p>`,
        ),
      );
      expect(snapshot.kind).toBe('article');
      expect(snapshot.leadImageUrl).toBe('https://paper.example/lead.jpg');
      expect(snapshot.contentHtml).toContain('https://paper.example/related');
      expect(snapshot.extractionFailures).toEqual([]);
    },
  );
});

describe('documents missing a part', () => {
  it('extracts a document without <head>, named by its headline', () => {
    const doc = page('<meta name="author" content="Ada Lindqvist">');
    doc.head.remove();
    const snapshot = saved(doc);
    expect(snapshot.kind).toBe('article');
    expect(snapshot.title).toBe('Harbour works resume');
    expect(snapshot.fieldSources.title).toBe('visible-text');
    expect(snapshot.extractionFailures).toEqual([]);
  });

  it('keeps the metadata of a document without <body>', () => {
    const doc = page('<meta name="author" content="Ada Lindqvist">');
    doc.body.remove();
    const snapshot = saved(doc);
    expect(snapshot).toMatchObject({ kind: 'link', title: 'Harbour works resume' });
    expect(snapshot.byline).toBe('Ada Lindqvist');
  });

  it('keeps a frameset page as a link', () => {
    const doc = dom(
      '<html><head><title>Framed</title></head><frameset><frame src="/a"></frameset></html>',
    ).window.document;
    expect(saved(doc)).toMatchObject({ kind: 'link', title: 'Framed' });
  });

  it('saves an XHTML document with neither, under its address', () => {
    const doc = new JSDOM('', { url: URL_ }).window.document.implementation.createDocument(
      'http://www.w3.org/1999/xhtml',
      'html',
      null,
    );
    const snapshot = extractArticle(doc);
    expect(snapshot.kind).toBe('link');
    expect(snapshot.contentHtml).toBe('');
  });
});

describe('a step that throws', () => {
  /** Makes `el.getAttribute` throw, as a page's own DOM may through a hostile getter. */
  const breakAttributes = (el: Element) =>
    Object.defineProperty(el, 'getAttribute', {
      value: () => {
        throw new TypeError('page getter threw');
      },
    });

  it('costs only what its source would have found', () => {
    const doc = page('<meta name="author" content="Ada Lindqvist">', '<time>3 March 2024</time>');
    breakAttributes(doc.getElementsByTagName('time')[0] as Element);
    const snapshot = saved(doc);
    expect(snapshot.kind).toBe('article');
    expect(snapshot.byline).toBe('Ada Lindqvist');
    expect(snapshot.extractionFailures?.map((f) => f.step)).toContain('time-element');
    expect(snapshot.extractionFailures?.[0]?.error).toContain('page getter threw');
  });

  it('keeps the metadata when the body cannot be read', () => {
    const doc = page('<meta name="author" content="Ada Lindqvist">');
    Object.defineProperty(doc, 'implementation', {
      get: () => {
        throw new Error('no implementation');
      },
    });
    const snapshot = saved(doc);
    expect(snapshot).toMatchObject({ kind: 'link', byline: 'Ada Lindqvist', textContent: '' });
    expect(snapshot.title).toBe('Harbour works resume');
    expect(snapshot.extractionFailures).toEqual([
      { step: 'readability', error: 'Error: no implementation' },
    ]);
  });

  /** Makes the page walk, which everything else reads from, throw. */
  const breakWalker = (doc: Document) =>
    Object.defineProperty(doc, 'createTreeWalker', {
      value: () => {
        throw new Error('walker refused');
      },
    });

  it('keeps the page as a link with its title when extraction fails as a whole', () => {
    const doc = page('<meta name="author" content="Ada Lindqvist">');
    breakWalker(doc);
    const snapshot = saved(doc);
    expect(snapshot).toMatchObject({
      kind: 'link',
      url: URL_,
      title: 'Harbour works resume',
      siteName: 'paper.example',
      contentHtml: '',
      fieldSources: { title: 'document-title', siteName: 'host' },
      extractionFailures: [{ step: 'whole-page', error: 'Error: walker refused' }],
    });
  });

  it('names the page by its address when it has no title either', () => {
    const doc = dom('<html><body><p>x</p></body></html>').window.document;
    breakWalker(doc);
    expect(saved(doc)).toMatchObject({ title: URL_, fieldSources: { title: 'url' } });
  });

  it('records a thrown value that cannot be turned into text', () => {
    const hostile = {
      [Symbol.toPrimitive]: () => {
        throw new Error('no');
      },
    };
    expect(messageOf(hostile)).toBe('unreadable error');
    expect(messageOf('x'.repeat(1_000))).toHaveLength(300);
  });
});

describe('fitToSchema', () => {
  it('cuts metadata to the bounds the background accepts', () => {
    const base = extractArticle(page(''));
    const fitted = fitToSchema({
      ...base,
      title: `${'a'.repeat(MAX_SHORT_TEXT - 1)}😀 and more`,
      byline: 'b'.repeat(MAX_SHORT_TEXT + 10),
      authors: Array.from({ length: MAX_AUTHORS + 50 }, (_, i) => `Author ${i} ${'x'.repeat(600)}`),
      excerpt: 'e'.repeat(MAX_SHORT_TEXT * 2),
      lang: `en-${'abcdefgh-'.repeat(10)}x1`,
      fieldSources: { ...base.fieldSources, lang: 'opengraph' },
    });
    expect(v.safeParse(ArticleSnapshotSchema, fitted).success).toBe(true);
    // Not cut inside the emoji's surrogate pair.
    expect(fitted.title).toBe('a'.repeat(MAX_SHORT_TEXT - 1));
    expect(fitted.authors).toHaveLength(MAX_AUTHORS);
    expect(fitted.lang).toBeNull();
    expect(fitted.fieldSources.lang).toBeUndefined();
  });

  it('saves a page whose <title> is longer than a title may be', () => {
    const long = `Harbour ${'works '.repeat(1_000)}`;
    const doc = dom(`<html><head><title>${long}</title></head><body>${STORY}</body></html>`).window
      .document;
    expect(saved(doc).title.length).toBeLessThanOrEqual(MAX_SHORT_TEXT);
  });
});

describe('the corpus harness', () => {
  it('builds a page whose stylesheet jsdom cannot parse, without the stylesheet', () => {
    const built = buildPageDom(
      `<html><head><title>T</title><style>.a { height: calc(~100% + 1px); }</style></head>` +
        `<body><article><h1>T</h1>${STORY}</article></body></html>`,
      URL_,
    );
    const snapshot = saved(built.window.document);
    expect(snapshot.textContent).toContain('The council met on Tuesday');
    built.window.close();
  });
});
