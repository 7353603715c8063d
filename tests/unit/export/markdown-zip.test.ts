// @vitest-environment jsdom
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { markdownZipFormat } from '../../../src/export/markdown-zip.ts';
import type { ExportContext } from '../../../src/export/types.ts';
import type { ExportedArticle } from '../../../src/shared/export-format.ts';
import {
  asAsync,
  collectBytes,
  HOSTILE_TITLE,
  makeAnnotation,
  makeArticle,
  sampleArticles,
} from './fixtures.ts';

const now = new Date('2026-11-27T11:00:00.000Z');
const PLAIN_FILE = 'café-société-the-story-3f2a9c1e.md';
const HOSTILE_FILE = 'hyperlink-http-evil-example-x-a-script-alert-1-script-q-s-a1b2c3d4.md';

function fileIn(files: Record<string, string>, name: string): string {
  const text = files[name];
  if (text === undefined) throw new Error(`${name} is not in the archive`);
  return text;
}

async function unzipped(
  articles: ExportedArticle[] = sampleArticles(),
  context: ExportContext = { now },
): Promise<Record<string, string>> {
  const files = unzipSync(await collectBytes(markdownZipFormat.write(asAsync(articles), context)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The front matter's values, read back (its scalars use only escapes JSON shares). */
function frontMatterOf(markdown: string): Record<string, string | string[]> {
  const block = /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? '';
  const fields: Record<string, string | string[]> = {};
  let listKey = '';
  for (const line of block.split('\n')) {
    const item = /^ {2}- (".*")$/.exec(line)?.[1];
    const list = fields[listKey];
    if (item !== undefined && Array.isArray(list)) {
      list.push(JSON.parse(item) as string);
      continue;
    }
    const [, key = '', value] = /^([a-z_]+):(?: (".*"))?$/.exec(line) ?? [];
    expect(key, `front matter line ${line}`).not.toBe('');
    if (value === undefined) fields[(listKey = key)] = [];
    else fields[key] = JSON.parse(value) as string;
  }
  return fields;
}

describe('Markdown ZIP writer', () => {
  it('holds one Markdown file per article and an index', async () => {
    const files = await unzipped();
    expect(Object.keys(files).sort()).toEqual([PLAIN_FILE, HOSTILE_FILE, 'index.md']);
  });

  it('writes the metadata as front matter that reads back exactly, hostile title included', async () => {
    const files = await unzipped();
    expect(frontMatterOf(fileIn(files, PLAIN_FILE))).toEqual({
      title: 'Café société: the 🌍 story',
      url: 'https://news.example/2024/06/story',
      canonical_url: 'https://news.example/2024/06/story',
      authors: ['Jane Doe'],
      site: 'News Example',
      published: '2024-06-18T20:17:30',
      saved: '2026-11-27T09:00:00.000Z',
      tags: ['news', 'long read'],
      lang: 'en',
      margins_id: '3f2a9c1e-7b4d-4e8a-9c0d-1a2b3c4d5e6f',
    });
    expect(frontMatterOf(fileIn(files, HOSTILE_FILE))).toMatchObject({
      title: HOSTILE_TITLE,
      url: 'https://hostile.example/a?b=1&c="2"',
      authors: ['+Mallory'],
      site: 'مثال الأخبار',
      tags: ['a,b', '-dash', 'pipe|tag'],
    });
  });

  it('converts the sanitised body to Markdown', async () => {
    const plain = fileIn(await unzipped(), PLAIN_FILE);
    expect(plain).toContain('\n# Café société: the 🌍 story\n');
    expect(plain).toContain('## Intro');
    expect(plain).toContain('The first **paragraph** with [a link](https://news.example/more).');
  });

  it('keeps scripts, frames and handlers out and shows literal markup as text', async () => {
    const hostile = fileIn(await unzipped(), HOSTILE_FILE);
    expect(hostile).toContain('مرحبا بالعالم');
    // The front matter holds the title as a quoted string; below it, nothing may be raw markup.
    const document = hostile.slice(hostile.indexOf('\n---\n') + 5);
    expect(document).not.toMatch(/<script|<iframe|onclick|steal\(\)|\]\(https:\/\/evil/);
    expect(hostile).toContain('&lt;b>literal&lt;/b> and \\*stars\\*');
    // The title's markup is text in the heading too.
    expect(hostile).toContain('# \\=HYPERLINK("http://evil.example","x") &lt;/A>&lt;script>');
  });

  it('lists highlights in reading order, each quote with its note, then the page note', async () => {
    const plain = fileIn(await unzipped(), PLAIN_FILE);
    const highlights = plain.slice(plain.indexOf('## Highlights'));
    expect(highlights).toBe(
      [
        '## Highlights',
        '',
        '> first paragraph',
        '',
        '> Second one.',
        '',
        'Why "second"?',
        '',
        '## Note',
        '',
        'Read again  ',
        'with care',
        '',
      ].join('\n'),
    );
  });

  it('lists a highlight known by its quote alone after those placed in the text', async () => {
    const [plain, ...rest] = sampleArticles();
    if (!plain) throw new Error('no sample article');
    const placed = plain.annotations;
    const quoteOnly = makeAnnotation(plain.id, 'Imported from Pocket', 0, '', {
      // The oldest of all: the order must come from the place in the text, not the date.
      created: '2020-01-01T00:00:00.000Z',
    });
    quoteOnly.target.selector = [
      { type: 'TextQuoteSelector', exact: 'Imported from Pocket', prefix: '', suffix: '' },
    ];
    const files = await unzipped([{ ...plain, annotations: [quoteOnly, ...placed] }, ...rest]);
    const markdown = fileIn(files, PLAIN_FILE);
    const quotes = [...markdown.matchAll(/^> (.*)$/gm)].map((match) => match[1]);
    expect(quotes).toEqual(['first paragraph', 'Second one.', 'Imported from Pocket']);
  });

  it('escapes notes so they stay text, not headings, lists or markup', async () => {
    const hostile = fileIn(await unzipped(), HOSTILE_FILE);
    expect(hostile).toContain(
      '> &lt;b>literal&lt;/b>\n\n\\# not a heading  \n\\- nor a list\n\n&lt;/A>\n\n## Note\n\n@SUM(A1:A9)\n',
    );
  });

  it('uses the headings the caller passes, in its language', async () => {
    const files = await unzipped(sampleArticles(), {
      now,
      labels: { highlights: 'Surlignages', pageNote: 'Remarque', index: 'Bibliothèque' },
    });
    const plain = fileIn(files, PLAIN_FILE);
    expect(plain).toContain('## Surlignages');
    expect(plain).toContain('## Remarque');
    expect(fileIn(files, 'index.md').startsWith('# Bibliothèque\n')).toBe(true);
  });

  it('links every article from the index', async () => {
    const index = fileIn(await unzipped(), 'index.md');
    expect(index).toContain(`- [Café société: the 🌍 story](${encodeURIComponent(PLAIN_FILE)})`);
    expect(index).toContain(`](${HOSTILE_FILE})`);
  });

  it('writes a link without a body, and dates outside what ZIP can store', async () => {
    const files = await unzipped(
      [
        makeArticle({
          kind: 'link',
          contentHtml: '',
          title: 'Only a link',
          savedAt: '1970-01-01T00:00:00.000Z',
          updatedAt: '1970-01-01T00:00:00.000Z',
        }),
      ],
      { now: new Date(0) },
    );
    expect(files['only-a-link-3f2a9c1e.md']).toMatch(/---\n\n# Only a link\n$/);
  });

  it('heads an untitled article with its address and names it after the site', async () => {
    const files = await unzipped([makeArticle({ title: '  ' })]);
    expect(fileIn(files, 'news-example-3f2a9c1e.md')).toContain(
      '\n# https://news.example/2024/06/story\n',
    );
  });
});
