/**
 * The pictures of a Margins export that carries them (README "Export format", `images`), and
 * each article's list of its images. Nothing is taken on trust: a picture is kept only if its
 * data is base64 of bytes whose SHA-256 is the hash it is filed under, and its type an image
 * type; any other is a problem line, and the images showing it keep their web address.
 */
import * as v from 'valibot';
import { isKeptImageType, MAX_IMAGES_PER_ARTICLE } from '../shared/article-images.ts';
import { ArticleRecordSchema } from '../shared/article.ts';
import type { ExportedImage, ExportedPicture } from '../shared/export-format.ts';
import type { ProblemLog } from './problems.ts';
import { quoted } from './problems.ts';
import { describeIssues } from './validation.ts';

/** How Margins files its pictures: the SHA-256 of the bytes, in lower-case hex. */
const PICTURE_HASH = /^[0-9a-f]{64}$/;

const PictureSchema = v.object({
  type: v.pipe(
    v.string(),
    v.maxLength(100),
    v.toLowerCase(),
    v.check(isKeptImageType, 'not a picture type Margins keeps'),
  ),
  data: v.string(),
});

const ImageEntrySchema = v.object({
  url: ArticleRecordSchema.entries.url,
  hash: v.nullable(v.string()),
});

/** Characters decoded at once: a multiple of 4, so each slice is whole base64 on its own. */
const BASE64_SLICE_CHARS = 64 * 1024;

/**
 * The bytes of strict base64 (RFC 4648: its alphabet only, padded, no white space), or null.
 * Checked with simple scans rather than one pattern over the whole text: a picture's base64 is
 * megabytes long.
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(text)) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (text.indexOf('=') !== -1 && text.indexOf('=') < text.length - padding) return null;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let at = 0;
  for (let from = 0; from < text.length; from += BASE64_SLICE_CHARS) {
    let binary: string;
    try {
      binary = atob(text.slice(from, from + BASE64_SLICE_CHARS));
    } catch {
      return null;
    }
    for (let index = 0; index < binary.length; index += 1) bytes[at++] = binary.charCodeAt(index);
  }
  return bytes;
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface FilePictures {
  /** The pictures that are what the file says, by hash. */
  kept: Map<string, ExportedPicture>;
  /** Hashes of the file's pictures that were rejected (each already a problem line). */
  rejected: Set<string>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The file's `images` object, each picture checked; one that fails costs only itself. `onEach`
 * lets the caller report progress and let the page breathe between pictures.
 */
export async function readFilePictures(
  raw: unknown,
  problems: ProblemLog,
  onEach: (done: number, total: number) => Promise<void>,
): Promise<FilePictures> {
  const kept = new Map<string, ExportedPicture>();
  const rejected = new Set<string>();
  if (raw === undefined) return { kept, rejected };
  if (!isPlainObject(raw)) {
    problems.skip('images', 'invalid-image', 'not an object of pictures by hash');
    return { kept, rejected };
  }
  // Own keys only, as JSON.parse made them: a key `__proto__` is data here, never a prototype.
  const entries = Object.entries(raw);
  for (const [index, [hash, value]] of entries.entries()) {
    const where = `images[${quoted(hash, 80)}]`;
    const reject = (detail: string) => {
      rejected.add(hash);
      problems.skip(where, 'invalid-image', detail);
    };
    const picture = v.safeParse(PictureSchema, value);
    if (!PICTURE_HASH.test(hash)) reject('key: not a SHA-256 in hex');
    else if (!picture.success) reject(describeIssues(picture.issues));
    else {
      const bytes = decodeBase64(picture.output.data);
      if (!bytes) reject('data: not base64');
      else if (bytes.byteLength === 0) reject('data: empty');
      else {
        const actual = await sha256Hex(bytes);
        if (actual !== hash) reject(`data: its SHA-256 is ${actual}`);
        else kept.set(hash, { type: picture.output.type, data: bytes.buffer });
      }
    }
    await onEach(index + 1, entries.length);
  }
  return { kept, rejected };
}

/**
 * An article's list of its images, each address with the picture the file carries for it (or
 * null). An entry naming a picture that is not among the file's kept ones loses its hash: the
 * image stays on the web. Undefined when the article has no list (a file without pictures).
 */
export function readArticleImages(
  raw: readonly unknown[] | undefined,
  origin: string,
  pictures: FilePictures,
  problems: ProblemLog,
): ExportedImage[] | undefined {
  if (raw === undefined) return undefined;
  const images: ExportedImage[] = [];
  for (const [index, entry] of raw.entries()) {
    const where = `${origin}.images[${index}]`;
    if (index >= MAX_IMAGES_PER_ARTICLE) {
      problems.skip(where, 'invalid-image', `more than ${MAX_IMAGES_PER_ARTICLE} images`);
      break;
    }
    const image = v.safeParse(ImageEntrySchema, entry);
    if (!image.success) {
      problems.skip(where, 'invalid-image', describeIssues(image.issues));
      continue;
    }
    const { url, hash } = image.output;
    if (hash !== null && !pictures.kept.has(hash)) {
      // A picture rejected above has its problem line already; one the file lacks gets its own.
      if (!pictures.rejected.has(hash)) {
        problems.skip(where, 'invalid-image', `hash: ${quoted(hash, 80)} is not in images`);
      }
      images.push({ url, hash: null });
    } else images.push({ url, hash });
  }
  return images;
}
