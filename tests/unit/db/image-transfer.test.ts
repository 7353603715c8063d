import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSnapshot } from '../../../src/db/articles.ts';
import { articlesForExport } from '../../../src/db/export-stream.ts';
import {
  exportedImagesOf,
  pictureReader,
  planImageRestore,
} from '../../../src/db/image-transfer.ts';
import {
  articleImagesOf,
  hashImage,
  MAX_IMAGE_BYTES_PER_ARTICLE,
  planImages,
  recordImage,
  type ArticleImage,
  type ArticleImagesRow,
} from '../../../src/db/images.ts';
import { applyImport, planImport } from '../../../src/db/import.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { marginsJsonFormat } from '../../../src/export/margins-json.ts';
import { parseImport, type ImportParse } from '../../../src/import/index.ts';
import type { ExportedPicture } from '../../../src/shared/export-format.ts';
import { collectText } from '../export/fixtures.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

const schema: object = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../schema/margins-export-v1.schema.json'), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const now = new Date(Date.UTC(2026, 11, 5, 9));
const LOGO = 'https://cdn.example/logo.png';
const PHOTO = 'https://cdn.example/photo.jpg';
const REFUSED = 'https://private.example/chart.png';

let source: MarginsDatabase;
let target: MarginsDatabase;
beforeEach(() => {
  source = openDatabase(`images-source-${Math.random()}`);
  target = openDatabase(`images-target-${Math.random()}`);
});
afterEach(async () => {
  await source.delete();
  await target.delete();
});

async function picture(bytes: number, fill: number, type = 'image/png') {
  const data = new Uint8Array(bytes).fill(fill).buffer;
  return { status: 'stored' as const, data, type, hash: await hashImage(data) };
}

async function saveArticle(db: MarginsDatabase, path: string): Promise<string> {
  const saved = await saveSnapshot(
    db,
    makeSnapshot({ url: `https://news.example/${path}`, canonicalUrl: null }),
    now,
  );
  return saved.article.id;
}

/**
 * A library of two articles sharing the logo: the first also keeps a photo and could not fetch
 * a chart (no access to its site).
 */
async function libraryWithImages(db: MarginsDatabase) {
  const [logo, photo] = [await picture(500, 1), await picture(2_000, 2, 'image/jpeg')];
  const first = await saveArticle(db, 'first');
  const second = await saveArticle(db, 'second');
  await planImages(db, first, [LOGO, PHOTO, REFUSED], now);
  await planImages(db, second, [LOGO], now);
  await recordImage(db, first, LOGO, logo);
  await recordImage(db, first, PHOTO, photo);
  await recordImage(db, first, REFUSED, { status: 'no-access' });
  await recordImage(db, second, LOGO, logo);
  return { first, second, logo, photo };
}

async function exportWithImages(db: MarginsDatabase): Promise<string> {
  return collectText(
    marginsJsonFormat.write(articlesForExport(db, { images: true }), {
      now,
      pictures: pictureReader(db),
    }),
  );
}

const parseOf = (text: string): Promise<ImportParse> => parseImport(new TextEncoder().encode(text));

const statuses = (row: ArticleImagesRow | null) =>
  row?.images.map(({ url, status, hash }) => ({ url, status, hash }));

