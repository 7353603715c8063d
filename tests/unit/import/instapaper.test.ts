// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { item, itemsOf, parseText } from './helpers.ts';

describe('Instapaper CSV', () => {
  it('reads the old export (URL,Title,Selection,Folder)', async () => {
    const parse = await parseText(
      [
        'URL,Title,Selection,Folder',
        'https://news.example/a,First,Selected when saving,Unread',
        'https://news.example/b,Second,,Archive',
        'https://news.example/c,Third,,Recipes',
      ].join('\r\n'),
    );
    expect(parse.format).toBe('instapaper-csv');
    expect(itemsOf(parse)).toEqual([
      item({
        origin: 'line 2',
        url: 'https://news.example/a',
        title: 'First',
        excerpt: 'Selected when saving',
        // The selection is the passage the user marked: a highlight known by its quote.
        highlights: [{ quote: 'Selected when saving', note: '', created: null }],
      }),
      item({ origin: 'line 3', url: 'https://news.example/b', title: 'Second', archived: true }),
      item({ origin: 'line 4', url: 'https://news.example/c', title: 'Third', tags: ['Recipes'] }),
    ]);
  });

  it('reads the new export with Timestamp and a JSON array of Tags', async () => {
    const parse = await parseText(
      [
        'URL,Title,Selection,Folder,Timestamp,Tags',
        'https://news.example/a,First,,Starred,1700000000,"[""news"",""Long reads"",""NEWS""]"',
        'https://news.example/b,Second,,Archive,1700000100,[]',
        'https://news.example/c,Third,,Unread,1700000200,"plain, list"',
      ].join('\n'),
    );
    expect(itemsOf(parse)).toEqual([
      item({
        origin: 'line 2',
        url: 'https://news.example/a',
        title: 'First',
        savedAt: '2023-11-14T22:13:20.000Z',
        tags: ['Starred', 'news', 'Long reads'],
      }),
      item({
        origin: 'line 3',
        url: 'https://news.example/b',
        title: 'Second',
        savedAt: '2023-11-14T22:15:00.000Z',
        archived: true,
      }),
      item({
        origin: 'line 4',
        url: 'https://news.example/c',
        title: 'Third',
        savedAt: '2023-11-14T22:16:40.000Z',
        tags: ['plain', 'list'],
      }),
    ]);
    expect(parse.warnings).toEqual([]);
  });
});
