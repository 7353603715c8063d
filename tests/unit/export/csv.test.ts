import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvFormat, joinTags } from '../../../src/export/csv.ts';
import { asAsync, collectText, HOSTILE_TITLE, makeArticle, sampleArticles } from './fixtures.ts';

const now = new Date('2026-11-27T11:00:00.000Z');

async function csvText(articles = sampleArticles()): Promise<string> {
  return collectText(csvFormat.write(asAsync(articles), { now }));
}

function rowsOf(text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('CSV writer', () => {
  it('starts with a byte-order mark and the fixed header, rows ending in CRLF', async () => {
    const text = await csvText();
    expect(text.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes one row per article that reads back field for field', async () => {
    const [plain] = rowsOf(await csvText());
    expect(plain).toMatchObject({
      id: '3f2a9c1e-7b4d-4e8a-9c0d-1a2b3c4d5e6f',
      kind: 'article',
      title: 'Café société: the 🌍 story',
      url: 'https://news.example/2024/06/story',
      byline: 'Jane Doe',
      site_name: 'News Example',
      published: '2024-06-18T20:17:30',
      modified: '',
      saved: '2026-11-27T09:00:00.000Z',
      tags: 'news|long read',
      highlight_count: '2',
      note_count: '1',
      note: 'Read again\nwith care',
      word_count: '3',
    });
  });

  it("defuses formulas with a leading ' and keeps quotes, commas and RTL text intact", async () => {
    const [, hostile] = rowsOf(await csvText());
    expect(hostile?.title).toBe(`'${HOSTILE_TITLE}`);
    expect(hostile?.byline).toBe("'+Mallory");
    expect(hostile?.note).toBe("'@SUM(A1:A9)");
    expect(hostile?.url).toBe('https://hostile.example/a?b=1&c="2"');
    expect(hostile?.site_name).toBe('مثال الأخبار');
    expect(hostile?.tags).toBe('a,b|-dash|pipe\\|tag');
    for (const start of ['=1', '+1', '-1', '@x', '\tx', '\rx']) {
      const [row] = rowsOf(await csvText([makeArticle({ title: start })]));
      expect(row?.title).toBe(`'${start}`);
    }
  });

  it('escapes the separator inside tags so the list splits back', () => {
    expect(joinTags(['a|b', 'c\\d', 'e'])).toBe('a\\|b|c\\\\d|e');
  });

  it('writes the header once however many batches the rows take', async () => {
    const many = Array.from({ length: 1_201 }, (_, index) => makeArticle({ id: `id-${index}` }));
    const text = await csvText(many);
    expect(text.split(CSV_COLUMNS.join(',')).length).toBe(2);
    expect(rowsOf(text).map((row) => row.id)).toEqual(many.map((article) => article.id));
  });
});
