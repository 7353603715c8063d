/**
 * Writes an import into the collection: first a dry run that says what would happen
 * (`planImport`), then the import itself (`applyImport`), both from the same merge.
 *
 * Why the import page writes here rather than through the background (which is otherwise the
 * only writer): an import file may be hundreds of megabytes, far more than extension messaging
 * carries, and the whole import must be one transaction so that it lands entirely or not at all.
 * The page runs on the extension's own origin, so it opens the same database; every write still
 * goes through `writeTables` and `refreshDerived`, and committed writes are announced to open
 * pages (changes.ts) as the background's are.
 */
import type { Annotation } from '../shared/annotation.ts';
import type { ArticleRecord } from '../shared/article.ts';
import { urlKeysOf } from '../shared/url.ts';
import type { ImportedItem, ImportParse, ImportProblem } from '../import/types.ts';
import { deriveCreated, refreshInParallel } from './derive-many.ts';
import { markForSync, writeTables } from './derived.ts';
import { placeQuote, prepareImportedBody, type ImportedBody } from './import-body.ts';
import { PostingChanges } from './posting-changes.ts';
import {
  highlightAnnotation,
  mergeItem,
  mergeRecord,
  recordFromItem,
  recordOf,
  sameRecord,
} from './import-records.ts';
import { toRecord } from './records.ts';
import type { MarginsDatabase, StoredArticle } from './schema.ts';

/** Problems met while merging (the parser's own codes are in src/import/types.ts). */
export const IMPORT_WRITE_PROBLEM_CODES = [
  /** Skipped: a highlight whose article has no saved body, so it cannot be placed. */
  'highlight-without-body',
  /** Skipped: a highlight whose quote is not in the saved body. */
  'highlight-not-found',
  /** Skipped: an annotation whose id belongs to an annotation of another article. */
  'annotation-id-taken',
] as const;
export type ImportWriteProblemCode = (typeof IMPORT_WRITE_PROBLEM_CODES)[number];

export interface ImportWriteProblem {
  origin: string;
  code: ImportWriteProblemCode;
  detail: string;
}

export type ImportReportProblem = ImportProblem | ImportWriteProblem;

export interface ImportSummary {
  /** Articles that are not in the collection yet. */
  created: number;
  /** Articles already saved that the import adds to (tags, notes, highlights, newer data). */
  updated: number;
  /** Articles already saved that the import would not change. */
  unchanged: number;
  /** Highlights and notes added. */
  annotations: number;
  /** Entries (or parts of entries) left out: the parser's, then the merge's. */
  skipped: ImportReportProblem[];
  /** Entries kept without a value. */
  warnings: ImportProblem[];
}

export interface ImportOptions {
  /** Parses and cleans imported bodies; the page's own document. */
  document?: Document;
  newId?: () => string;
}

/** Reports how far writing has gone, from 0 to 1. */
export type ImportProgress = (fraction: number) => void;

/** One article of the file as Margins would store it, with the highlights that go with it. */
interface Incoming {
  origin: string;
  source: 'margins' | 'item';
  record: ArticleRecord;
  annotations: Annotation[];
}

/** An article of the collection as the merge leaves it. */
interface Target {
  record: ArticleRecord;
  urlKeys: string[];
  status: 'created' | 'updated' | 'unchanged';
  annotationIds: Set<string>;
  quotes: Set<string>;
}

interface Merge {
  summary: ImportSummary;
  /** Articles new to the collection: none has derived rows or annotations yet. */
  created: StoredArticle[];
  /** Articles already saved that the import changes. */
  updated: StoredArticle[];
  annotations: Annotation[];
}

/** Bodies are cleaned once per item, however many times it is planned and applied. */
const preparedBodies = new WeakMap<ImportedItem, ImportedBody | null>();

function bodyOf(item: ImportedItem, doc: Document | undefined): ImportedBody | null {
  if (!item.contentHtml) return null;
  const cached = preparedBodies.get(item);
  if (cached !== undefined) return cached;
  if (!doc) throw new Error('Importing a saved body needs a document');
  const body = prepareImportedBody(item.contentHtml, item.url, doc);
  preparedBodies.set(item, body);
  return body;
}

function quoteDetail(quote: string): string {
  return JSON.stringify(quote.length > 80 ? `${quote.slice(0, 80)}…` : quote);
}

