/**
 * Highlights and notes. Each is a W3C Web Annotation kept next to its article; deleting the
 * article deletes them in the same transaction.
 */
import type { Annotation, HighlightColour } from '../shared/annotation.ts';
import { bodyFor } from '../shared/annotation.ts';
import type { RangeSelectors } from '../shared/anchoring/types.ts';
import { MarginsError } from '../shared/protocol.ts';
import { normalizeUrl } from '../shared/url.ts';
import { refreshDerived, writeTables } from './derived.ts';
import type { MarginsDatabase } from './schema.ts';

export interface NewAnnotation {
  articleId: string;
  selector: RangeSelectors;
  colour: HighlightColour;
  note: string;
}

export interface AnnotationChanges {
  colour?: HighlightColour;
  note?: string;
  selector?: RangeSelectors;
}

export async function createAnnotation(
  db: MarginsDatabase,
  input: NewAnnotation,
  now: Date,
  newId: () => string = () => crypto.randomUUID(),
): Promise<Annotation> {
  return db.transaction('rw', writeTables(db), async () => {
    const article = await db.articles.get(input.articleId);
    if (!article) throw new MarginsError('not-found', input.articleId);
    const timestamp = now.toISOString();
    const annotation: Annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${newId()}`,
      type: 'Annotation',
      motivation: input.note.trim() ? 'commenting' : 'highlighting',
      created: timestamp,
      modified: timestamp,
      body: bodyFor(input.note),
      target: { source: article.url, selector: input.selector },
      articleId: input.articleId,
      colour: input.colour,
    };
    await db.annotations.add(annotation);
    await refreshDerived(db, input.articleId);
    return annotation;
  });
}

export async function updateAnnotation(
  db: MarginsDatabase,
  annotationId: string,
  changes: AnnotationChanges,
  now: Date,
): Promise<Annotation> {
  return db.transaction('rw', writeTables(db), async () => {
    const current = await db.annotations.get(annotationId);
    if (!current) throw new MarginsError('not-found', annotationId);
    const body = changes.note === undefined ? current.body : bodyFor(changes.note);
    const next: Annotation = {
      ...current,
      colour: changes.colour ?? current.colour,
      body,
      motivation: body.length > 0 ? 'commenting' : 'highlighting',
      target: changes.selector ? { ...current.target, selector: changes.selector } : current.target,
      modified: now.toISOString(),
    };
    await db.annotations.put(next);
    await refreshDerived(db, next.articleId);
    return next;
  });
}

export async function deleteAnnotation(
  db: MarginsDatabase,
  annotationId: string,
): Promise<boolean> {
  return db.transaction('rw', writeTables(db), async () => {
    const existing = await db.annotations.get(annotationId);
    if (!existing) return false;
    await db.annotations.delete(annotationId);
    await refreshDerived(db, existing.articleId);
    return true;
  });
}

/** An article's annotations, oldest first. */
export async function annotationsOf(db: MarginsDatabase, articleId: string): Promise<Annotation[]> {
  const rows = await db.annotations.where('articleId').equals(articleId).toArray();
  return rows.sort((a, b) => a.created.localeCompare(b.created));
}

/** How many annotations each of these articles has, read from the articleId index. */
export async function annotationCounts(
  db: MarginsDatabase,
  articleIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.annotations
    .where('articleId')
    .anyOf([...articleIds])
    .eachKey((key) => {
      const id = String(key);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    });
  return counts;
}

/** The annotations of the saved article at this address, if the address is a saved article's. */
export async function annotationsForPage(db: MarginsDatabase, url: string): Promise<Annotation[]> {
  const key = normalizeUrl(url);
  if (!key) return [];
  const article = await db.articles.where('urlKeys').equals(key).first();
  return article ? annotationsOf(db, article.id) : [];
}
