/**
 * Stored images in and out of the collection with an export file: the per-article list and the
 * picture reader an export that carries pictures needs, and the restore of the pictures a
 * Margins JSON file brings (the import page checked each against its hash before this runs).
 *
 * The restore follows the rules of images.ts: a picture is stored once however many articles
 * show it, and an article keeps at most MAX_IMAGE_BYTES_PER_ARTICLE of them.
 */
import type { ExportedImage, ExportedPicture, PictureReader } from '../shared/export-format.ts';
import type { ImportWriteProblem } from './import-plan.ts';
import {
  hashesOf,
  imageBlobsOf,
  MAX_IMAGE_BYTES_PER_ARTICLE,
  type ArticleImage,
  type ArticleImagesRow,
  type ImageBlobRow,
} from './images.ts';
import type { MarginsDatabase } from './schema.ts';

/** An article's images as an export lists them: a hash only for the pictures stored. */
export function exportedImagesOf(row: ArticleImagesRow): ExportedImage[] {
  return row.images.map((image) => ({
    url: image.url,
    hash: image.status === 'stored' ? image.hash : null,
  }));
}

/** Reads stored pictures for an export writer, a few at a time as it asks. */
export function pictureReader(db: MarginsDatabase): PictureReader {
  return (hashes) => imageBlobsOf(db, hashes);
}

/** The images an incoming article brings, and the article the import made of it. */
export interface IncomingImages {
  /** Where in the file the article is, for the report. */
  origin: string;
  articleId: string;
  images: readonly ExportedImage[];
}

export interface ImageRestorePlan {
  /** Images rows to put, one per article whose images the import sets or adds to. */
  rows: ArticleImagesRow[];
  /** The pictures those rows show, each once (some may be stored already). */
  pictures: ImageBlobRow[];
  /** Pictures an article could not take without passing its cap. */
  skipped: ImportWriteProblem[];
  /** Images the import attaches a picture to. */
  attached: number;
}

function rowOf(articleId: string, images: ArticleImage[], now: Date): ArticleImagesRow {
  return {
    articleId,
    images,
    hashes: hashesOf(images),
    state: images.some((image) => image.status === 'waiting') ? 'fetching' : 'done',
    updatedAt: now.toISOString(),
  };
}

/**
 * Where the images of the file's articles go, as a pure function of the file and the rows the
 * collection holds for the articles they land on.
 *
 * An article without a row takes the file's list: each image with a picture in the file stored,
 * the others listed as not stored ('removed': not here, and "Load from the publisher" fetches
 * them as it does pictures removed to free space). An article with a row keeps it, and only its
 * images not stored yet take the file's picture for the same address: its row follows the body
 * Margins saved, which the import may have kept over the file's. In both, pictures are taken in
 * reading order while the article stays under its cap; one past it stays remote ('too-large').
 */
export function planImageRestore(
  incoming: readonly IncomingImages[],
  savedRows: ReadonlyMap<string, ArticleImagesRow>,
  pictures: ReadonlyMap<string, ExportedPicture>,
  now: Date,
): ImageRestorePlan {
  const rows = new Map<string, ArticleImagesRow>();
  const skipped: ImportWriteProblem[] = [];
  let attached = 0;

  for (const { origin, articleId, images } of incoming) {
    const before = rows.get(articleId) ?? savedRows.get(articleId);
    const offered = new Map<string, { hash: string; picture: ExportedPicture }>();
    for (const image of images) {
      const picture = image.hash === null ? undefined : pictures.get(image.hash);
      if (image.hash !== null && picture && !offered.has(image.url)) {
        offered.set(image.url, { hash: image.hash, picture });
      }
    }
    // A row without a list of its own starts from the file's, each address once.
    const base: ArticleImage[] =
      before?.images ??
      [...new Set(images.map((image) => image.url))].map((url) => ({
        url,
        status: 'removed',
        hash: null,
        bytes: 0,
      }));
    let used = base.reduce((sum, image) => sum + image.bytes, 0);
    let changed = before === undefined && base.length > 0;
    const restored = base.map((image): ArticleImage => {
      const offer = image.status === 'stored' ? undefined : offered.get(image.url);
      if (!offer) return image;
      changed = true;
      const bytes = offer.picture.data.byteLength;
      if (used + bytes > MAX_IMAGE_BYTES_PER_ARTICLE) {
        skipped.push({ origin, code: 'image-too-large', detail: `${image.url} (${bytes} bytes)` });
        return { url: image.url, status: 'too-large', hash: null, bytes: 0 };
      }
      used += bytes;
      attached += 1;
      return { url: image.url, status: 'stored', hash: offer.hash, bytes };
    });
    if (changed) rows.set(articleId, rowOf(articleId, restored, now));
  }

  const shown = new Set([...rows.values()].flatMap((row) => row.hashes));
  return {
    rows: [...rows.values()],
    pictures: [...shown].flatMap((hash) => {
      const picture = pictures.get(hash);
      // Every stored image of a row written here is either the file's or was stored already.
      return picture
        ? [{ hash, data: picture.data, type: picture.type, bytes: picture.data.byteLength }]
        : [];
    }),
    skipped,
    attached,
  };
}

/** The images rows the collection holds for these articles. Runs in the caller's transaction. */
export async function imageRowsOf(
  db: MarginsDatabase,
  articleIds: readonly string[],
): Promise<Map<string, ArticleImagesRow>> {
  const rows = await db.articleImages.bulkGet([...new Set(articleIds)]);
  return new Map(rows.flatMap((row) => (row ? [[row.articleId, row]] : [])));
}

/**
 * Writes a restore plan: the pictures not stored yet, then the rows. Runs in the caller's
 * transaction, which must include `imageTables`.
 */
export async function writeImageRestore(db: MarginsDatabase, plan: ImageRestorePlan) {
  // Keys only: reading the stored pictures to learn they exist would load their bytes.
  const stored = new Set(
    await db.imageBlobs
      .where(':id')
      .anyOf(plan.pictures.map((picture) => picture.hash))
      .primaryKeys(),
  );
  await db.imageBlobs.bulkPut(plan.pictures.filter((picture) => !stored.has(picture.hash)));
  await db.articleImages.bulkPut(plan.rows);
}
