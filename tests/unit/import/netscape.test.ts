// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { item, itemsOf, parseText } from './helpers.ts';

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
  it('reads bookmarks with their folders and TAGS as tags, skipping non-web addresses', async () => {
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
      ['bookmark 4', 'invalid-url'],
      ['bookmark 5', 'invalid-url'],
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
