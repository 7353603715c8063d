import { describe, expect, it } from 'vitest';
import {
  EXPORT_FORMATS,
  exportFileNameFor,
  exportFormat,
  exportToBlob,
} from '../../../src/export/index.ts';
import { collectToBlob } from '../../../src/export/sink.ts';
import { asAsync, makeArticle } from './fixtures.ts';

const encoder = new TextEncoder();

describe('collectToBlob', () => {
  it('makes a Blob holding the chunks in order', async () => {
    const pieces = ['{"a":', '"é🌍"', '}'];
    const blob = await collectToBlob(
      asAsync(pieces.map((piece) => encoder.encode(piece))),
      'application/json',
    );
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe(pieces.join(''));
  });

  it('folds past the batch size without losing or reordering bytes', async () => {
    const megabyte = (fill: number) => new Uint8Array(1024 * 1024).fill(fill);
    const chunks = Array.from({ length: 9 }, (_, index) => megabyte(index));
    const blob = await collectToBlob(asAsync(chunks), 'application/octet-stream');
    expect(blob.size).toBe(9 * 1024 * 1024);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    chunks.forEach((_, index) => expect(bytes[index * 1024 * 1024 + 7]).toBe(index));
  });

  it('encodes text chunks as UTF-8 between byte chunks, folded or not', async () => {
    const text = 'é🌍'.repeat(1024 * 1024);
    const chunks = [encoder.encode('['), text, encoder.encode(','), text, ']'];
    const blob = await collectToBlob(asAsync(chunks), 'application/json');
    expect(await blob.text()).toBe(`[${text},${text}]`);
    expect(blob.size).toBe(2 + 1 + 2 * encoder.encode(text).byteLength);
  });

  it('makes an empty Blob from no chunks', async () => {
    expect((await collectToBlob(asAsync([]), 'text/csv')).size).toBe(0);
  });
});

describe('export formats', () => {
  const now = new Date(2026, 10, 27, 23, 59);

  it('name their files after the local date', () => {
    expect(EXPORT_FORMATS.map((format) => exportFileNameFor(format, now))).toEqual([
      'margins-2026-11-27.json',
      'margins-2026-11-27-markdown.zip',
      'margins-2026-11-27-annotations.jsonld',
      'margins-2026-11-27.csv',
      'margins-2026-11-27-bookmarks.html',
    ]);
  });

  it('are found by id', () => {
    for (const format of EXPORT_FORMATS) expect(exportFormat(format.id)).toBe(format);
  });

  it('export to a Blob of their type, reporting the articles taken', async () => {
    const format = exportFormat('csv');
    const progress: { articles: number }[] = [];
    const articles = [makeArticle({ id: 'a' }), makeArticle({ id: 'b' })];
    const blob = await exportToBlob(format, asAsync(articles), { now }, (update) =>
      progress.push(update),
    );
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(progress.at(-1)).toEqual({ articles: 2 });
  });
});
