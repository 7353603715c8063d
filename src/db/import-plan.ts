/**
 * The merge of an import as a pure function: from the file's articles and what the collection
 * holds of them, what to write. No IndexedDB here: import.ts reads what is stored, plans with
 * `planMerge` and writes the plan in one transaction. The rules for two records of the same
 * article are in import-records.ts.
 */
import { quoteOf, type Annotation } from '../shared/annotation.ts';
import type { ArticleRecord } from '../shared/article.ts';
import type { ExportedImage } from '../shared/export-format.ts';
import { groupBy } from '../shared/group-by.ts';
import { mergeItem, mergeRecord, sameRecord } from './import-records.ts';
import { toRecord } from './records.ts';
import type { StoredArticle } from './schema.ts';

/** Problems met while merging (the parser's own codes are in src/import/types.ts). */
export const IMPORT_WRITE_PROBLEM_CODES = [
  /** Skipped: an annotation whose id belongs to an annotation of another article. */
  'annotation-id-taken',
  /**
   * Skipped: a picture that would take its article past the images it may keep
   * (MAX_IMAGE_BYTES_PER_ARTICLE); the image keeps its web address.
   */
  'image-too-large',
] as const;
export type ImportWriteProblemCode = (typeof IMPORT_WRITE_PROBLEM_CODES)[number];

export interface ImportWriteProblem {
  origin: string;
  code: ImportWriteProblemCode;
  detail: string;
}

/** One article of the file as Margins would store it, with the highlights that go with it. */
export interface Incoming {
  origin: string;
  /** A Margins export (whose ids are kept) or another service's entry (given fresh ids). */
  source: 'margins' | 'item';
  record: ArticleRecord;
  /** The record's address keys (urlKeysOf). */
  urlKeys: string[];
  annotations: Annotation[];
  /** A Margins export's list of the article's images, when the file carries pictures. */
  images?: ExportedImage[];
}

/** What the collection holds that an import of some articles can meet. */
export interface StoredState {
  /** The saved articles whose address keys the file's articles have, each once. */
  articles: readonly StoredArticle[];
  /** Their annotations. */
  annotations: readonly Annotation[];
  /** Ids of saved articles: at least those the file's articles bring. */
  articleIds: ReadonlySet<string>;
  /** Saved annotations, of any article, with the ids the file's annotations bring. */
  annotationsById: ReadonlyMap<string, Annotation>;
}

export interface MergePlan {
  /** Articles new to the collection: none has derived rows or annotations yet. */
  created: StoredArticle[];
  /** Articles already saved that the import changes. */
  updated: StoredArticle[];
  /** How many articles already saved it meets without changing them. */
  unchanged: number;
  /** Annotations to put: new ones, and newer versions of saved ones. */
  annotations: Annotation[];
  /** Annotations left out. */
  skipped: ImportWriteProblem[];
  /**
   * The id of the article each incoming entry became or joined, in the order of `incoming`:
   * where the entry's images go.
   */
  landedOn: string[];
}

/** An article of the collection as the merge leaves it. */
interface Target {
  record: ArticleRecord;
  urlKeys: string[];
  status: 'created' | 'updated' | 'unchanged';
  annotationIds: Set<string>;
  quotes: Set<string>;
}

function savedTarget(article: StoredArticle, annotations: readonly Annotation[]): Target {
  return {
    record: toRecord(article),
    urlKeys: article.urlKeys,
    status: 'unchanged',
    annotationIds: new Set(annotations.map((annotation) => annotation.id)),
    quotes: new Set(annotations.map(quoteOf)),
  };
}

/**
 * The incoming record merged into the article saved for one of its addresses; returns the
 * addresses it adds to the article: those no other article has (an address belongs to one
 * article, or a later save or import of it would find either).
 */
function mergeInto(target: Target, entry: Incoming, isFree: (key: string) => boolean): string[] {
  const merged =
    entry.source === 'margins'
      ? mergeRecord(target.record, entry.record)
      : mergeItem(target.record, entry.record);
  if (!sameRecord(merged, target.record)) {
    target.record = merged;
    if (target.status === 'unchanged') target.status = 'updated';
  }
  const newKeys = entry.urlKeys.filter(isFree);
  if (newKeys.length > 0) target.urlKeys = [...target.urlKeys, ...newKeys];
  return newKeys;
}

/**
 * Whether an incoming annotation of the target's article is written, noting it on the target.
 * `saved`: the annotation saved with the same id, if any.
 */
function addsTo(
  target: Target,
  annotation: Annotation,
  source: Incoming['source'],
  saved: Annotation | undefined,
): boolean {
  const quote = quoteOf(annotation);
  // Another service's highlight carries a fresh id: the same quote is the same highlight.
  if (source === 'item' && target.quotes.has(quote)) return false;
  const known = target.annotationIds.has(annotation.id);
  if (known && (!saved || annotation.modified <= saved.modified)) return false;
  target.annotationIds.add(annotation.id);
  target.quotes.add(quote);
  if (target.status === 'unchanged') target.status = 'updated';
  return true;
}

/**
 * Merges the file's articles into what is stored, in the file's order: each joins the article
 * saved (or met earlier in the file) under one of its addresses, or is new. Its annotations join
 * it unless their id belongs to another article's, or (for another service's highlights, which
 * carry fresh ids) the article already has a highlight of the same quote; an annotation already
 * saved is replaced only by a newer version of it.
 */
export function planMerge(
  incoming: readonly Incoming[],
  stored: StoredState,
  newId: () => string,
): MergePlan {
  const targets: Target[] = [];
  const byKey = new Map<string, Target>();
  const register = (target: Target, keys: readonly string[]) => {
    for (const key of keys) byKey.set(key, target);
  };
  const isFree = (key: string) => !byKey.has(key);
  const annotationsOf = groupBy(stored.annotations, (annotation) => annotation.articleId);
  for (const article of stored.articles) {
    const target = savedTarget(article, annotationsOf.get(article.id) ?? []);
    targets.push(target);
    register(target, target.urlKeys);
  }

  const annotations = new Map<string, Annotation>();
  const skipped: ImportWriteProblem[] = [];
  const landedOn: string[] = [];
  for (const entry of incoming) {
    let target = entry.urlKeys.map((key) => byKey.get(key)).find((found) => found !== undefined);
    if (target) register(target, mergeInto(target, entry, isFree));
    else {
      const idTaken = entry.source === 'margins' && stored.articleIds.has(entry.record.id);
      target = {
        record: idTaken ? { ...entry.record, id: newId() } : entry.record,
        urlKeys: entry.urlKeys,
        status: 'created',
        annotationIds: new Set(),
        quotes: new Set(),
      };
      targets.push(target);
      register(target, target.urlKeys);
    }
    landedOn.push(target.record.id);
    for (const annotation of entry.annotations) {
      const saved = stored.annotationsById.get(annotation.id);
      if (saved && saved.articleId !== target.record.id) {
        skipped.push({ origin: entry.origin, code: 'annotation-id-taken', detail: annotation.id });
      } else if (addsTo(target, annotation, entry.source, saved)) {
        annotations.set(annotation.id, { ...annotation, articleId: target.record.id });
      }
    }
  }

  const byStatus = groupBy(targets, (target) => target.status);
  const asStored = (status: Target['status']) =>
    (byStatus.get(status) ?? []).map((target): StoredArticle => ({
      ...target.record,
      urlKeys: target.urlKeys,
    }));
  return {
    created: asStored('created'),
    updated: asStored('updated'),
    unchanged: byStatus.get('unchanged')?.length ?? 0,
    annotations: [...annotations.values()],
    skipped,
    landedOn,
  };
}
