// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { bookmarksHtmlFormat } from '../../../src/export/bookmarks-html.ts';
import { asAsync, collectText, HOSTILE_TITLE, sampleArticles } from './fixtures.ts';

const now = new Date('2026-11-27T11:00:00.000Z');

async function bookmarkDocument(labels?: { bookmarks: string; bookmarksFolder: string }) {
  const text = await collectText(
    bookmarksHtmlFormat.write(asAsync(sampleArticles()), { now, labels }),
  );
  return { text, document: new DOMParser().parseFromString(text, 'text/html') };
}

describe('Netscape bookmark writer', () => {
  it('writes a Netscape bookmark file with one link per article', async () => {
    const { text, document } = await bookmarkDocument();
    expect(text.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>\n')).toBe(true);
    expect(document.querySelector('h3')?.textContent).toBe('Margins');
    const links = [...document.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://news.example/2024/06/story',
      'https://hostile.example/a?b=1&c="2"',
    ]);
    expect(links[0]?.getAttribute('add_date')).toBe(
      String(Date.parse('2026-11-27T09:00:00.000Z') / 1000),
    );
    expect(links[0]?.getAttribute('tags')).toBe('news,long read');
  });

  it('escapes every title, address, tag and note so none becomes markup', async () => {
    const { text, document } = await bookmarkDocument();
    expect(document.querySelectorAll('script, iframe')).toHaveLength(0);
    const hostile = document.querySelectorAll('a')[1];
    expect(hostile?.textContent).toBe(HOSTILE_TITLE);
    expect(hostile?.getAttribute('tags')).toBe('a b,-dash,pipe|tag');
    // One bookmark per line, whatever its note holds.
    expect(text.split('\n').filter((line) => line.includes('<DT><A'))).toHaveLength(2);
    expect(document.querySelectorAll('dd')[0]?.textContent?.trim()).toBe('Read again\nwith care');
  });

  it('takes the title and folder name from the caller', async () => {
    const { document } = await bookmarkDocument({
      bookmarks: 'Signets',
      bookmarksFolder: 'Marges',
    });
    expect(document.title).toBe('Signets');
    expect(document.querySelector('h3')?.textContent).toBe('Marges');
  });
});