function incomingOf(
  parse: ImportParse,
  now: Date,
  options: Settings,
  skipped: ImportWriteProblem[],
): Incoming[] {
  if (parse.kind === 'margins') {
    return parse.articles.map((article) => ({
      origin: article.url,
      source: 'margins',
      record: recordOf(article),
      annotations: article.annotations,
    }));
  }
  return parse.items.map((item) => {
    const body = bodyOf(item, options.document);
    const record = recordFromItem(item, body, options.newId(), now);
    const annotations = item.highlights.flatMap((highlight) => {
      const selector = body && placeQuote(body.articleText, highlight.quote);
      if (!selector) {
        const code = body ? 'highlight-not-found' : 'highlight-without-body';
        skipped.push({ origin: item.origin, code, detail: quoteDetail(highlight.quote) });
        return [];
      }
      const created = highlight.created ?? record.savedAt;
      return [highlightAnnotation(options.newId(), record, selector, highlight.note, created)];
    });
    return { origin: item.origin, source: 'item', record, annotations };
  });
}

/**
 * Merges the incoming articles with the collection, in memory: reads only the articles whose
 * addresses (or ids) the file names, and their annotations. Runs inside a transaction.
 */
async function merge(
  db: MarginsDatabase,
  parse: ImportParse,
  now: Date,
  options: Settings,
): Promise<Merge> {
  const writeSkipped: ImportWriteProblem[] = [];
  const incoming = incomingOf(parse, now, options, writeSkipped);
  const keysOf = incoming.map((entry) => urlKeysOf(entry.record));
  const allKeys = [...new Set(keysOf.flat())];
  const saved =
    allKeys.length > 0 ? await db.articles.where('urlKeys').anyOf(allKeys).toArray() : [];
  // One index lookup per saved article, sent together (`anyOf` walks a cursor step by step).
  const savedAnnotations = (
    await Promise.all(
      saved.map((article) => db.annotations.where('articleId').equals(article.id).toArray()),
    )
  ).flat();
  // Ids the file brings that the collection already uses elsewhere.
  const incomingIds = incoming
    .filter((entry) => entry.source === 'margins')
    .map((entry) => entry.record.id);
  // All ids in one read each, then only the ids the collection really has are fetched: a get
  // per incoming annotation would be tens of thousands of requests for a large file.
  const [articleIds, annotationIds] = await Promise.all([
    db.articles.toCollection().primaryKeys(),
    db.annotations.toCollection().primaryKeys(),
  ]);
  const existingArticleIds = new Set(articleIds);
  const existingAnnotationIds = new Set(annotationIds);
  const takenArticleIds = new Set(incomingIds.filter((id) => existingArticleIds.has(id)));
  const incomingAnnotationIds = incoming
    .flatMap((entry) => entry.annotations.map((a) => a.id))
    .filter((id) => existingAnnotationIds.has(id));
  const takenAnnotations = new Map(
    (await db.annotations.bulkGet(incomingAnnotationIds)).flatMap((annotation) =>
      annotation ? [[annotation.id, annotation] as const] : [],
    ),
  );

  const byKey = new Map<string, Target>();
  const targets: Target[] = [];
  const register = (target: Target) => {
    targets.push(target);
    for (const key of target.urlKeys) byKey.set(key, target);
  };
  const annotationsOf = new Map<string, Annotation[]>();
  for (const annotation of savedAnnotations) {
    const list = annotationsOf.get(annotation.articleId) ?? [];
    list.push(annotation);
    annotationsOf.set(annotation.articleId, list);
  }
  for (const stored of saved) {
    const list = annotationsOf.get(stored.id) ?? [];
    register({
      record: toRecord(stored),
      urlKeys: stored.urlKeys,
      status: 'unchanged',
      annotationIds: new Set(list.map((annotation) => annotation.id)),
      quotes: new Set(list.map((annotation) => annotation.target.selector[0].exact)),
    });
  }

  const annotationsToWrite = new Map<string, Annotation>();
  incoming.forEach((entry, index) => {
    const keys = keysOf[index] ?? [];
    const existing = keys.map((key) => byKey.get(key)).find((target) => target !== undefined);
    let target: Target;
    if (existing) {
      const merged =
        entry.source === 'margins'
          ? mergeRecord(existing.record, entry.record)
          : mergeItem(existing.record, entry.record);
      if (!sameRecord(merged, existing.record)) {
        existing.record = merged;
        if (existing.status === 'unchanged') existing.status = 'updated';
      }
      const newKeys = keys.filter((key) => !existing.urlKeys.includes(key));
      if (newKeys.length > 0) {
        existing.urlKeys = [...existing.urlKeys, ...newKeys];
        for (const key of newKeys) byKey.set(key, existing);
      }
      target = existing;
    } else {
      const idTaken = entry.source === 'margins' && takenArticleIds.has(entry.record.id);
      const record = idTaken ? { ...entry.record, id: options.newId() } : entry.record;
      target = {
        record,
        urlKeys: keys,
        status: 'created',
        annotationIds: new Set(),
        quotes: new Set(),
      };
      register(target);
    }
    for (const annotation of entry.annotations) {
      const quote = annotation.target.selector[0].exact;
      const elsewhere = takenAnnotations.get(annotation.id);
      if (elsewhere && elsewhere.articleId !== target.record.id) {
        writeSkipped.push({
          origin: entry.origin,
          code: 'annotation-id-taken',
          detail: annotation.id,
        });
        continue;
      }
      const known = target.annotationIds.has(annotation.id);
      // A highlight of another service carries a fresh id: the same quote is the same highlight.
      if (entry.source === 'item' && target.quotes.has(quote)) continue;
      if (known && (!elsewhere || annotation.modified <= elsewhere.modified)) continue;
      const placed = { ...annotation, articleId: target.record.id };
      annotationsToWrite.set(placed.id, placed);
      target.annotationIds.add(placed.id);
      target.quotes.add(quote);
      if (target.status === 'unchanged') target.status = 'updated';
    }
  });

  const stored = (status: Target['status']) =>
    targets
      .filter((target) => target.status === status)
      .map((target): StoredArticle => ({ ...target.record, urlKeys: target.urlKeys }));
  const count = (status: Target['status']) =>
    targets.filter((target) => target.status === status).length;
  return {
    summary: {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      annotations: annotationsToWrite.size,
      skipped: [...parse.skipped, ...writeSkipped],
      warnings: parse.warnings,
    },
    created: stored('created'),
    updated: stored('updated'),
    annotations: [...annotationsToWrite.values()],
  };
}

