import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  planMerge,
  type Incoming,
  type MergePlan,
  type StoredState,
} from '../../../src/db/import-plan.ts';
import type { StoredArticle } from '../../../src/db/schema.ts';
import type { Annotation } from '../../../src/shared/annotation.ts';
import {
  EDITABLE_FIELDS,
  type ArticleRecord,
  type FieldSources,
} from '../../../src/shared/article.ts';
import { urlKeysOf } from '../../../src/shared/url.ts';
import { makeAnnotation } from '../export/fixtures.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

/** A collection in memory: what the database holds that a merge reads and writes. */
interface Collection {
  articles: StoredArticle[];
  annotations: Annotation[];
}

/** What import.ts reads for a merge (readStored), from a collection in memory. */
function storedStateOf(collection: Collection, incoming: readonly Incoming[]): StoredState {
  const keys = new Set(incoming.flatMap((entry) => entry.urlKeys));
  const articles = collection.articles.filter((article) =>
    article.urlKeys.some((key) => keys.has(key)),
  );
  const met = new Set(articles.map((article) => article.id));
  const named = new Set(incoming.flatMap((entry) => entry.annotations.map(({ id }) => id)));
  return {
    articles,
    annotations: collection.annotations.filter((annotation) => met.has(annotation.articleId)),
    articleIds: new Set(collection.articles.map((article) => article.id)),
    annotationsById: new Map(
      collection.annotations
        .filter((annotation) => named.has(annotation.id))
        .map((annotation) => [annotation.id, annotation]),
    ),
  };
}

/** The collection once the plan is written as applyImport writes it: every row put by its key. */
function applied(collection: Collection, plan: MergePlan): Collection {
  const articles = new Map(collection.articles.map((article) => [article.id, article]));
  for (const article of [...plan.created, ...plan.updated]) articles.set(article.id, article);
  const annotations = new Map(
    collection.annotations.map((annotation) => [annotation.id, annotation]),
  );
  for (const annotation of plan.annotations) annotations.set(annotation.id, annotation);
  return { articles: [...articles.values()], annotations: [...annotations.values()] };
}

function makeRecord(overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    ...makeSnapshot({ canonicalUrl: null }),
    id: 'article-1',
    savedAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-01T08:00:00.000Z',
    tags: [],
    note: '',
    readAt: null,
    archivedAt: null,
    ...overrides,
  };
}

const stored = (record: ArticleRecord): StoredArticle => ({
  ...record,
  urlKeys: urlKeysOf(record),
});

function incoming(
  record: ArticleRecord,
  annotations: Annotation[] = [],
  source: Incoming['source'] = 'margins',
): Incoming {
  return { origin: record.url, source, record, urlKeys: urlKeysOf(record), annotations };
}

function counter(prefix: string): () => string {
  let count = 0;
  return () => `${prefix}-${++count}`;
}

function plan(collection: Collection, entries: Incoming[], newId = counter('new')): MergePlan {
  return planMerge(entries, storedStateOf(collection, entries), newId);
}

