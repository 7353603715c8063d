/**
 * The whole collection as the pieces of one Margins JSON document, for the automatic backup: a
 * service worker cannot hand a stream to the downloads API, so the backup needs the text.
 * Pages export with articlesForExport and a streaming writer instead.
 */
import { exportChunks, type ExportedArticle } from '../shared/export-format.ts';
import { articlesForExport } from './export-stream.ts';
import type { MarginsDatabase } from './schema.ts';

export async function exportCollection(db: MarginsDatabase, now: Date): Promise<string[]> {
  const articles: ExportedArticle[] = [];
  for await (const article of articlesForExport(db)) articles.push(article);
  return exportChunks(articles, now);
}
