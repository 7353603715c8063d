/**
 * Reads the whole collection for export, newest first, each article with its annotations.
 */
import type { Annotation } from '../shared/annotation.ts';
import { exportChunks, type ExportedArticle } from '../shared/export-format.ts';
import { toRecord } from './records.ts';
import type { MarginsDatabase } from './schema.ts';

export async function exportCollection(db: MarginsDatabase, now: Date): Promise<string[]> {
  return db.transaction('r', db.articles, db.annotations, async () => {
    const byArticle = new Map<string, Annotation[]>();
    await db.annotations.each((annotation) => {
      const list = byArticle.get(annotation.articleId) ?? [];
      list.push(annotation);
      byArticle.set(annotation.articleId, list);
    });
    const articles: ExportedArticle[] = [];
    await db.articles
      .orderBy('savedAt')
      .reverse()
      .each((stored) => {
        const annotations = (byArticle.get(stored.id) ?? []).sort((a, b) =>
          a.created.localeCompare(b.created),
        );
        articles.push({ ...toRecord(stored), annotations });
      });
    return exportChunks(articles, now);
  });
}
