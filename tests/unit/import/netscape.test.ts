// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { importErrorOf, item, itemsOf, parseText } from './helpers.ts';

/** As Chrome and Firefox write it: unclosed <DT> and <p>, folders as <H3> before their <DL>. */
const BOOKMARKS = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file.
     It will be read and overwritten.
     DO NOT EDIT! -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1700000000" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
    <DL><p>
        <DT><A HREF="https://news.example/top" ADD_DATE="1700000000">On the bar</A>
        <DT><H3 ADD_DATE="1700000000">Reading</H3>
        <DL><p>
            <DT><A HREF="https://news.example/a" ADD_DATE="1700000100" TAGS="long,Reading">Article A</A>
            <DD>A description of A
            <DT><H3>Science</H3>
            <DL><p>
                <DT><A HREF="https://news.example/b" ADD_DATE="1700000200000">Article B</A>
            </DL><p>
        </DL><p>
    </DL><p>
    <DT><A HREF="javascript:alert(1)">A bookmarklet</A>
    <DT><A HREF="place:sort=8&maxResults=10">Recent tags</A>
    <DT><A HREF="https://news.example/c">Loose one</A>
</DL><p>
`;

describe('Netscape bookmark HTML', () => {
  it('reads bookmarks with their folders and TAGS as tags, skipping what is not a page', async () => {
    const parse = await parseText(BOOKMARKS);
    expect(parse.format).toBe('netscape-html');
    expect(itemsOf(parse)).toEqual([
      item({
        origin: 'bookmark 1',
        url: 'https://news.example/top',
        title: 'On the bar',
        savedAt: '2023-11-14T22:13:20.000Z',
      }),
      item({
        origin: 'bookmark 2',
        url: 'https://news.example/a',
        title: 'Article A',
        savedAt: '2023-11-14T22:15:00.000Z',
        tags: ['Reading', 'long'],
        excerpt: 'A description of A',
      }),
      item({
        origin: 'bookmark 3',
        url: 'https://news.example/b',
        title: 'Article B',
        // ADD_DATE in milliseconds, told apart from seconds by its size.
        savedAt: '2023-11-14T22:16:40.000Z',
        tags: ['Reading', 'Science'],
      }),
      item({ origin: 'bookmark 6', url: 'https://news.example/c', title: 'Loose one' }),
    ]);
    expect(parse.skipped.map(({ origin, code }) => [origin, code])).toEqual([
      ['bookmark 4', 'bookmarklet'],
      ['bookmark 5', 'bookmark-query'],
    ]);
  });

  it('merges a bookmark filed in two folders into one item with both folders as tags', async () => {
    const parse = await parseText(`<!DOCTYPE NETSCAPE-Bookmark-file-1>
<DL><p>
  <DT><H3>Work</H3>
  <DL><p><DT><A HREF="https://news.example/a">A</A></DL><p>
  <DT><H3>Home</H3>
  <DL><p><DT><A HREF="https://www.news.example/a#section">A again</A></DL><p>
</DL>`);
    expect(itemsOf(parse)).toEqual([
      item({
        origin: 'bookmark 1',
        url: 'https://news.example/a',
        title: 'A',
        tags: ['Work', 'Home'],
      }),
    ]);
    expect(parse.skipped).toEqual([
      { origin: 'bookmark 2', code: 'duplicate-url', detail: 'bookmark 1' },
    ]);
  });
});

/** What services write without the DOCTYPE line: lower-case tags, attributes in any order. */
const LOWER_CASE_NO_DOCTYPE = `<meta http-equiv="content-type" content="text/html; charset=utf-8">
<title>Bookmarks</title>
<h1>Bookmarks</h1>
<dl><p>
  <dt><a add_date="1700000000" href="https://news.example/a" tags="politics,long read">Article A</a>
  <dd>Read before Friday
  <dt><h3>World</h3>
  <dl><p>
    <dt><a href="https://news.example/b">Article B</a>
  </dl><p>
</dl><p>
`;

describe('bookmark files without the DOCTYPE line', () => {
  it.each([
    [
      'in upper case',
      LOWER_CASE_NO_DOCTYPE.replace(/<\/?[a-z0-9]+|\b[a-z_]+(?==)/g, (name) => name.toUpperCase()),
    ],
    ['in lower case', LOWER_CASE_NO_DOCTYPE],
    [
      'in lower case, with a lower-case DOCTYPE',
      `<!doctype netscape-bookmark-file-1>\n${LOWER_CASE_NO_DOCTYPE}`,
    ],
  ])('reads one %s', async (_, text) => {
    const parse = await parseText(text);
    expect(parse.format).toBe('netscape-html');
    expect(itemsOf(parse)).toEqual([
      item({
        origin: 'bookmark 1',
        url: 'https://news.example/a',
        title: 'Article A',
        savedAt: '2023-11-14T22:13:20.000Z',
        tags: ['politics', 'long read'],
        excerpt: 'Read before Friday',
      }),
      item({
        origin: 'bookmark 2',
        url: 'https://news.example/b',
        title: 'Article B',
        tags: ['World'],
      }),
    ]);
    expect(parse.skipped).toEqual([]);
  });
});

describe('folders', () => {
  it('tags a bookmark with every folder around it, and only those', async () => {
    const parse = await parseText(`<DL><p>
  <DT><H3>News</H3>
  <DL><p>
    <DT><H3>Europe</H3>
    <DL><p>
      <DT><H3>France</H3>
      <DD>Folder description, not a tag
      <DL><p>
        <DT><A HREF="https://news.example/paris">Paris</A>
      </DL><p>
      <DT><A HREF="https://news.example/brussels">Brussels</A>
    </DL><p>
    <DT><A HREF="https://news.example/world">World</A>
  </DL><p>
  <DT><A HREF="https://news.example/loose">Loose</A>
