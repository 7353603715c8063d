/**
 * Writes an import into the collection: first a dry run that says what would happen
 * (`planImport`), then the import itself (`applyImport`). Both read what the collection holds of
 * the file's articles, and plan with the same pure merge (import-plan.ts); the import then
 * writes the plan in the transaction it read in.
 *
 * Why the import page writes here rather than through the background (which is otherwise the
 * only writer): an import file may be hundreds of megabytes, far more than extension messaging
 * carries, and the whole import must be one transaction so that it lands entirely or not at all.
 * The page runs on the extension's own origin, so it opens the same database; every write still
 * goes through `writeTables` and `refreshDerived`, and committed writes are announced to open
 * pages (changes.ts) as the background's are.
 */
import { urlKeysOf } from '../shared/url.ts';
import type { ImportedItem, ImportParse, ImportProblem } from '../import/types.ts';
import { deriveCreated, refreshInParallel } from './derive-many.ts';
import { markForSync, writeTables } from './derived.ts';
import {
  placeQuote,
  prepareImportedBody,
  quoteSelector,
  type ImportedBody,
} from './import-body.ts';
import {
  planMerge,
  type ImportWriteProblem,
  type Incoming,
  type MergePlan,
  type StoredState,
} from './import-plan.ts';
import { highlightAnnotation, recordFromItem, recordOf } from './import-records.ts';
import {
  imageRowsOf,
  planImageRestore,
  writeImageRestore,
  type ImageRestorePlan,
} from './image-transfer.ts';
import { imageTables } from './images.ts';
import { PostingChanges } from './posting-changes.ts';
import type { MarginsDatabase } from './schema.ts';

export {
  IMPORT_WRITE_PROBLEM_CODES,
  type ImportWriteProblem,
  type ImportWriteProblemCode,
} from './import-plan.ts';

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
  /** Images of the file's articles given the picture the file carries (a Margins export's). */
  images: number;
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

/**
 * The file's articles as Margins would store them. A highlight is placed by its quote when the
 * item brings a body that holds it; otherwise it is kept with its quote alone (the reader places
 * it once the article's text is saved, or lists it with its quote): never dropped.
 */
function incomingOf(parse: ImportParse, now: Date, settings: Settings): Incoming[] {
  if (parse.kind === 'margins') {
    return parse.articles.map((article): Incoming => {
      const record = recordOf(article);
      const { annotations, images } = article;
      return {
        origin: article.url,
        source: 'margins',
        record,
        urlKeys: urlKeysOf(record),
        annotations,
        ...(images ? { images } : {}),
      };
    });
  }
  return parse.items.map((item): Incoming => {
    const body = bodyOf(item, settings.document);
    const record = recordFromItem(item, body, settings.newId(), now);
    const annotations = item.highlights.map((highlight) => {
      const selector = (body && placeQuote(body.articleText, highlight.quote)) ?? [
        quoteSelector(highlight.quote),
      ];
      const created = highlight.created ?? record.savedAt;
      return highlightAnnotation(settings.newId(), record, selector, highlight.note, created);
    });
    return { origin: item.origin, source: 'item', record, urlKeys: urlKeysOf(record), annotations };
  });
}

/**
 * What the collection holds of the file's articles: only the articles saved under their
 * addresses, with their annotations, and the saved annotations whose ids the file uses. Runs
 * inside a transaction.
 */
async function readStored(
  db: MarginsDatabase,
  incoming: readonly Incoming[],
): Promise<StoredState> {
  const keys = [...new Set(incoming.flatMap((entry) => entry.urlKeys))];
  // All ids in one read each, then only the annotations the file names that the collection
  // really has are fetched: a get per incoming annotation would be tens of thousands of
  // requests for a large file.
  const [articles, articleIds, annotationIds] = await Promise.all([
    // distinct(): an article found under two of the keys (its address and its canonical
    // address) is one article, not two.
    keys.length > 0 ? db.articles.where('urlKeys').anyOf(keys).distinct().toArray() : [],
    db.articles.toCollection().primaryKeys(),
    db.annotations.toCollection().primaryKeys(),
  ]);
  const existing = new Set(annotationIds);
  const named = incoming.flatMap((entry) =>
    entry.annotations.flatMap((annotation) => (existing.has(annotation.id) ? [annotation.id] : [])),
  );
  const [annotationLists, namedAnnotations] = await Promise.all([
    // One index lookup per saved article, sent together (`anyOf` walks a cursor step by step).
    Promise.all(
      articles.map((article) => db.annotations.where('articleId').equals(article.id).toArray()),
    ),
    db.annotations.bulkGet(named),
  ]);
  return {
    articles,
    annotations: annotationLists.flat(),
    articleIds: new Set(articleIds),
    annotationsById: new Map(
      namedAnnotations.flatMap((annotation) => (annotation ? [[annotation.id, annotation]] : [])),
    ),
  };
}

function summaryOf(parse: ImportParse, plan: MergePlan, images: ImageRestorePlan): ImportSummary {
  return {
    created: plan.created.length,
    updated: plan.updated.length,
    unchanged: plan.unchanged,
    annotations: plan.annotations.length,
    images: images.attached,
    skipped: [...parse.skipped, ...plan.skipped, ...images.skipped],
    warnings: parse.warnings,
  };
}

/**
 * Where the file's images go: to the article each entry became or joined (plan.landedOn). Reads
 * those articles' images rows, inside the caller's transaction.
 */
async function planImageRestoreOf(
  db: MarginsDatabase,
  parse: ImportParse,
  incoming: readonly Incoming[],
  plan: MergePlan,
  now: Date,
): Promise<ImageRestorePlan> {
  const withImages = incoming.flatMap((entry, index) => {
    const articleId = plan.landedOn[index];
    return entry.images && articleId !== undefined
      ? [{ origin: entry.origin, articleId, images: entry.images }]
      : [];
  });
  const pictures = parse.kind === 'margins' ? (parse.pictures ?? new Map()) : new Map();
  if (withImages.length === 0) return planImageRestore([], new Map(), pictures, now);
  const saved = await imageRowsOf(
    db,
    withImages.map((entry) => entry.articleId),
  );
  return planImageRestore(withImages, saved, pictures, now);
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
  const settings = withDefaults(options);
  const now = new Date();
  const incoming = incomingOf(parse, now, settings);
  return db.transaction('r', [db.articles, db.annotations, db.articleImages], async () => {
    const plan = planMerge(incoming, await readStored(db, incoming), settings.newId);
    return summaryOf(parse, plan, await planImageRestoreOf(db, parse, incoming, plan, now));
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

/** Writes a plan: articles, annotations, then what is derived from them, reporting progress. */
async function writePlan(
  db: MarginsDatabase,
  { created, updated, annotations }: MergePlan,
  onProgress: ImportProgress | undefined,
): Promise<void> {
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
}

/**
 * Imports in one transaction over every table a write touches, the reads the plan is made from
 * included: if anything fails (a full disk, a closed page), the transaction is rolled back and
 * the collection stays as it was.
 */
export async function applyImport(
  db: MarginsDatabase,
  parse: ImportParse,
  now: Date,
  onProgress?: ImportProgress,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const settings = withDefaults(options);
  const incoming = incomingOf(parse, now, settings);
  return db.transaction('rw', [...writeTables(db), ...imageTables(db)], async () => {
    const plan = planMerge(incoming, await readStored(db, incoming), settings.newId);
    const images = await planImageRestoreOf(db, parse, incoming, plan, now);
    await writePlan(db, plan, onProgress);
    await writeImageRestore(db, images);
    return summaryOf(parse, plan, images);
  });
}
