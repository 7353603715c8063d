/**
 * Runs inside a copy of the built extension (see ../harness/seeded-extension.ts), on an extra
 * page that only test and bench copies have: it fills the library through Margins' own storage
 * code and times the popup's own read code. The product build never contains it.
 */
import { saveSnapshot } from '../../../src/db/articles.ts';
import { refreshDerived, writeTables } from '../../../src/db/derived.ts';
import { PostingChanges } from '../../../src/db/posting-changes.ts';
import { articlesForExport } from '../../../src/db/export-stream.ts';
import { LibraryReader, openForReading } from '../../../src/db/read/idb.ts';
import { cardsFor, listKeys, NO_FILTER } from '../../../src/db/read/list.ts';
import { openDatabase } from '../../../src/db/schema.ts';
import { exportFormat, exportToBlob } from '../../../src/export/index.ts';
import type { Annotation } from '../../../src/shared/annotation.ts';
import { highlightAnnotation } from '../../../src/db/import-records.ts';
import { describeRange } from '../../../src/shared/anchoring/describe.ts';
import { articleTextOf } from '../../../src/shared/article-body.ts';
import { generateArticle } from './generate.ts';
import {
  cardCount,
  engineSyncOutcome,
  startEngineSync,
  libraryDigest,
  searchArticleIds,
} from './sync-bench.ts';

const db = openDatabase();
const FIRST_SCREEN = 20;

/** A highlight of `quote` where it first appears in the article text, with an optional note. */
function annotationFor(
  article: { id: string; url: string },
  text: string,
  quote: string,
  note: string,
  at: string,
): Annotation | null {
  const start = text.indexOf(quote);
  if (start < 0 || !quote.trim()) return null;
  const selector = describeRange(text, start, start + quote.length);
  return highlightAnnotation(crypto.randomUUID(), article, selector, note, at);
}

/**
 * When generated article `index` was first saved: four hours apart, oldest first, so 10,000
 * articles span four and a half years, as the library of someone saving six articles a day.
 * The spacing matters: search postings are cut by save date (src/db/postings.ts), and a save
 * rewrites the postings of its own stretch of days.
 */
const SAVE_SPACING_MS = 4 * 60 * 60 * 1000;
function seedDate(index: number): Date {
  return new Date(Date.UTC(2022, 0, 1) + index * SAVE_SPACING_MS);
}

/** Articles written per transaction while seeding: the product's writes, committed together. */
const SEED_TRANSACTION = 250;

/** Saves one generated article with its tags and highlights, inside the caller's transaction. */
async function seedOne(
  index: number,
  seedValue: number,
  postings: PostingChanges,
): Promise<number> {
  const generated = generateArticle(index, seedValue);
  const savedAt = seedDate(index);
  const saved = await saveSnapshot(db, generated.snapshot, savedAt);
  const text = articleTextOf(generated.snapshot.contentHtml, document);
  const annotations = generated.highlights
    .map((highlight) =>
      annotationFor(
        { id: saved.article.id, url: generated.snapshot.url },
        text,
        highlight.quote,
        highlight.note,
        savedAt.toISOString(),
      ),
    )
    .filter((annotation): annotation is Annotation => annotation !== null);
  await db.annotations.bulkAdd(annotations);
  const stored = await db.articles.get(saved.article.id);
  if (stored) await db.articles.put({ ...stored, tags: generated.tags });
  await refreshDerived(db, saved.article.id, postings);
  return annotations.length;
}

/** Saves generated articles `from`…`to - 1`, each with its tags and highlights. */
async function seed(from: number, to: number, seedValue = 1): Promise<{ highlights: number }> {
  let highlights = 0;
  for (let start = from; start < to; start += SEED_TRANSACTION) {
    const end = Math.min(to, start + SEED_TRANSACTION);
    await db.transaction('rw', writeTables(db), async () => {
      // Search postings written once per batch, as an import does.
      const postings = new PostingChanges();
      for (let index = start; index < end; index++) {
        highlights += await seedOne(index, seedValue, postings);
      }
      await postings.applyTo(db.postings);
    });
  }
  return { highlights };
}

async function withReader<T>(read: (reader: LibraryReader) => Promise<T>): Promise<T> {
  const reader = new LibraryReader(await openForReading());
  try {
    return await read(reader);
  } finally {
    reader.close();
  }
}

/** What the popup does per keystroke: the matching keys, then the first screen of rows. */
async function timeKeystrokes(
  queries: string[],
): Promise<{ query: string; ms: number; results: number }[]> {
  return withReader(async (reader) => {
    const times: { query: string; ms: number; results: number }[] = [];
    for (const query of queries) {
      for (let length = 1; length <= query.length; length++) {
        const typed = query.slice(0, length);
        const started = performance.now();
        const keys = await listKeys(reader, { text: typed, filter: NO_FILTER, sort: 'saved' });
        await cardsFor(reader, keys.slice(0, FIRST_SCREEN));
        times.push({ query: typed, ms: performance.now() - started, results: keys.length });
      }
    }
    return times;
  });
}

/**
 * Times saves of new typical articles, each as the next save after the newest one (in the
 * same stretch of days as its recent neighbours), then removes them so the collection size is
 * unchanged.
 */
async function timeSaves(count: number, firstIndex: number): Promise<number[]> {
  const times: number[] = [];
  const next = seedDate(await db.articles.count());
  for (let i = 0; i < count; i++) {
    const generated = generateArticle(firstIndex + i, 99);
    const started = performance.now();
    const saved = await saveSnapshot(db, generated.snapshot, next);
    times.push(performance.now() - started);
    await db.transaction('rw', writeTables(db), async () => {
      await db.articles.delete(saved.article.id);
      await refreshDerived(db, saved.article.id);
    });
  }
  return times;
}

async function timeExport(): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const blob = await exportToBlob(exportFormat('margins-json'), articlesForExport(db), {
    now: new Date(),
  });
  return { ms: performance.now() - started, bytes: blob.size };
}

async function counts(): Promise<{ articles: number; annotations: number; usage: number }> {
  const estimate = await navigator.storage.estimate();
  return {
    articles: await db.articles.count(),
    annotations: await db.annotations.count(),
    usage: estimate.usage ?? 0,
  };
}

const api = {
  seed,
  timeKeystrokes,
  timeSaves,
  timeExport,
  counts,
  startEngineSync,
  engineSyncOutcome,
  cardCount: () => cardCount(db),
  searchArticleIds,
  libraryDigest: () => libraryDigest(db),
};
export type SeedPageApi = typeof api;
(globalThis as unknown as { marginsSeed: SeedPageApi }).marginsSeed = api;
document.title = 'seed ready';
