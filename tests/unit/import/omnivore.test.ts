// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseOmnivoreHighlights } from '../../../src/import/formats/omnivore-highlights.ts';
import { parseImport } from '../../../src/import/index.ts';
import { item, itemsOf, zipOf } from './helpers.ts';

/** As Omnivore's exporter wrote metadata_<from>_to_<to>.json (JSON.stringify of dates). */
const METADATA = [
  {
    id: '1b1c0f0e-0000-4000-8000-000000000001',
    slug: 'the-long-read-18c5',
    title: 'The <em>long</em> read',
    description: 'What it is about',
    author: 'Jane Doe',
    url: 'https://news.example/long-read',
    state: 'Archived',
    readingProgress: 100,
    thumbnail: 'https://img.example/lead.jpg',
    labels: ['Politics', 'politics', 'Newsletter'],
    savedAt: '2024-03-01T09:30:00.000Z',
    updatedAt: '2024-03-02T09:30:00.000Z',
    publishedAt: '2024-02-28T00:00:00.000Z',
  },
  {
    id: '1b1c0f0e-0000-4000-8000-000000000002',
    slug: 'no-content-yet-9a1b',
    title: 'Not fetched',
    description: null,
    author: null,
    url: 'https://news.example/pending',
    state: 'Active',
    readingProgress: 0,
    thumbnail: null,
    labels: [],
    savedAt: '2024-03-03T10:00:00.000Z',
    updatedAt: '2024-03-03T10:00:00.000Z',
    publishedAt: null,
  },
];

const HIGHLIGHTS_MD = [
  '> A first quote ',
  '',
  '#important #ai',
  '',
  'My note on it',
  '',
  '> A quote over',
  '> ',
  'two paragraphs ',
].join('\n');

describe('Omnivore ZIP', () => {
  it('reads metadata, keeps the saved content as the body and the highlights with notes', async () => {
    const bytes = zipOf({
      'metadata_0_to_2.json': JSON.stringify(METADATA, null, 2),
      'content/the-long-read-18c5.html': '<div><p>Body <script>alert(1)</script></p></div>',
      'highlights/the-long-read-18c5.md': HIGHLIGHTS_MD,
      'highlights/deleted-item.md': '> lost',
      'content/a-pdf.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    });
    const parse = await parseImport(bytes);
    expect(parse.format).toBe('omnivore-zip');
    expect(itemsOf(parse)).toEqual([
      item({
        origin: 'metadata_0_to_2.json, entry 1',
        url: 'https://news.example/long-read',
        title: 'The long read',
        savedAt: '2024-03-01T09:30:00.000Z',
        tags: ['Politics', 'Newsletter'],
        archived: true,
        byline: 'Jane Doe',
        publishedTime: '2024-02-28T00:00:00.000Z',
        excerpt: 'What it is about',
        leadImageUrl: 'https://img.example/lead.jpg',
        // Untrusted HTML is passed on untouched: the writer sanitises it.
        contentHtml: '<div><p>Body <script>alert(1)</script></p></div>',
        highlights: [
          { quote: 'A first quote', note: 'My note on it', created: null },
          { quote: 'A quote over\n\ntwo paragraphs', note: '', created: null },
        ],
      }),
      item({
        origin: 'metadata_0_to_2.json, entry 2',
        url: 'https://news.example/pending',
        title: 'Not fetched',
        savedAt: '2024-03-03T10:00:00.000Z',
      }),
    ]);
    expect(parse.skipped).toEqual([
      {
        origin: 'highlights/deleted-item.md',
        code: 'orphan-highlights',
        detail: 'no metadata entry with this slug: "lost"',
      },
    ]);
  });

  it('reads the metadata files in export order and reports entries of the wrong shape', async () => {
    const entry = (n: number) => ({ slug: `s${n}`, title: `T${n}`, url: `https://n.example/${n}` });
    const bytes = zipOf({
      'metadata_20_to_21.json': JSON.stringify([entry(20)]),
      'metadata_0_to_2.json': JSON.stringify([entry(0), { slug: 's1', url: 42 }]),
      'metadata_100_to_101.json': JSON.stringify([entry(100)]),
    });
    const parse = await parseImport(bytes);
    expect(itemsOf(parse).map(({ title }) => title)).toEqual(['T0', 'T20', 'T100']);
    expect(parse.skipped).toEqual([
      {
        origin: 'metadata_0_to_2.json, entry 2',
        code: 'invalid-entry',
        detail: expect.stringMatching(/^url: /) as unknown as string,
      },
    ]);
  });
});

describe('Omnivore highlights Markdown', () => {
  it.each([
    ['a bare quote', '> Just this ', [{ quote: 'Just this', note: '' }], ''],
    [
      'labels are not notes; later text is',
      '> Q\n\n#tag #other\n\nnote',
      [{ quote: 'Q', note: 'note' }],
      '',
    ],
    [
      'a note that starts with #',
      '> Q\n\n#1 priority, really',
      [{ quote: 'Q', note: '#1 priority, really' }],
      '',
    ],
    [
      'a note before any quote is the article’s',
      'On the whole piece\n\n\n\n> Q',
      [{ quote: 'Q', note: '' }],
      'On the whole piece',
    ],
    [
      'CRLF line ends',
      '> One\r\n\r\n> Two\r\n\r\nNote two',
      [
        { quote: 'One', note: '' },
        { quote: 'Two', note: 'Note two' },
      ],
      '',
    ],
    ['an empty file', '', [], ''],
  ])('%s', (_, markdown, highlights, articleNote) => {
    const parsed = parseOmnivoreHighlights(markdown);
    expect(parsed.highlights).toEqual(highlights.map((h) => ({ ...h, created: null })));
    expect(parsed.articleNote).toBe(articleNote);
  });
});
