// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { item, itemsOf, parseText, zipOf } from './helpers.ts';
import { parseImport } from '../../../src/import/index.ts';

/** Pocket's 2025 CSV: header, a tagged unread page, an archived one, a title with a comma. */
const POCKET_CSV = [
  'title,url,time_added,cursor,tags,status',
  'The long read,https://news.example/long-read,1700000000,1,politics|Long Reads|politics,unread',
  '"Quoted, title",https://blog.example/post?id=2,1700000100,2,,archive',
  '',
].join('\n');

describe('Pocket CSV', () => {
  it('reads titles, addresses, Unix dates, pipe-separated tags and the status', async () => {
    const parse = await parseText(POCKET_CSV);
    expect(parse.format).toBe('pocket-csv');
    expect(itemsOf(parse)).toEqual([
      item({
        origin: 'line 2',
        url: 'https://news.example/long-read',
        title: 'The long read',
        savedAt: '2023-11-14T22:13:20.000Z',
        tags: ['politics', 'Long Reads'],
      }),
      item({
        origin: 'line 3',
        url: 'https://blog.example/post?id=2',
        title: 'Quoted, title',
        savedAt: '2023-11-14T22:15:00.000Z',
        archived: true,
      }),
    ]);
    expect(parse.skipped).toEqual([]);
    expect(parse.warnings).toEqual([]);
  });
});

describe('Pocket ZIP', () => {
  const annotations = JSON.stringify([
    {
      url: 'https://news.example/long-read',
      title: 'The long read',
      highlights: [
        { quote: 'First quote', created_at: 1700000500 },
        { quote: 'Second quote', created_at: 1700000600 },
      ],
    },
    {
      url: 'https://gone.example/deleted',
      title: 'Gone',
      highlights: [
        { quote: 'x', created_at: 1 },
        { quote: 'y', created_at: 2 },
      ],
    },
  ]);

  it('reads every part in order and attaches the highlights by address', async () => {
    const bytes = zipOf({
      'part_000000.csv': POCKET_CSV,
      'part_000001.csv':
        'title,url,time_added,cursor,tags,status\nLater,https://later.example/,1700000200,3,,unread\n',
      'annotations/part_000000.json': annotations,
    });
    const parse = await parseImport(bytes);
    expect(parse.format).toBe('pocket-zip');
    const items = itemsOf(parse);
    expect(items.map((entry) => entry.origin)).toEqual([
      'part_000000.csv, line 2',
      'part_000000.csv, line 3',
      'part_000001.csv, line 2',
    ]);
    expect(items[0]?.highlights).toEqual([
      { quote: 'First quote', note: '', created: '2023-11-14T22:21:40.000Z' },
      { quote: 'Second quote', note: '', created: '2023-11-14T22:23:20.000Z' },
    ]);
    // Each highlight left out is reported on its own, by its quote.
    expect(parse.skipped).toEqual([
      {
        origin: 'annotations/part_000000.json, entry 2',
        code: 'orphan-highlights',
        detail: '"https://gone.example/deleted": "x"',
      },
      {
        origin: 'annotations/part_000000.json, entry 2',
        code: 'orphan-highlights',
        detail: '"https://gone.example/deleted": "y"',
      },
    ]);
  });

  it('reads an export that was unpacked and zipped again under a folder', async () => {
    const bytes = zipOf({
      'pocket/part_000000.csv': POCKET_CSV,
      '__MACOSX/pocket/._part_000000.csv': 'junk',
    });
    expect(itemsOf(await parseImport(bytes))).toHaveLength(2);
  });

  it('keeps the items when an annotations file is broken, naming where it broke', async () => {
    const bytes = zipOf({
      'part_000000.csv': POCKET_CSV,
      'annotations/part_000000.json': '[{"url": "https://news.example/long-read", "highl',
      'annotations/part_000001.json': '{"not": "an array"}',
      'annotations/part_000002.json': '[{"url": 3, "highlights": []}]',
    });
    const parse = await parseImport(bytes);
    expect(itemsOf(parse)).toHaveLength(2);
    expect(parse.skipped).toEqual([
      {
        origin: 'annotations/part_000000.json, line 1, column 50',
        code: 'corrupt-entry',
        detail: 'json',
      },
      {
        origin: 'annotations/part_000001.json',
        code: 'invalid-entry',
        detail: '(root): expected an array',
      },
      {
        origin: 'annotations/part_000002.json, entry 1',
        code: 'invalid-entry',
        detail: expect.stringMatching(/^url: /) as unknown as string,
      },
    ]);
  });
});

describe('Pocket HTML (ril_export.html)', () => {
  const RIL_EXPORT = `<!DOCTYPE html>
<html>
  <!--So long and thanks for all the fish-->
  <head>
    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
    <title>Pocket Export</title>
  </head>
  <body>
    <h1>Unread</h1>
    <ul>
      <li><a href="https://news.example/a" time_added="1461339581" tags="tech,Science">Caf&eacute; &amp; tech</a></li>
    </ul>

    <h1>Read Archive</h1>
    <ul>
      <li><a href="https://news.example/b" time_added="1461339600" tags="">Read one</a></li>
    </ul>
  </body>
</html>`;

  it('reads the Unread and Read Archive lists', async () => {
    const parse = await parseText(RIL_EXPORT);
    expect(parse.format).toBe('pocket-html');
    expect(itemsOf(parse)).toEqual([
      item({
        origin: 'entry 1',
        url: 'https://news.example/a',
        title: 'Café & tech',
        savedAt: '2016-04-22T15:39:41.000Z',
        tags: ['tech', 'Science'],
      }),
      item({
        origin: 'entry 2',
        url: 'https://news.example/b',
        title: 'Read one',
        savedAt: '2016-04-22T15:40:00.000Z',
        archived: true,
      }),
    ]);
  });
});