</DL><p>`);
    expect(itemsOf(parse).map(({ title, tags }) => [title, tags])).toEqual([
      ['Paris', ['News', 'Europe', 'France']],
      ['Brussels', ['News', 'Europe']],
      ['World', ['News']],
      ['Loose', []],
    ]);
  });
});

/**
 * Google Bookmarks wrote each label as a folder, a bookmark once in every label's list, and
 * ADD_DATE in microseconds; the bookmark's note follows it as a <DD>.
 */
const GOOGLE_BOOKMARKS = `<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p><DT><H3 ADD_DATE="1258826211990949">History</H3><DL><p><DT><A HREF="https://news.example/c-family" ADD_DATE="1260914469588170">The C family of languages</A><DD>For the talk<DT><A HREF="https://news.example/unix" ADD_DATE="1260914400000000">Unix at 40</A></DL><p><DT><H3 ADD_DATE="1238826211990949">Programming</H3><DL><p><DT><A HREF="https://news.example/c-family" ADD_DATE="1260914469588170">The C family of languages</A><DD>For the talk</DL><p></DL><p>`;

describe('Google Bookmarks', () => {
  it.each([
    ['without a DOCTYPE', GOOGLE_BOOKMARKS],
    ['with the DOCTYPE', `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n${GOOGLE_BOOKMARKS}`],
  ])('reads an export %s: one item per bookmark, its labels as tags', async (_, text) => {
    const parse = await parseText(text);
    expect(parse.format).toBe('netscape-html');
    expect(itemsOf(parse)).toEqual([
      item({
        origin: 'bookmark 1',
        url: 'https://news.example/c-family',
        title: 'The C family of languages',
        savedAt: '2009-12-15T22:01:09.588Z',
        tags: ['History', 'Programming'],
        excerpt: 'For the talk',
      }),
      item({
        origin: 'bookmark 2',
        url: 'https://news.example/unix',
        title: 'Unix at 40',
        savedAt: '2009-12-15T22:00:00.000Z',
        tags: ['History'],
      }),
    ]);
    expect(parse.skipped).toEqual([
      { origin: 'bookmark 3', code: 'duplicate-url', detail: 'bookmark 1' },
    ]);
  });
});

describe('links that are not pages', () => {
  it('skips bookmarklets, Firefox queries and relative links, each with its reason', async () => {
    const parse = await parseText(`<dl><p>
  <dt><a href="javascript:void(document.title)">Show title</a>
  <dt><a href="JavaScript:alert(1)">Upper-case bookmarklet</a>
  <dt><a href="place:type=6&amp;sort=14&amp;maxResults=10">Recent Tags</a>
  <dt><a href="/news/2024/a">Site-relative</a>
  <dt><a href="article.html">Page-relative</a>
  <dt><a href="//news.example/no-scheme">Scheme-relative</a>
  <dt><a href="file:///home/me/notes.html">A file</a>
  <dt><a>No address</a>
  <dt><a href="https://news.example/kept">Kept</a>
</dl><p>`);
    expect(itemsOf(parse).map(({ url }) => url)).toEqual(['https://news.example/kept']);
    expect(parse.skipped).toEqual([
      { origin: 'bookmark 1', code: 'bookmarklet', detail: '"javascript:void(document.title)"' },
      { origin: 'bookmark 2', code: 'bookmarklet', detail: '"JavaScript:alert(1)"' },
      {
        origin: 'bookmark 3',
        code: 'bookmark-query',
        detail: '"place:type=6&sort=14&maxResults=10"',
      },
      { origin: 'bookmark 4', code: 'relative-url', detail: '"/news/2024/a"' },
      { origin: 'bookmark 5', code: 'relative-url', detail: '"article.html"' },
      { origin: 'bookmark 6', code: 'relative-url', detail: '"//news.example/no-scheme"' },
      { origin: 'bookmark 7', code: 'invalid-url', detail: '"file:///home/me/notes.html"' },
      { origin: 'bookmark 8', code: 'missing-url', detail: '' },
    ]);
  });

  it('calls a bookmarklet longer than an address may be a bookmarklet', async () => {
    const code = `javascript:(function(){${'void 0;'.repeat(2_000)}})()`;
    const parse = await parseText(`<dl><dt><a href="${code}">Long bookmarklet</a></dl>`);
    expect(parse.skipped).toMatchObject([{ origin: 'bookmark 1', code: 'bookmarklet' }]);
  });
});

describe('HTML that is not a bookmark file', () => {
  it('refuses a web page full of links as a web page, importing nothing', async () => {
    const error = await importErrorOf(
      parseText(`<!DOCTYPE html>
<html lang="en"><head><title>Morning briefing</title></head>
<body><h1>Morning briefing</h1>
<ul><li><a href="https://news.example/a">A</a></li><li><a href="https://news.example/b">B</a></li></ul>
<dl><dt>Term</dt><dd>Its definition</dd></dl>
</body></html>`),
    );
    expect(error.code).toBe('html-without-bookmarks');
  });
});
