/**
 * The Margins export document (format "margins-export", version 1), documented field by field in
 * README.md and described by schema/margins-export-v1.schema.json.
 */
import type { Annotation } from './annotation.ts';
import type { ArticleRecord } from './article.ts';

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

/** `margins-2026-11-27.json`, dated in the user's own time zone. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `margins-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/**
 * The export as a list of text pieces, one per article, so a large collection becomes a Blob
 * without ever being one giant string. Joined, the pieces are one valid JSON document.
 */
export function exportChunks(articles: Iterable<ExportedArticle>, now: Date): string[] {
  const header = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString() };
  const chunks = [`${JSON.stringify(header).slice(0, -1)},"articles":[`];
  let first = true;
  for (const article of articles) {
    chunks.push(`${first ? '' : ','}\n${JSON.stringify(article)}`);
    first = false;
  }
  chunks.push('\n]}\n');
  return chunks;
}