describe('planMerge', () => {
  it('creates what the collection lacks, with its annotations', () => {
    const note = makeAnnotation('article-1', 'first', 4, 'mine');
    const result = plan({ articles: [], annotations: [] }, [incoming(makeRecord(), [note])]);
    expect(result.created.map(({ id, urlKeys }) => ({ id, urlKeys }))).toEqual([
      { id: 'article-1', urlKeys: ['news.example/2024/06/story'] },
    ]);
    expect(result).toMatchObject({ updated: [], unchanged: 0, annotations: [note], skipped: [] });
  });

  it('merges an article saved under another form of its address, and learns that form', () => {
    const saved = stored(makeRecord({ id: 'saved', tags: ['kept'], note: 'Mine' }));
    const other = makeRecord({
      id: 'theirs',
      url: 'https://www.news.example/2024/06/story/?utm_source=x',
      canonicalUrl: 'https://news.example/amp/story',
      tags: ['new'],
      note: 'Theirs',
    });
    const result = plan({ articles: [saved], annotations: [] }, [incoming(other)]);
    expect(result.created).toEqual([]);
    expect(result.updated).toMatchObject([
      {
        id: 'saved',
        tags: ['kept', 'new'],
        note: 'Mine\n\nTheirs',
        urlKeys: ['news.example/2024/06/story', 'news.example/amp/story'],
      },
    ]);
  });

  it('gives an article a new id when its id belongs to an article at another address', () => {
    const saved = stored(makeRecord({ id: 'taken', url: 'https://elsewhere.example/a' }));
    const note = makeAnnotation('taken', 'first', 4);
    const result = plan({ articles: [saved], annotations: [] }, [
      incoming(makeRecord({ id: 'taken' }), [note]),
    ]);
    expect(result.created.map((article) => article.id)).toEqual(['new-1']);
    expect(result.annotations).toEqual([{ ...note, articleId: 'new-1' }]);
  });

  it('leaves out an annotation whose id belongs to another article, saying so', () => {
    const elsewhere = stored(makeRecord({ id: 'other', url: 'https://elsewhere.example/a' }));
    const theirs = makeAnnotation('other', 'first', 4);
    const result = plan({ articles: [elsewhere], annotations: [theirs] }, [
      incoming(makeRecord(), [{ ...theirs, articleId: 'article-1' }]),
    ]);
    expect(result.annotations).toEqual([]);
    expect(result.skipped).toEqual([
      { origin: makeRecord().url, code: 'annotation-id-taken', detail: theirs.id },
    ]);
  });

  it('replaces a saved annotation only with a newer version of it', () => {
    const saved = stored(makeRecord());
    const mine = makeAnnotation('article-1', 'first', 4, 'mine', {
      modified: '2026-11-10T00:00:00.000Z',
    });
    const older = { ...mine, modified: '2026-11-01T00:00:00.000Z', body: [] };
    const newer = { ...mine, modified: '2026-11-20T00:00:00.000Z', body: [] };
    const collection = { articles: [saved], annotations: [mine] };
    expect(plan(collection, [incoming(makeRecord(), [older])])).toMatchObject({
      updated: [],
      unchanged: 1,
      annotations: [],
    });
    expect(plan(collection, [incoming(makeRecord(), [newer])]).annotations).toEqual([newer]);
  });

  it('adds no highlight of another service whose quote the article already has', () => {
    const saved = stored(makeRecord());
    const mine = makeAnnotation('article-1', 'first', 4);
    const same = makeAnnotation('fresh-id', 'first', 4);
    const result = plan({ articles: [saved], annotations: [mine] }, [
      incoming(makeRecord({ id: 'fresh-id' }), [same], 'item'),
    ]);
    expect(result).toMatchObject({ updated: [], unchanged: 1, annotations: [] });
  });
});

// ---------- properties ----------

/** Few addresses, so that files and collections meet often, under several forms. */
const ADDRESSES = [
  'https://news.example/a',
  'https://www.news.example/a/?utm_source=feed',
  'https://news.example/b',
  'https://other.example/a',
  'https://other.example/c?page=2',
];
const IDS = ['id-1', 'id-2', 'id-3', 'id-4', 'id-5'];
const ANNOTATION_IDS = IDS.map((id) => `urn:uuid:${id}`);
const QUOTES = ['alpha', 'beta', 'gamma'];
const TIMES = ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'];

const address = fc.constantFrom(...ADDRESSES);
const time = fc.constantFrom(...TIMES);
const source = fc.constantFrom(undefined, 'user' as const, 'readability' as const);
const text = fc.constantFrom('', 'Mine', 'Theirs', 'A note\nwith lines');

const fieldSources = fc
  .record({ title: source, byline: source, publishedTime: source })
  .map(
    (sources) =>
      Object.fromEntries(
        Object.entries(sources).filter(([, value]) => value !== undefined),
      ) as FieldSources,
  );

/** A record at one of the addresses, with any of the ids (an id may be taken elsewhere). */
const record = fc
  .record({
    id: fc.constantFrom(...IDS),
    url: address,
    canonicalUrl: fc.option(address, { nil: null }),
    title: fc.constantFrom('Page title', 'Corrected title', 'Other title'),
    byline: fc.option(fc.constantFrom('Jane Doe', 'John Roe'), { nil: null }),
    publishedTime: fc.option(fc.constantFrom('2024-06-18', '2025-01-02'), { nil: null }),
    fieldSources,
    savedAt: time,
    updatedAt: time,
    tags: fc.uniqueArray(fc.constantFrom('news', 'News', 'later', 'kept'), {
      maxLength: 3,
      selector: (tag) => tag.toLowerCase(),
    }),
    note: text,
    readAt: fc.option(time, { nil: null }),
    archivedAt: fc.option(time, { nil: null }),
    body: fc.boolean(),
  })
  .map(({ body, byline, ...fields }) =>
    makeRecord({
      ...fields,
      byline,
      authors: byline ? [byline] : [],
      kind: body ? 'article' : 'link',
      contentHtml: body ? '<p>alpha beta gamma</p>' : '',
      wordCount: body ? 3 : 0,
    }),
  );

/** An annotation of a quote, any version of it, for an article to be chosen. */
const annotation = fc
  .record({
    quote: fc.constantFrom(...QUOTES),
    modified: time,
    note: text,
  })
  .map(
    ({ quote, modified, note }) =>
      (id: string, articleId: string) =>
        makeAnnotation(articleId, quote, 0, note, { id, modified, created: TIMES[0] }),
  );

