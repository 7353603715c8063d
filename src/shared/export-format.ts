/**
 * The Margins export document (format "margins-export", version 1), documented field by field in
 * README.md and described by schema/margins-export-v1.schema.json.
 */
import type { Annotation } from './annotation.ts';
import type { ArticleRecord } from './article.ts';
import { htmlText } from './article-html/html-text.ts';

export const EXPORT_FORMAT = 'margins-export';
export const EXPORT_VERSION = 1;

/** An article with its highlights and notes, each a W3C Web Annotation, oldest first. */
export type ExportedArticle = ArticleRecord & { annotations: Annotation[] };

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  articles: ExportedArticle[];
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
  const { annotations, ...record } = article;
  const exported = { ...record, textContent: htmlText(record.contentHtml), annotations };
  return `${isFirst ? '' : ','}\n${JSON.stringify(exported)}`;
}

export const EXPORT_FOOTER_CHUNK = '\n]}\n';

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
