/**
 * Images kept with saved articles. Each picture is stored once, under the SHA-256 of its bytes,
 * however many articles show it (`imageBlobs`); each article has one row listing its images in
 * reading order with what became of each (`articleImages`). A row is written, with every image
 * waiting, in the moment the article's text is stored; images are attached as they arrive, and
 * a row still `fetching` after a stopped worker is picked up again (unfinishedImageArticles).
 *
 * Bytes are kept as ArrayBuffers rather than Blobs: every IndexedDB (and fake-indexeddb in the
 * tests) clones them, and the reader makes a Blob of each when it shows the article.
 */
import type { MarginsDatabase } from './schema.ts';

/** Most bytes of images one article keeps (15 MB); the images past it stay remote. */
export const MAX_IMAGE_BYTES_PER_ARTICLE = 15 * 1024 * 1024;

/**
 * `waiting`: not fetched yet. `stored`: kept here. `no-access`: the image's site refused
 * Margins, which has no access to it. `failed`: the site did not answer with an image.
 * `too-large`: it would have taken the article past its cap. `removed`: the user removed stored
 * images to free space.
 */
export type ImageStatus = 'waiting' | 'stored' | 'no-access' | 'failed' | 'too-large' | 'removed';

export interface ArticleImage {
  /** The address the body's `<img>` resolves to (article-images.ts's `imageSourceOf`). */
  url: string;
  status: ImageStatus;
  /** The picture's key in `imageBlobs` when stored. */
  hash: string | null;
  bytes: number;
}

export interface ArticleImagesRow {
  articleId: string;
  images: ArticleImage[];
  /** The hashes of its stored images: the index that tells whether a picture is still used. */
  hashes: string[];
  /** `fetching` until every image has been tried. */
  state: 'fetching' | 'done';
  updatedAt: string;
}

export interface ImageBlobRow {
  hash: string;
  data: ArrayBuffer;
  /** Its MIME type, e.g. image/jpeg. */
  type: string;
  bytes: number;
}

/** The distinct pictures a list of images shows: a row's `hashes` index. */
export const hashesOf = (images: readonly ArticleImage[]): string[] => [
  ...new Set(images.flatMap((image) => (image.hash ? [image.hash] : []))),
];

/** The tables every change of stored images writes. */
export function imageTables(db: MarginsDatabase) {
  return [db.articleImages, db.imageBlobs];
}

/** Deletes the pictures among `hashes` that no article uses any more. */
async function dropUnused(db: MarginsDatabase, hashes: Iterable<string>): Promise<void> {
  for (const hash of new Set(hashes)) {
    if ((await db.articleImages.where('hashes').equals(hash).count()) === 0) {
      await db.imageBlobs.delete(hash);
    }
  }
}

/**
 * Starts (or restarts, when the article is saved again) an article's images: `urls` in reading
 * order. An image already stored under the same address stays; the others wait to be fetched;
 * pictures the article no longer shows are freed. Null when there is no such article.
 */
export async function planImages(
  db: MarginsDatabase,
  articleId: string,
  urls: readonly string[],
  now: Date,
): Promise<ArticleImagesRow | null> {
  return db.transaction('rw', [db.articles, ...imageTables(db)], async () => {
    if (!(await db.articles.get(articleId))) return null;
    const before = await db.articleImages.get(articleId);
    const kept = new Map(
      (before?.images ?? [])
        .filter((image) => image.status === 'stored')
        .map((image) => [image.url, image]),
    );
    const images = urls.map(
      (url): ArticleImage => kept.get(url) ?? { url, status: 'waiting', hash: null, bytes: 0 },
    );
    const row: ArticleImagesRow = {
      articleId,
      images,
      hashes: hashesOf(images),
      state: images.some((image) => image.status === 'waiting') ? 'fetching' : 'done',
      updatedAt: now.toISOString(),
    };
    await db.articleImages.put(row);
    await dropUnused(db, before?.hashes ?? []);
    return row;
  });
}

