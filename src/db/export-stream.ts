/**
 * The collection read for an export a few hundred articles at a time, newest first, each with
 * its annotations: an export of any size never holds the whole collection in memory, and no
 * read transaction stays open while the file is being written.
 */
import type { Annotation } from '../shared/annotation.ts';
import type { ExportedArticle } from '../shared/export-format.ts';
import { groupBy } from '../shared/group-by.ts';
import { exportedImagesOf } from './image-transfer.ts';
import { toRecord } from './records.ts';
import type { MarginsDatabase } from './schema.ts';

/** Articles read per transaction. */
export const EXPORT_BATCH = 200;

export interface ExportFilter {
  /** Only these articles (e.g. those the list shows), still newest first. */
  articleIds?: readonly string[];
  /**
   * Each article with its images listed (`ExportedArticle.images`), for an export that carries
   * the pictures; an article never looked at for images has no list.
   */
  images?: boolean;
}

const byCreation = (a: Annotation, b: Annotation) =>
  a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The ids to export, newest first; ids are small, so the whole list is read at once. */
async function orderedIds(db: MarginsDatabase, filter: ExportFilter): Promise<string[]> {
  const ids = (await db.articles.orderBy('savedAt').reverse().primaryKeys()) as string[];
  if (!filter.articleIds) return ids;
  const wanted = new Set(filter.articleIds);
  return ids.filter((id) => wanted.has(id));
}

async function readBatch(
  db: MarginsDatabase,
  ids: string[],
  withImages: boolean,
): Promise<ExportedArticle[]> {
  return db.transaction('r', [db.articles, db.annotations, db.articleImages], async () => {
    // One index lookup per article, sent together: `anyOf` would walk a cursor one annotation
    // per round trip, which is most of an export's time in Chromium.
    const [articles, annotationLists, imageRows] = await Promise.all([
      db.articles.bulkGet(ids),
      Promise.all(ids.map((id) => db.annotations.where('articleId').equals(id).toArray())),
      // The small per-article rows only: the pictures are read when the writer needs them.
      withImages ? db.articleImages.bulkGet(ids) : [],
    ]);
    const byArticle = groupBy(annotationLists.flat(), (annotation) => annotation.articleId);
    // An article deleted since the ids were read is left out.
    return articles.flatMap((stored, index): ExportedArticle[] => {
      if (!stored) return [];
      const annotations = (byArticle.get(stored.id) ?? []).sort(byCreation);
      const row = imageRows[index];
      return [
        row
          ? { ...toRecord(stored), annotations, images: exportedImagesOf(row) }
          : { ...toRecord(stored), annotations },
      ];
    });
  });
}

export async function* articlesForExport(
  db: MarginsDatabase,
  filter: ExportFilter = {},
): AsyncGenerator<ExportedArticle> {
  const ids = await orderedIds(db, filter);
  const read = (at: number) => {
    const batch = readBatch(db, ids.slice(at, at + EXPORT_BATCH), filter.images === true);
    // Awaited below; this only keeps an export stopped early from leaving a rejection unheard.
    batch.catch(() => undefined);
    return batch;
  };
  // The next batch is read while the writer turns this one into bytes.
  let next = ids.length > 0 ? read(0) : null;
  for (let at = 0; next; at += EXPORT_BATCH) {
    const current = await next;
    next = at + EXPORT_BATCH < ids.length ? read(at + EXPORT_BATCH) : null;
    yield* current;
  }
}
