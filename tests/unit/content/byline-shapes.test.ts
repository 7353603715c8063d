// Byline shapes: the publication credited as author, catalogue-order names, dates and paths that are not names.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { splitAuthors } from '../../../src/content/extract/authors.ts';
import { cleanByline } from '../../../src/content/extract/byline.ts';
import { extractArticle } from '../../../src/content/extract/index.ts';

const PARAS =
  '<p>The harbour works resumed on Monday after a long pause for repairs and checks.</p>'.repeat(8);

function extract(head: string, body = '', articleTop = ''): ReturnType<typeof extractArticle> {
  const html = `<html lang="en"><head><title>Harbour works resume</title><meta property="og:site_name" content="Paper News">${head}</head><body>${body}<article><h1>Harbour works resume</h1>${articleTop}${PARAS}</article></body></html>`;
  return extractArticle(
    new JSDOM(html, { url: 'https://papernews.example/story' }).window.document,
  );
}

describe('cleanByline rejects values that are not names', () => {
  it.each([
    ['month name alone', 'January', null],
    ['day without year, ordinal', 'Dec 1st', null],
    ['ordinal day first', '1st March', null],
    ['site-relative profile path', '/@someone', null],
    ['plain name', 'Jane Doe', 'Jane Doe'],
  ])('%s', (_shape, input, expected) => {
    expect(cleanByline(input)).toBe(expected);
  });
});

describe('splitAuthors', () => {
  it.each([
    ['surname, given name', ['Gillman, Steve'], ['Steve Gillman']],
    ['two-word surname part stays as written', ['Jong, Michiel de'], ['Jong, Michiel de']],
    ['two full names', ['Jane Doe, John Roe'], ['Jane Doe', 'John Roe']],
  ])('%s', (_shape, input, expected) => {
    expect(splitAuthors(input)).toEqual(expected);
  });
});

describe('author picking', () => {
  it.each([
    [
      'publication as author, a person later',
      '<meta name="author" content="Paper News">',
      '<p class="byline">By Jane Doe</p>',
      'Jane Doe',
    ],
    [
      'publication staff as author, a person later',
      '<meta name="author" content="Paper News Staff">',
      '<p class="byline">By Jane Doe</p>',
      'Jane Doe',
    ],
    [
      'publication as author and no one else',
      '<meta name="author" content="Paper News">',
      '',
      'Paper News',
    ],
    [
      '"Posted on <date> by <name>" in author markup',
      '',
      '<div class="entry-meta">Posted on October 28, 2020 by <span class="author vcard"><a href="/a/x">apgoucher</a></span></div>',
      'apgoucher',
    ],
  ])('%s', (_shape, head, articleTop, expected) => {
    expect(extract(head, '', articleTop).byline).toBe(expected);
  });

  it('reads an author marked up inside an <aside> byline box', () => {
    const box =
      '<aside class="meta"><span itemprop="author" itemscope><span itemprop="name">Jane Roe</span></span></aside>';
    expect(extract('', '', box).byline).toBe('Jane Roe');
  });
});