/** SHA-256 of the bytes, in hex: the picture's key. */
export async function hashImage(data: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A fetched image or why none came, for one address of an article. */
export type ImageResult =
  | { status: 'stored'; data: ArrayBuffer; type: string; hash: string }
  | { status: 'no-access' | 'failed' | 'too-large' };

/**
 * Records what became of one image of an article. A picture is kept only while the article
 * stays under its cap; an article deleted meanwhile keeps nothing. Returns the image's status.
 */
export async function recordImage(
  db: MarginsDatabase,
  articleId: string,
  url: string,
  result: ImageResult,
): Promise<ImageStatus | null> {
  return db.transaction('rw', [db.articles, ...imageTables(db)], async () => {
    const row = await db.articleImages.get(articleId);
    if (!row || !(await db.articles.get(articleId))) return null;
    const used = row.images.reduce((sum, image) => sum + image.bytes, 0);
    let status: ImageStatus = result.status;
    let hash: string | null = null;
    let bytes = 0;
    if (result.status === 'stored') {
      if (used + result.data.byteLength > MAX_IMAGE_BYTES_PER_ARTICLE) status = 'too-large';
      else {
        hash = result.hash;
        bytes = result.data.byteLength;
        if (!(await db.imageBlobs.get(hash))) {
          await db.imageBlobs.put({ hash, data: result.data, type: result.type, bytes });
        }
      }
    }
    const images = row.images.map((image) =>
      image.url === url ? { url, status, hash, bytes } : image,
    );
    await db.articleImages.put({
      ...row,
      images,
      hashes: hashesOf(images),
      state: images.some((image) => image.status === 'waiting') ? 'fetching' : 'done',
    });
    return status;
  });
}

/** Articles whose images were being fetched when the worker stopped, to carry on with. */
export async function unfinishedImageArticles(db: MarginsDatabase): Promise<ArticleImagesRow[]> {
  return db.articleImages.where('state').equals('fetching').toArray();
}

/** An article's images row, or null before any save that looked for images. */
export async function articleImagesOf(
  db: MarginsDatabase,
  articleId: string,
): Promise<ArticleImagesRow | null> {
  return (await db.articleImages.get(articleId)) ?? null;
}

/** The stored pictures among `hashes`, by hash. */
export async function imageBlobsOf(
  db: MarginsDatabase,
  hashes: readonly string[],
): Promise<Map<string, ImageBlobRow>> {
  const rows = await db.imageBlobs.bulkGet([...hashes]);
  return new Map(rows.flatMap((row) => (row ? [[row.hash, row]] : [])));
}

/**
 * Forgets the images of deleted articles and frees the pictures no other article uses. Runs in
 * the caller's transaction, which must include `imageTables`.
 */
export async function releaseImages(
  db: MarginsDatabase,
  articleIds: readonly string[],
): Promise<void> {
  const rows = await db.articleImages.bulkGet([...articleIds]);
  await db.articleImages.bulkDelete([...articleIds]);
  await dropUnused(
    db,
    rows.flatMap((row) => row?.hashes ?? []),
  );
}

export interface ImageStorage {
  /** Distinct pictures stored, and their bytes (a picture two articles share counts once). */
  images: number;
  bytes: number;
  /** Images that are not stored (never fetched, refused, too large or removed). */
  remote: number;
}

/** How much the stored images take, read from the small per-article rows, not the pictures. */
export async function imageStorage(db: MarginsDatabase): Promise<ImageStorage> {
  const sizes = new Map<string, number>();
  let remote = 0;
  await db.articleImages.each((row) => {
    for (const image of row.images) {
      if (image.hash) sizes.set(image.hash, image.bytes);
      else remote += 1;
    }
  });
  let bytes = 0;
  for (const size of sizes.values()) bytes += size;
  return { images: sizes.size, bytes, remote };
}

/**
 * Removes every stored picture to free space; texts, notes and highlights stay, and each image
 * is listed as removed so "Fetch missing images" can bring it back.
 */
export async function removeStoredImages(db: MarginsDatabase, now: Date): Promise<void> {
  await db.transaction('rw', imageTables(db), async () => {
    await db.imageBlobs.clear();
    const rows = await db.articleImages.toArray();
    await db.articleImages.bulkPut(
      rows.map((row) => ({
        ...row,
        images: row.images.map((image) =>
          image.status === 'stored'
            ? { ...image, status: 'removed' as const, hash: null, bytes: 0 }
            : image,
        ),
        hashes: [],
        state: 'done' as const,
        updatedAt: now.toISOString(),
      })),
    );
  });
}

/**
 * Sets the images of listed articles that are not stored back to waiting, for "Fetch missing
 * images" and the reader's "Load from the publisher". Returns the articles with some to fetch.
 */
export async function retryMissingImages(
  db: MarginsDatabase,
  articleIds: readonly string[] | 'all',
  now: Date,
): Promise<string[]> {
  return db.transaction('rw', imageTables(db), async () => {
    const rows =
      articleIds === 'all'
        ? await db.articleImages.toArray()
        : (await db.articleImages.bulkGet([...articleIds])).filter(
            (row): row is ArticleImagesRow => row !== undefined,
          );
    const changed: ArticleImagesRow[] = [];
    for (const row of rows) {
      if (row.images.every((image) => image.status === 'stored')) continue;
      changed.push({
        ...row,
        images: row.images.map((image) =>
          image.status === 'stored' ? image : { ...image, status: 'waiting' as const },
        ),
        state: 'fetching',
        updatedAt: now.toISOString(),
      });
    }
    await db.articleImages.bulkPut(changed);
    return changed.map((row) => row.articleId);
  });
}

/**
 * The articles with pictures to fetch: saved articles (not links) that have no images row yet
 * (saved before images were kept, synced from another device, restored or imported without
 * them) or whose row lists images not stored. Read from the small list cards and image rows.
 */
export async function articlesMissingImages(db: MarginsDatabase): Promise<string[]> {
  const [cards, rows] = await Promise.all([db.cards.toArray(), db.articleImages.toArray()]);
  const byArticle = new Map(rows.map((row) => [row.articleId, row]));
  return cards
    .filter((card) => {
      if (card.kind !== 'article') return false;
      const row = byArticle.get(card.id);
      return !row || row.images.some((image) => image.status !== 'stored');
    })
    .map((card) => card.id);
}
