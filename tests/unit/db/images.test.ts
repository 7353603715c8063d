import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSnapshot } from '../../../src/db/articles.ts';
import {
  articleImagesOf,
  hashImage,
  imageStorage,
  MAX_IMAGE_BYTES_PER_ARTICLE,
  planImages,
  recordImage,
  removeStoredImages,
  retryMissingImages,
  unfinishedImageArticles,
  type ImageResult,
} from '../../../src/db/images.ts';
import { deleteArticles } from '../../../src/db/library.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

let db: MarginsDatabase;
const now = new Date(Date.UTC(2026, 11, 5, 9));

beforeEach(() => {
  db = openDatabase(`test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

async function article(path: string): Promise<string> {
  const saved = await saveSnapshot(
    db,
    makeSnapshot({ url: `https://news.example/${path}`, canonicalUrl: null }),
    now,
  );
  return saved.article.id;
}

async function picture(bytes: number, fill = 1): Promise<ImageResult> {
  const data = new Uint8Array(bytes).fill(fill).buffer;
  return { status: 'stored', data, type: 'image/png', hash: await hashImage(data) };
}

describe('images kept with articles', () => {
  it('stores a picture two articles show once, and counts it once', async () => {
    const [a, b] = [await article('a'), await article('b')];
    await planImages(db, a, ['https://cdn.example/logo.png', 'https://cdn.example/a.jpg'], now);
    await planImages(db, b, ['https://cdn.example/logo.png'], now);
    const logo = await picture(1_000);
    await recordImage(db, a, 'https://cdn.example/logo.png', logo);
    await recordImage(db, a, 'https://cdn.example/a.jpg', await picture(3_000, 2));
    await recordImage(db, b, 'https://cdn.example/logo.png', logo);
    expect(await db.imageBlobs.count()).toBe(2);
    expect(await imageStorage(db)).toEqual({ images: 2, bytes: 4_000, remote: 0 });
    expect((await articleImagesOf(db, a))?.state).toBe('done');
  });

  it('keeps an article under its cap: the picture past it stays remote, marked too large', async () => {
    const a = await article('a');
    await planImages(db, a, ['https://cdn.example/1.jpg', 'https://cdn.example/2.jpg'], now);
    const big = MAX_IMAGE_BYTES_PER_ARTICLE - 1_000;
    expect(await recordImage(db, a, 'https://cdn.example/1.jpg', await picture(big))).toBe(
      'stored',
    );
    expect(await recordImage(db, a, 'https://cdn.example/2.jpg', await picture(2_000, 3))).toBe(
      'too-large',
    );
    expect((await articleImagesOf(db, a))?.images.map((image) => image.status)).toEqual([
      'stored',
      'too-large',
    ]);
    expect(await db.imageBlobs.count()).toBe(1);
  });

  it('frees on delete the pictures no other article shows, and keeps the shared one', async () => {
    const [a, b] = [await article('a'), await article('b')];
    const logo = await picture(1_000);
    await planImages(db, a, ['https://cdn.example/logo.png', 'https://cdn.example/a.jpg'], now);
    await planImages(db, b, ['https://cdn.example/logo.png'], now);
    await recordImage(db, a, 'https://cdn.example/logo.png', logo);
    await recordImage(db, a, 'https://cdn.example/a.jpg', await picture(3_000, 2));
    await recordImage(db, b, 'https://cdn.example/logo.png', logo);

    await deleteArticles(db, [a]);
    expect(await articleImagesOf(db, a)).toBeNull();
    expect((await db.imageBlobs.toArray()).map((row) => row.hash)).toEqual([
      logo.status === 'stored' ? logo.hash : '',
    ]);
    await deleteArticles(db, [b]);
    expect(await db.imageBlobs.count()).toBe(0);
  });

  it('frees the pictures a saved-again article no longer shows and keeps the ones it does', async () => {
    const a = await article('a');
    await planImages(db, a, ['https://cdn.example/old.jpg', 'https://cdn.example/kept.jpg'], now);
    await recordImage(db, a, 'https://cdn.example/old.jpg', await picture(1_000, 1));
    await recordImage(db, a, 'https://cdn.example/kept.jpg', await picture(1_000, 2));
    const row = await planImages(
      db,
      a,
      ['https://cdn.example/kept.jpg', 'https://cdn.example/new.jpg'],
      now,
    );
    expect(row?.images.map((image) => image.status)).toEqual(['stored', 'waiting']);
    expect(await db.imageBlobs.count()).toBe(1);
    expect((await unfinishedImageArticles(db)).map((r) => r.articleId)).toEqual([a]);
  });

  it('keeps nothing for an article deleted while its images were on the way', async () => {
    const a = await article('a');
    await planImages(db, a, ['https://cdn.example/a.jpg'], now);
    await deleteArticles(db, [a]);
    expect(await recordImage(db, a, 'https://cdn.example/a.jpg', await picture(500))).toBeNull();
    expect(await db.imageBlobs.count()).toBe(0);
    expect(await planImages(db, a, ['https://cdn.example/a.jpg'], now)).toBeNull();
    expect(await db.articleImages.count()).toBe(0);
  });

  it('removes every stored picture on request and can fetch them again later', async () => {
    const a = await article('a');
    await planImages(db, a, ['https://cdn.example/a.jpg', 'https://other.example/b.jpg'], now);
    await recordImage(db, a, 'https://cdn.example/a.jpg', await picture(800));
    await recordImage(db, a, 'https://other.example/b.jpg', { status: 'no-access' });
    await removeStoredImages(db, now);
    expect(await db.imageBlobs.count()).toBe(0);
    expect(await imageStorage(db)).toEqual({ images: 0, bytes: 0, remote: 2 });
    expect(await retryMissingImages(db, 'all', now)).toEqual([a]);
    expect((await articleImagesOf(db, a))?.images.map((image) => image.status)).toEqual([
      'waiting',
      'waiting',
    ]);
  });
});
