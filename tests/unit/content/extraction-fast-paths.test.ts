// Table-driven: the shortcuts that keep extraction fast give the answers the long way gives.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isPageFurniture } from '../../../src/shared/article-html/furniture.ts';
import { isOffArticle, offArticleInLinks } from '../../../src/content/extract/regions.ts';
import { parseTextDate } from '../../../src/content/extract/text-dates.ts';

const page = (html: string) =>
  new JSDOM(`<body>${html}</body>`, { url: 'https://paper.example/news/story' }).window.document;

describe('parseTextDate skips parsers that cannot find a full date', () => {
  it.each([
    ['an English date on an English page', 'Published June 18, 2024', 'en', '2024-06-18'],
    [
      'a French month on an English page still reaches the French parser',
      'Publié le 18 juin 2024',
      'en',
      '2024-06-18',
    ],
    ['a German month on a page without a language', '18. März 2024', null, '2024-03-18'],
    ['a numeric date reaches every parser', '18.06.2024', 'de', '2024-06-18'],
    ['a month and year name no day', 'in ACM Computing Surveys, March 2024', 'en', null],
    ['a year alone', 'Copyright 2024 Example', 'en', null],
  ])('%s', (_name, text, lang, expected) => {
    expect(parseTextDate(text, lang)).toBe(expected);
    // The second reading comes from the memo and must not differ.
    expect(parseTextDate(text, lang)).toBe(expected);
  });
});

describe('isPageFurniture reads only as much text as it needs', () => {
  it.each([
    ['a short unmarked share line', '<p>Share this article</p>', true],
    [
      'a long unmarked paragraph',
      `<p>${'Share this article with the council. '.repeat(20)}</p>`,
      false,
    ],
    [
      'a short share bar by its class',
      '<div class="share-bar"><a href="#">Facebook</a></div>',
      true,
    ],
    [
      'a long marked block that is mostly prose',
      `<div class="share-note">${'Prose about the harbour works. '.repeat(100)}</div>`,
      false,
    ],
  ])('%s', (_name, html, expected) => {
    expect(isPageFurniture(page(html).body.firstElementChild as Element)).toBe(expected);
  });
});

describe('offArticleInLinks remembers ancestors and agrees with isOffArticle', () => {
  it('gives the same verdict for every element of a page, in any order', () => {
    const doc = page(
      '<nav><a id="a">Home</a></nav><div class="sidebar"><p id="b">By X</p></div><main><div class="share"><span id="c">Share</span></div><a href="/x"><span id="d">Other story</span></a><p id="e">Text</p></main><footer><p id="f">Footer</p></footer><article><footer><p id="g">By Y</p></footer></article>',
    );
    const all = Array.from(doc.body.querySelectorAll('*'));
    const remembered = offArticleInLinks();
    for (const el of [...all].reverse()) {
      expect(remembered(el), el.outerHTML).toBe(isOffArticle(el, null, true));
    }
  });
});
