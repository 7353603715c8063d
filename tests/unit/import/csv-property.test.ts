// @vitest-environment jsdom
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../src/import/index.ts';
import { itemsOf, utf8 } from './helpers.ts';

/** Titles with quotes, separators and line breaks, but no markup or entities. */
const title = fc
  .string({
    unit: fc.constantFrom(
      'a',
      'Z',
      '9',
      ' ',
      ',',
      '"',
      '\n',
      '\r\n',
      '|',
      'é',
      '’',
      '😀',
      ';',
      "'",
    ),
    maxLength: 40,
  })
  .filter((text) => text.trim().length > 0);

/** A title as Margins keeps it: white space (line breaks included) collapsed and trimmed. */
const collapsed = (text: string) => text.replace(/\s+/g, ' ').trim();

const tag = fc
  .string({
    unit: fc.constantFrom('a', 'b', 'X', '1', ' ', ',', '"', '-', 'ü', '#'),
    minLength: 1,
    maxLength: 12,
  })
  .map((text) => text.replace(/\s+/g, ' ').trim())
  .filter((text) => text.length > 0);

const row = fc.record({
  title,
  tags: fc.uniqueArray(tag, { maxLength: 4, selector: (t) => t.toLowerCase() }),
  archived: fc.boolean(),
  timeAdded: fc.integer({ min: 1, max: 4_000_000_000 }),
});

describe('Pocket CSV written by papaparse', () => {
  it('reads back every title, tag, status and date', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 15 }),
        fc.boolean(),
        async (rows, crlf) => {
          const csv = Papa.unparse(
            {
              fields: ['title', 'url', 'time_added', 'cursor', 'tags', 'status'],
              data: rows.map((r, index) => [
                r.title,
                `https://news.example/${index}`,
                String(r.timeAdded),
                String(index),
                r.tags.join('|'),
                r.archived ? 'archive' : 'unread',
              ]),
            },
            { newline: crlf ? '\r\n' : '\n' },
          );
          const parse = await parseImport(utf8(csv));
          expect(parse.skipped).toEqual([]);
          expect(parse.warnings).toEqual([]);
          expect(
            itemsOf(parse).map(({ title, tags, archived, savedAt }) => ({
              title,
              tags,
              archived,
              savedAt,
            })),
          ).toEqual(
            rows.map((r) => ({
              title: collapsed(r.title),
              tags: r.tags,
              archived: r.archived,
              savedAt: new Date(r.timeAdded * 1000).toISOString(),
            })),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
