/**
 * The Margins export document (format "margins-export", version 1), documented field by field in
 * README.md and described by schema/margins-export-v1.schema.json.
 */
import type { Annotation } from './annotation.ts';
import type { ArticleRecord } from './article.ts';
import { htmlText } from './article-html/html-text.ts';

export const EXPORT_FORMAT = 'margins-export';
export const EXPORT_VERSION = 1;

/**
 * One image of an article's body, as an export that carries pictures lists it: the address its
 * `<img>` resolves to (article-images.ts's `imageSourceOf`) and the SHA-256 of the picture kept
 * for it, or null when Margins does not hold one (never fetched, refused, too large, removed).
 */
export interface ExportedImage {
  url: string;
  hash: string | null;
}

/**
 * An article with its highlights and notes, each a W3C Web Annotation, oldest first. `images`
 * (in reading order) only when the export carries pictures: a file without it is as before.
 */
export type ExportedArticle = ArticleRecord & {
  annotations: Annotation[];
  images?: ExportedImage[];
};

/** A stored picture: its MIME type and its bytes. */
export interface ExportedPicture {
  type: string;
  data: ArrayBuffer;
}

/**
 * Reads stored pictures by hash; a hash Margins no longer holds is missing from the answer.
 * Writers ask for a few at a time, so an export never holds every picture at once.
 */
export type PictureReader = (
  hashes: readonly string[],
) => Promise<ReadonlyMap<string, ExportedPicture>>;

/** A picture in the document: the bytes as base64 (RFC 4648, with padding). */
export interface ExportedPictureData {
  type: string;
  data: string;
}

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  articles: ExportedArticle[];
  /** The pictures the articles' `images` name, each once, by hash; only when carried. */
  images?: Record<string, ExportedPictureData>;
}

/** `2026-11-27`: the export's date in the user's own time zone, as every export file is named. */
export function localDateStamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `margins-2026-11-27.json`, dated in the user's own time zone. */
export function exportFileName(now: Date): string {
  return `margins-${localDateStamp(now)}.json`;
}

/**
 * The pieces of the document, shared by `exportChunks` and the streaming writer in src/export so
 * both produce the same bytes: the header opens the `articles` list, each article is one piece,
 * and the footer closes the list and the document.
 */
export function exportHeaderChunk(now: Date): string {
  const header = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString() };
  return `${JSON.stringify(header).slice(0, -1)},"articles":[`;
}

/**
 * One article as the file holds it: the record, the body's plain text (`textContent`, for readers
 * of the file; the library derives it instead of storing it, and import ignores it), and its
 * annotations.
 */
export function exportArticleChunk(article: ExportedArticle, isFirst: boolean): string {
  const { annotations, images, ...record } = article;
  const exported = {
    ...record,
    textContent: htmlText(record.contentHtml),
    annotations,
    // Last, and only when the export carries pictures: files without them stay as they were.
    ...(images ? { images } : {}),
  };
  return `${isFirst ? '' : ','}\n${JSON.stringify(exported)}`;
}

export const EXPORT_FOOTER_CHUNK = '\n]}\n';

/**
 * An export that carries pictures ends differently: the `articles` list is closed and the
 * `images` object follows, written after the articles because a streaming writer only knows
 * which pictures they show once it has read them.
 */
export const EXPORT_IMAGES_OPENING_CHUNK = '\n],"images":{';

/** The opening of one picture's entry in `images`; its base64 and EXPORT_PICTURE_CLOSING follow. */
export function exportPictureOpening(hash: string, type: string, isFirst: boolean): string {
  return `${isFirst ? '' : ','}\n${JSON.stringify(hash)}:{"type":${JSON.stringify(type)},"data":"`;
}

export const EXPORT_PICTURE_CLOSING = '"}';

export const EXPORT_IMAGES_FOOTER_CHUNK = '\n}}\n';

/**
 * The export as a list of text pieces, one per article, so a large collection becomes a Blob
 * without ever being one giant string. Joined, the pieces are one valid JSON document.
 */
export function exportChunks(articles: Iterable<ExportedArticle>, now: Date): string[] {
  const chunks = [exportHeaderChunk(now)];
  for (const article of articles) chunks.push(exportArticleChunk(article, chunks.length === 1));
  chunks.push(EXPORT_FOOTER_CHUNK);
  return chunks;
}