/**
 * A collection: ids are unique; two articles may share an address, as imports could leave them
 * before an address was kept to one article.
 */
const collection: fc.Arbitrary<Collection> = fc
  .array(fc.tuple(record, fc.array(annotation, { maxLength: 2 })), { maxLength: 4 })
  .map((entries) => {
    const articles: StoredArticle[] = [];
    const annotations: Annotation[] = [];
    for (const [record, made] of entries) {
      const article = stored(record);
      if (articles.some((other) => other.id === article.id)) continue;
      articles.push(article);
      for (const make of made) {
        const id = ANNOTATION_IDS[annotations.length];
        if (id) annotations.push(make(id, article.id));
      }
    }
    return { articles, annotations };
  });

/** A file to import: made anew for each import, as a parse is (another service's ids are fresh). */
interface File {
  kind: Incoming['source'];
  entries: (newId: () => string) => Incoming[];
}

/** A Margins export: ids unique in the file, annotations of their own article, ids unique. */
const marginsFile: fc.Arbitrary<File> = fc
  .array(fc.tuple(record, fc.array(fc.tuple(annotation, fc.constantFrom(...ANNOTATION_IDS)))), {
    maxLength: 4,
  })
  .map((entries) => {
    const seenIds = new Set<string>();
    const seenAnnotations = new Set<string>();
    const made: Incoming[] = [];
    for (const [record, notes] of entries) {
      if (seenIds.has(record.id)) continue;
      seenIds.add(record.id);
      const annotations = notes.flatMap(([make, id]) => {
        if (seenAnnotations.has(id)) return [];
        seenAnnotations.add(id);
        return [make(id, record.id)];
      });
      made.push(incoming(record, annotations));
    }
    return { kind: 'margins', entries: () => made };
  });

/** Another service's export: every id fresh at each import, highlights placed by quote. */
const itemsFile: fc.Arbitrary<File> = fc
  .array(fc.tuple(record, fc.array(annotation, { maxLength: 2 })), { maxLength: 4 })
  .map((entries) => ({
    kind: 'item',
    entries: (newId) =>
      entries.map(([fields, notes]) => {
        const record: ArticleRecord = {
          ...fields,
          id: newId(),
          canonicalUrl: null,
          fieldSources: {},
          readAt: null,
        };
        return incoming(
          record,
          notes.map((make) => make(`urn:uuid:${newId()}`, record.id)),
          'item',
        );
      }),
  }));

const file = fc.oneof(marginsFile, itemsFile);

const tagKeys = (tags: readonly string[]) => tags.map((tag) => tag.toLowerCase());

describe('planMerge, for any collection and any file', () => {
  it('is idempotent: the same file imported again plans nothing', () => {
    fc.assert(
      fc.property(collection, file, (before, importFile) => {
        const newId = counter('new');
        const first = plan(before, importFile.entries(newId), newId);
        const after = applied(before, first);
        const second = plan(after, importFile.entries(newId), newId);
        expect(second.created).toEqual([]);
        expect(second.updated).toEqual([]);
        expect(second.annotations).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('never drops a user edit: corrections, tags, notes and annotations stay', () => {
    fc.assert(
      fc.property(collection, file, (before, importFile) => {
        const entries = importFile.entries(counter('new'));
        const result = plan(before, entries);
        const savedIds = new Set(before.articles.map((article) => article.id));
        // A new article never takes the place of one saved.
        for (const article of result.created) expect(savedIds.has(article.id)).toBe(false);
        expect(new Set(result.created.map((article) => article.id)).size).toBe(
          result.created.length,
        );
        for (const merged of result.updated) {
          const saved = before.articles.find((article) => article.id === merged.id);
          if (!saved) throw new Error(`updated ${merged.id}, which is not saved`);
          for (const field of EDITABLE_FIELDS) {
            if (saved.fieldSources[field] !== 'user') continue;
            // A correction gives way only to another correction of the same field.
            expect(merged.fieldSources[field]).toBe('user');
            const corrections = [
              saved[field],
              ...entries
                .filter((entry) => entry.record.fieldSources[field] === 'user')
                .map((entry) => entry.record[field]),
            ];
            expect(corrections).toContain(merged[field]);
          }
          expect(tagKeys(merged.tags)).toEqual(expect.arrayContaining(tagKeys(saved.tags)));
          expect(merged.note).toContain(saved.note);
        }
        const planned = new Map(
          result.annotations.map((annotation) => [annotation.id, annotation]),
        );
        for (const saved of before.annotations) {
          const replacement = planned.get(saved.id);
          if (!replacement) continue;
          // Only a newer version of the same annotation, on the same article, replaces it.
          expect(replacement.articleId).toBe(saved.articleId);
          expect(replacement.modified > saved.modified).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
