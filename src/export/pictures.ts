/**
 * The stored pictures as the formats that carry them need them: read a few at a time, named
 * after their hash in a ZIP, and written as base64 in JSON without one giant string.
 */
import type { ExportedImage, ExportedPicture, PictureReader } from '../shared/export-format.ts';

/** Pictures read at once: enough to save round trips, few enough that memory stays small. */
export const PICTURES_PER_READ = 8;

/** A SHA-256 in hex, as Margins keys its pictures: only such a hash may name a file. */
const PICTURE_HASH = /^[0-9a-f]{64}$/;

export function isPictureHash(hash: string): boolean {
  return PICTURE_HASH.test(hash);
}

/** The hashes of the pictures an article's images list names, each once, in reading order. */
export function pictureHashesOf(images: readonly ExportedImage[] | undefined): string[] {
  const hashes = new Set<string>();
  for (const image of images ?? []) {
    if (image.hash !== null && isPictureHash(image.hash)) hashes.add(image.hash);
  }
  return [...hashes];
}

/** The pictures among `hashes`, in their order, PICTURES_PER_READ per read; missing ones skipped. */
export async function* readPictures(
  read: PictureReader,
  hashes: Iterable<string>,
): AsyncGenerator<[hash: string, picture: ExportedPicture]> {
  const all = [...hashes];
  for (let at = 0; at < all.length; at += PICTURES_PER_READ) {
    const batch = all.slice(at, at + PICTURES_PER_READ);
    const found = await read(batch);
    for (const hash of batch) {
      const picture = found.get(hash);
      if (picture) yield [hash, picture];
    }
  }
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'image/bmp': 'bmp',
  'image/x-icon': 'ico',
  'image/vnd.microsoft.icon': 'ico',
  'image/tiff': 'tiff',
  'image/heic': 'heic',
};

/**
 * The file extension for a picture's MIME type, so an unpacked archive opens each picture in the
 * right program; an unknown type falls back to its subtype's letters and digits, then `bin`.
 */
export function extensionOf(type: string): string {
  const mime = type.split(';')[0]?.trim().toLowerCase() ?? '';
  const known = EXTENSIONS[mime];
  if (known) return known;
  const subtype = /^image\/([a-z0-9]{1,10})$/.exec(mime)?.[1];
  return subtype ?? 'bin';
}

/**
 * Base64 of the bytes in pieces (each a whole number of 3-byte groups, so the pieces join into
 * one valid encoding): a 15 MB picture never becomes one 20 MB string at once.
 */
const BASE64_SLICE_BYTES = 3 * 16 * 1024;
/** Bytes turned into one binary string per call: String.fromCharCode takes its arguments on the stack. */
const CHAR_CODES_PER_CALL = 8 * 1024;

export function* base64Pieces(data: ArrayBuffer): Generator<string> {
  const bytes = new Uint8Array(data);
  for (let at = 0; at < bytes.length; at += BASE64_SLICE_BYTES) {
    const slice = bytes.subarray(at, at + BASE64_SLICE_BYTES);
    let binary = '';
    for (let from = 0; from < slice.length; from += CHAR_CODES_PER_CALL) {
      binary += String.fromCharCode(...slice.subarray(from, from + CHAR_CODES_PER_CALL));
    }
    yield btoa(binary);
  }
}
