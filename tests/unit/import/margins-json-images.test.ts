import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../src/import/pictures.ts';
import type { ImportParse } from '../../../src/import/index.ts';
import { storedFieldsOf } from '../../../src/shared/article.ts';
import {
  exportArticleChunk,
  exportHeaderChunk,
  type ExportedArticle,
} from '../../../src/shared/export-format.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';
import { parseText } from './helpers.ts';

const NOW = new Date('2026-11-27T09:30:00.000Z');

const bytesOf = (fill: number, length = 64) => Buffer.alloc(length, fill);
const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const base64Of = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function article(id: string, images: unknown[] | undefined): ExportedArticle {
  return {
    ...storedFieldsOf(makeSnapshot({ url: `https://news.example/${id}` })),
    id,
    savedAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    tags: [],
    note: '',
    readAt: null,
    archivedAt: null,
    annotations: [],
    ...(images ? { images: images as ExportedArticle['images'] } : {}),
  };
}

/** A Margins export with these articles and this `images` object, as the writer lays it out. */
function fileWith(articles: ExportedArticle[], images: unknown): string {
  const body = articles.map((entry, index) => exportArticleChunk(entry, index === 0)).join('');
  return `${exportHeaderChunk(NOW)}${body}\n],"images":${JSON.stringify(images)}}`;
}

function marginsOf(parse: ImportParse) {
  if (parse.kind !== 'margins') throw new Error(`expected margins, got ${parse.kind}`);
  return parse;
}

const good = bytesOf(7);
const goodHash = hashOf(good);

describe('Margins JSON with pictures', () => {
  it('reads the pictures, each checked against its hash, and each article’s images', async () => {
    const images = [
      { url: 'https://cdn.example/a.png', hash: goodHash },
      { url: 'https://cdn.example/b.png', hash: null },
    ];
    const parse = marginsOf(
      await parseText(
        fileWith([article('a1', images)], {
          [goodHash]: { type: 'image/PNG', data: base64Of(good) },
        }),
      ),
    );
    expect(parse.skipped).toEqual([]);
    expect(parse.articles[0]?.images).toEqual(images);
    const picture = parse.pictures?.get(goodHash);
    expect(picture?.type).toBe('image/png');
    expect(new Uint8Array(picture?.data ?? new ArrayBuffer(0))).toEqual(new Uint8Array(good));
  });

  it('reports a picture that is not base64 or not its hash’s bytes, and keeps the article', async () => {
    const other = bytesOf(9);
    const wrongHash = hashOf(bytesOf(1));
    const brokenHash = hashOf(bytesOf(2));
    const parse = marginsOf(
      await parseText(
        fileWith(
          [
            article('a1', [
              { url: 'https://cdn.example/good.png', hash: goodHash },
              { url: 'https://cdn.example/wrong.png', hash: wrongHash },
              { url: 'https://cdn.example/broken.png', hash: brokenHash },
              { url: 'https://cdn.example/absent.png', hash: 'a'.repeat(64) },
            ]),
          ],
          {
            [goodHash]: { type: 'image/png', data: base64Of(good) },
            // Valid base64, but of other bytes than the hash names.
            [wrongHash]: { type: 'image/png', data: base64Of(other) },
            [brokenHash]: { type: 'image/png', data: '%%not base64%%' },
            'not-a-hash': { type: 'image/png', data: base64Of(good) },
            [hashOf(bytesOf(3))]: { type: 'text/html', data: base64Of(bytesOf(3)) },
            // An SVG is a document that can carry scripts: not kept, as when fetched.
            [hashOf(bytesOf(4))]: { type: 'image/svg+xml', data: base64Of(bytesOf(4)) },
          },
        ),
      ),
    );
    expect(parse.articles.map((entry) => entry.id)).toEqual(['a1']);
    expect(parse.articles[0]?.images).toEqual([
      { url: 'https://cdn.example/good.png', hash: goodHash },
      { url: 'https://cdn.example/wrong.png', hash: null },
      { url: 'https://cdn.example/broken.png', hash: null },
      { url: 'https://cdn.example/absent.png', hash: null },
    ]);
    expect([...(parse.pictures?.keys() ?? [])]).toEqual([goodHash]);
    expect(parse.skipped.map(({ origin, code, detail }) => ({ origin, code, detail }))).toEqual([
      {
        origin: `images["${wrongHash}"]`,
        code: 'invalid-image',
        detail: `data: its SHA-256 is ${hashOf(other)}`,
      },
      { origin: `images["${brokenHash}"]`, code: 'invalid-image', detail: 'data: not base64' },
      {
        origin: 'images["not-a-hash"]',
        code: 'invalid-image',
        detail: 'key: not a SHA-256 in hex',
      },
      {
        origin: `images["${hashOf(bytesOf(3))}"]`,
        code: 'invalid-image',
        detail: 'type: not a picture type Margins keeps',
      },
      {
        origin: `images["${hashOf(bytesOf(4))}"]`,
        code: 'invalid-image',
        detail: 'type: not a picture type Margins keeps',
      },
      {
        origin: 'articles[0].images[3]',
        code: 'invalid-image',
        detail: `hash: "${'a'.repeat(64)}" is not in images`,
      },
    ]);
  });

  it('skips a malformed image entry and an images object of the wrong shape, articles kept', async () => {
    const parse = marginsOf(
      await parseText(
        fileWith(
          [
            article('a1', [
              { url: 'javascript:alert(1)', hash: null },
              { url: 'https://cdn.example/ok.png', hash: null },
            ]),
          ],
          ['not', 'an', 'object'],
        ),
      ),
    );
    expect(parse.articles[0]?.images).toEqual([{ url: 'https://cdn.example/ok.png', hash: null }]);
    expect(parse.skipped.map(({ origin, code }) => ({ origin, code }))).toEqual([
      { origin: 'images', code: 'invalid-image' },
      { origin: 'articles[0].images[0]', code: 'invalid-image' },
    ]);
  });

  it('keeps a key named __proto__ as data, never as the prototype', async () => {
    const text = fileWith([article('a1', [])], {}).replace(
      '"images":{}',
      `"images":{"__proto__":{"type":"image/png","data":"${base64Of(good)}"}}`,
    );
    const parse = marginsOf(await parseText(text));
    expect(parse.pictures?.size).toBe(0);
    expect(parse.skipped.map(({ origin }) => origin)).toEqual(['images["__proto__"]']);
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });

  it('reads a file without pictures exactly as before: no images on the articles', async () => {
    const text = `${exportHeaderChunk(NOW)}${exportArticleChunk(article('a1', undefined), true)}\n]}\n`;
    const parse = marginsOf(await parseText(text));
    expect(parse.articles[0]).not.toHaveProperty('images');
    expect(parse.pictures?.size).toBe(0);
  });
});

describe('strict base64', () => {
  it('decodes what Buffer encodes, at every padding', () => {
    for (const length of [1, 2, 3, 4, 100_000]) {
      const bytes = new Uint8Array(length).map((_, index) => (index * 31) % 256);
      const decoded = decodeBase64(base64Of(bytes));
      // Buffers compare at once; toEqual would walk a hundred thousand elements.
      expect(decoded && Buffer.from(decoded).equals(bytes), `${length} bytes`).toBe(true);
    }
    expect(decodeBase64('')).toEqual(new Uint8Array(0));
  });

  it('refuses other alphabets, white space, misplaced padding and cut text', () => {
    for (const text of ['QUJD\n', 'QU=D', 'QUJ', 'QU-_', 'Q===', '====']) {
      expect(decodeBase64(text), text).toBeNull();
    }
  });
});
