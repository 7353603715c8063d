/**
 * Reads the whole collection for export, newest first, one record at a time.
 */
import { exportChunks } from '../shared/export-format.ts';
import type { ArticleRecord } from '../shared/article.ts';
import { toRecord } from './records.ts';
import type { MarginsDatabase } from './schema.ts';

export async function exportCollection(db: MarginsDatabase, now: Date): Promise<string[]> {
  const articles: ArticleRecord[] = [];
  await db.articles
    .orderBy('savedAt')
    .reverse()
    .each((stored) => {
      articles.push(toRecord(stored));
    });
  return exportChunks(articles, now);
}