describe('images through a Margins JSON export and import', () => {
  it('exports a file the schema accepts, each picture once', async () => {
    const { logo, photo } = await libraryWithImages(source);
    const document = JSON.parse(await exportWithImages(source)) as {
      articles: { url: string; images: unknown }[];
      images: Record<string, { type: string }>;
    };
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(document.images).sort()).toEqual([logo.hash, photo.hash].sort());
    expect(document.images[photo.hash]?.type).toBe('image/jpeg');
    const byUrl = new Map(document.articles.map((article) => [article.url, article.images]));
    expect(byUrl.get('https://news.example/first')).toEqual([
      { url: LOGO, hash: logo.hash },
      { url: PHOTO, hash: photo.hash },
      { url: REFUSED, hash: null },
    ]);
    expect(byUrl.get('https://news.example/second')).toEqual([{ url: LOGO, hash: logo.hash }]);
  });

  it('restores the pictures once each and every article’s images row', async () => {
    const { first, second, logo, photo } = await libraryWithImages(source);
    const parse = await parseOf(await exportWithImages(source));
    expect(await planImport(target, parse)).toMatchObject({ created: 2, images: 3, skipped: [] });
    const summary = await applyImport(target, parse, now);
    expect(summary).toMatchObject({ created: 2, images: 3, skipped: [] });

    expect(await target.imageBlobs.count()).toBe(2);
    const stored = await target.imageBlobs.get(photo.hash);
    expect(stored?.type).toBe('image/jpeg');
    expect(new Uint8Array(stored?.data ?? new ArrayBuffer(0))).toEqual(new Uint8Array(photo.data));
    const firstRow = await articleImagesOf(target, first);
    expect(statuses(firstRow)).toEqual([
      { url: LOGO, status: 'stored', hash: logo.hash },
      { url: PHOTO, status: 'stored', hash: photo.hash },
      // Not in the file: listed as not stored, so "Load from the publisher" can fetch it.
      { url: REFUSED, status: 'removed', hash: null },
    ]);
    expect(firstRow).toMatchObject({ state: 'done', hashes: [logo.hash, photo.hash] });
    expect(firstRow?.images.map((image) => image.bytes)).toEqual([500, 2_000, 0]);
    expect(statuses(await articleImagesOf(target, second))).toEqual([
      { url: LOGO, status: 'stored', hash: logo.hash },
    ]);

    // The same file again changes nothing.
    const again = await applyImport(target, await parseOf(await exportWithImages(source)), now);
    expect(again).toMatchObject({ created: 0, updated: 0, images: 0 });
    expect(await target.imageBlobs.count()).toBe(2);
  });

  it('gives an article already saved the pictures it lacks, keeping those it has', async () => {
    const { first, logo, photo } = await libraryWithImages(source);
    const saved = await saveArticle(target, 'first');
    await planImages(target, saved, [LOGO, PHOTO], now);
    await recordImage(target, saved, LOGO, logo);
    await recordImage(target, saved, PHOTO, { status: 'failed' });

    const summary = await applyImport(target, await parseOf(await exportWithImages(source)), now);
    expect(summary).toMatchObject({ created: 1, images: 2 });
    expect(statuses(await articleImagesOf(target, saved))).toEqual([
      { url: LOGO, status: 'stored', hash: logo.hash },
      { url: PHOTO, status: 'stored', hash: photo.hash },
    ]);
    // The first article of the file joined the saved one; no second row was made for its id.
    expect(first).not.toBe(saved);
    expect(await articleImagesOf(target, first)).toBeNull();
  });

  it('imports the article without a picture whose data is corrupt, and reports it', async () => {
    const { first, logo, photo } = await libraryWithImages(source);
    const text = await exportWithImages(source);
    const photoEntry = new RegExp(`("${photo.hash}":\\{"type":"image/jpeg","data":")([^"]*)`);
    // One byte changed: still base64, no longer the photo's bytes.
    const corrupt = text.replace(
      photoEntry,
      (_, head: string, data: string) =>
        `${head}${data.startsWith('A') ? 'B' : 'A'}${data.slice(1)}`,
    );
    const missing = text.replace(photoEntry, '$1!!');
    for (const broken of [corrupt, missing]) {
      const db = openDatabase(`images-broken-${Math.random()}`);
      try {
        const summary = await applyImport(db, await parseOf(broken), now);
        expect(summary.created).toBe(2);
        expect(summary.images).toBe(2);
        expect(summary.skipped).toEqual([
          expect.objectContaining({ origin: `images["${photo.hash}"]`, code: 'invalid-image' }),
        ]);
        expect(await db.imageBlobs.count()).toBe(1);
        expect(statuses(await articleImagesOf(db, first))).toEqual([
          { url: LOGO, status: 'stored', hash: logo.hash },
          { url: PHOTO, status: 'removed', hash: null },
          { url: REFUSED, status: 'removed', hash: null },
        ]);
      } finally {
        await db.delete();
      }
    }
  });
});

describe('planImageRestore', () => {
  const hashA = 'a'.repeat(64);
  const hashB = 'b'.repeat(64);
  const pictureOf = (bytes: number): ExportedPicture => ({
    type: 'image/png',
    data: new ArrayBuffer(bytes),
  });

  it('keeps an article under its cap: a picture past it stays remote, reported', () => {
    const pictures = new Map([
      [hashA, pictureOf(MAX_IMAGE_BYTES_PER_ARTICLE - 10)],
      [hashB, pictureOf(100)],
    ]);
    const plan = planImageRestore(
      [
        {
          origin: 'https://news.example/a',
          articleId: 'a',
          images: [
            { url: 'https://cdn.example/big.png', hash: hashA },
            { url: 'https://cdn.example/small.png', hash: hashB },
          ],
        },
      ],
      new Map(),
      pictures,
      now,
    );
    expect(plan.rows[0]?.images.map(({ status }) => status)).toEqual(['stored', 'too-large']);
    expect(plan.pictures.map((row) => row.hash)).toEqual([hashA]);
    expect(plan.attached).toBe(1);
    expect(plan.skipped).toEqual([
      {
        origin: 'https://news.example/a',
        code: 'image-too-large',
        detail: 'https://cdn.example/small.png (100 bytes)',
      },
    ]);
  });

  it('counts the pictures an article already keeps towards its cap', () => {
    const kept: ArticleImage = {
      url: 'https://cdn.example/kept.png',
      status: 'stored',
      hash: hashA,
      bytes: MAX_IMAGE_BYTES_PER_ARTICLE,
    };
    const row: ArticleImagesRow = {
      articleId: 'a',
      images: [
        kept,
        { url: 'https://cdn.example/new.png', status: 'failed', hash: null, bytes: 0 },
      ],
      hashes: [hashA],
      state: 'done',
      updatedAt: now.toISOString(),
    };
    const plan = planImageRestore(
      [
        {
          origin: 'o',
          articleId: 'a',
          images: [{ url: 'https://cdn.example/new.png', hash: hashB }],
        },
      ],
      new Map([['a', row]]),
      new Map([[hashB, pictureOf(1)]]),
      now,
    );
    expect(plan.rows[0]?.images).toEqual([
      kept,
      { url: 'https://cdn.example/new.png', status: 'too-large', hash: null, bytes: 0 },
    ]);
    expect(plan.attached).toBe(0);
  });

  it('lists a row’s images for export with a hash only where stored', () => {
    expect(
      exportedImagesOf({
        articleId: 'a',
        images: [
          { url: 'https://cdn.example/1.png', status: 'stored', hash: hashA, bytes: 3 },
          { url: 'https://cdn.example/2.png', status: 'waiting', hash: null, bytes: 0 },
        ],
        hashes: [hashA],
        state: 'fetching',
        updatedAt: now.toISOString(),
      }),
    ).toEqual([
      { url: 'https://cdn.example/1.png', hash: hashA },
      { url: 'https://cdn.example/2.png', hash: null },
    ]);
  });
});