interface Settings {
  document: Document | undefined;
  newId: () => string;
}

function withDefaults(options: ImportOptions): Settings {
  return {
    document: options.document ?? (typeof document === 'undefined' ? undefined : document),
    newId: options.newId ?? (() => crypto.randomUUID()),
  };
}

/**
 * What the import would do, without writing anything. Articles saved in the collection but not
 * named by the file are not counted.
 */
export async function planImport(
  db: MarginsDatabase,
  parse: ImportParse,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const now = new Date();
  return db.transaction('r', db.articles, db.annotations, async () => {
    const { summary } = await merge(db, parse, now, withDefaults(options));
    return summary;
  });
}

/** Rows put per request: large enough to be quick, small enough to report progress. */
const WRITE_BATCH = 500;
async function putInBatches<T>(
  rows: readonly T[],
  put: (batch: T[]) => Promise<unknown>,
  step: (amount: number) => void,
): Promise<void> {
  for (let at = 0; at < rows.length; at += WRITE_BATCH) {
    const batch = rows.slice(at, at + WRITE_BATCH);
    await put(batch);
    step(batch.length);
  }
}

/**
 * Imports in one transaction over every table a write touches: if anything fails (a full disk,
 * a closed page), the transaction is rolled back and the collection stays as it was.
 */
export async function applyImport(
  db: MarginsDatabase,
  parse: ImportParse,
  now: Date,
  onProgress?: ImportProgress,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const settings = withDefaults(options);
  return db.transaction('rw', writeTables(db), async () => {
    const { summary, created, updated, annotations } = await merge(db, parse, now, settings);
    // One step per row written: articles, annotations, cards and search words of new articles,
    // a refresh per updated article; the search postings weigh about one step per article.
    const postingSteps = created.length + updated.length;
    const steps = created.length * 3 + updated.length * 2 + annotations.length + postingSteps || 1;
    let done = 0;
    const step = (amount: number) => {
      done += amount;
      onProgress?.(done / steps);
    };
    onProgress?.(0);
    await putInBatches([...created, ...updated], (batch) => db.articles.bulkPut(batch), step);
    await putInBatches(annotations, (batch) => db.annotations.bulkPut(batch), step);
    const postings = new PostingChanges();
    const derived = await deriveCreated(db, created, annotations, postings);
    await markForSync(
      db,
      created.map((article) => article.id),
    );
    await putInBatches(derived.cards, (batch) => db.cards.bulkPut(batch), step);
    await putInBatches(derived.searchDocs, (batch) => db.searchDocs.bulkPut(batch), step);
    await refreshInParallel(db, updated, postings, () => step(1));
    const before = done;
    await postings.applyTo(db.postings, (fraction) => {
      done = before + fraction * postingSteps;
      onProgress?.(done / steps);
    });
    onProgress?.(1);
    return summary;
  });
}
