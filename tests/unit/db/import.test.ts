// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSnapshot } from '../../../src/db/articles.ts';
import { editArticle } from '../../../src/db/edits.ts';
import { KEYS_PER_MILLISECOND, refreshDerived, writeTables } from '../../../src/db/derived.ts';
import { PostingChanges } from '../../../src/db/posting-changes.ts';
import { POSTING_FIELDS, keysInPostings } from '../../../src/db/postings.ts';
import { articlesForExport } from '../../../src/db/export-stream.ts';
import { applyImport, planImport } from '../../../src/db/import.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { parseImport, type ImportedItem, type ImportParse } from '../../../src/import/index.ts';
import { articleTextOf } from '../../../src/shared/article-body.ts';
import { htmlText } from '../../../src/shared/article-html/html-text.ts';
import type { ExportedArticle } from '../../../src/shared/export-format.ts';
import { makeAnnotation } from '../export/fixtures.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';
import { item } from '../import/helpers.ts';

let db: MarginsDatabase;
let ids = 0;
const newId = () => `00000000-0000-4000-9000-${String(++ids).padStart(12, '0')}`;
const options = () => ({ newId, document });
const NOW = new Date('2026-12-01T08:00:00.000Z');

beforeEach(() => {
  db = openDatabase(`import-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const POCKET_CSV = [
  'title,url,time_added,cursor,tags,status',
  'The long read,https://news.example/long-read?utm_source=pocket,1709285400,1,politics|Long reads,unread',
  'Climate report,https://science.example/climate,1709371800,2,,archive',
].join('\n');

async function pocketParse(): Promise<ImportParse> {
  return parseImport(new TextEncoder().encode(POCKET_CSV));
}

function itemsParse(items: ImportedItem[]): ImportParse {
  return { kind: 'items', format: 'omnivore-zip', items, skipped: [], warnings: [] };
}

function marginsParse(articles: ExportedArticle[]): ImportParse {
  return {
    kind: 'margins',
    format: 'margins-json',
    version: 1,
    articles,
    skipped: [],
    warnings: [],
  };
}

async function exported(database = db): Promise<ExportedArticle[]> {
  const all: ExportedArticle[] = [];
  for await (const article of articlesForExport(database)) all.push(article);
  return all;
}

/** How many articles the search postings list under the word (body or strong). */
async function searchFinds(term: string): Promise<number> {
  const postings = await db.postings
    .filter((posting) => posting.field !== POSTING_FIELDS.title)
    .toArray();
  return keysInPostings(postings, term, 'whole').size;
}

describe('importing a Pocket export', () => {
  it('plans without writing, then stores links with tags, archive state and save dates', async () => {
    const parse = await pocketParse();
    const plan = await planImport(db, parse, options());
    expect(plan).toMatchObject({ created: 2, updated: 0, unchanged: 0, skipped: [] });
    expect(await db.articles.count()).toBe(0);

    const report = await applyImport(db, parse, NOW, undefined, options());
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const [climate, longRead] = await exported();
    expect(longRead).toMatchObject({
      kind: 'link',
      title: 'The long read',
      contentHtml: '',
      tags: ['politics', 'Long reads'],
      savedAt: '2024-03-01T09:30:00.000Z',
      archivedAt: null,
      readAt: null,
    });
    expect(climate).toMatchObject({ archivedAt: NOW.toISOString(), tags: [] });
    // Every written article has its list card and search words.
    expect(await db.cards.count()).toBe(2);
    expect(await searchFinds('climate')).toBe(1);
  });

  it('changes nothing and duplicates nothing when the same file is imported again', async () => {
    await applyImport(db, await pocketParse(), NOW, undefined, options());
    const before = await exported();
    const again = await pocketParse();
    expect(await planImport(db, again, options())).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    await applyImport(db, again, NOW, undefined, options());
    expect(await exported()).toEqual(before);
  });

  it('adds tags and a note to an article already saved under another form of its address', async () => {
    const saved = await saveSnapshot(
      db,
      makeSnapshot({ url: 'https://news.example/long-read', canonicalUrl: null }),
      NOW,
    );
    const report = await applyImport(db, await pocketParse(), NOW, undefined, options());
    expect(report).toMatchObject({ created: 1, updated: 1 });
    const stored = await db.articles.get(saved.article.id);
    expect(stored).toMatchObject({
      kind: 'article',
      title: 'A story',
      tags: ['politics', 'Long reads'],
    });
    expect(await searchFinds('politics')).toBe(1);
  });
});

describe('importing saved bodies and highlights (Omnivore)', () => {
  const body =
    '<h1 onclick="steal()">The long read</h1><script>steal()</script>' +
    '<p>Parliament voted late on Tuesday. The opposition walked out before the vote.</p>';

  it('keeps a sanitised body as the article, places highlights by their quote, keeps the rest by quote alone', async () => {
    const parse = itemsParse([
      item({
        origin: 'metadata_0_to_1.json, entry 1',
        url: 'https://news.example/long-read',
        title: 'The long read',
        contentHtml: body,
        highlights: [
          { quote: 'The opposition walked out', note: 'Key', created: '2024-03-01T10:00:00.000Z' },
          { quote: 'Not in the article at all', note: '', created: null },
        ],
      }),
      item({
        origin: 'metadata_0_to_1.json, entry 2',
        url: 'https://news.example/pending',
        highlights: [{ quote: 'Orphan', note: '', created: null }],
      }),
    ]);
    const report = await applyImport(db, parse, NOW, undefined, options());
    expect(report.created).toBe(2);
    // None is dropped: the one not in the text and the one without a text keep their quote.
    expect(report.annotations).toBe(3);
    expect(report.skipped).toEqual([]);

    const [pending, article] = await exported();
    expect(pending?.kind).toBe('link');
    expect(article?.kind).toBe('article');
    expect(article?.contentHtml).not.toMatch(/script|onclick|steal/);
    expect(htmlText(article?.contentHtml ?? '')).toContain('Parliament voted late on Tuesday.');
    expect(article?.wordCount).toBe(15);
    const [annotation, notFound] = article?.annotations ?? [];
    expect(notFound?.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'Not in the article at all', prefix: '', suffix: '' },
    ]);
    expect(pending?.annotations.map((kept) => kept.target.selector)).toEqual([
      [{ type: 'TextQuoteSelector', exact: 'Orphan', prefix: '', suffix: '' }],
    ]);
    const text = articleTextOf(article?.contentHtml ?? '', document);
    const [quote, position] = annotation?.target.selector ?? [];
    expect(text.slice(position?.start, position?.end)).toBe('The opposition walked out');
    expect(quote?.prefix).toContain('Tuesday.');
    expect(annotation).toMatchObject({
      motivation: 'commenting',
      created: '2024-03-01T10:00:00.000Z',
    });
    expect(await searchFinds('parliament')).toBe(1);

    // Imported again: the highlight is recognised by its quote and not added twice.
    const again = await applyImport(db, parse, NOW, undefined, options());
    expect(again).toMatchObject({ created: 0, updated: 0, annotations: 0 });
    expect(await db.annotations.count()).toBe(3);
  });

  it('gives a link saved earlier the imported body', async () => {
    const saved = await saveSnapshot(
      db,
      makeSnapshot({ kind: 'link', contentHtml: '', textContent: '', wordCount: 0 }),
      NOW,
    );
    await applyImport(
      db,
      itemsParse([item({ origin: 'entry 1', url: saved.article.url, contentHtml: body })]),
      NOW,
      undefined,
      options(),
    );
    expect(await db.articles.get(saved.article.id)).toMatchObject({
      kind: 'article',
      wordCount: 15,
    });
  });
});

function record(overrides: Partial<ExportedArticle> = {}): ExportedArticle {
  return {
    ...makeSnapshot(),
    id: 'article-1',
    savedAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-01T08:00:00.000Z',
    tags: ['news'],
    note: '',
    readAt: null,
    archivedAt: null,
    annotations: [],
    ...overrides,
  };
}

describe('importing Margins JSON', () => {
  it('merges by address: newer page data wins, user edits, tags, notes and annotations are kept', async () => {
    const saved = await saveSnapshot(db, makeSnapshot(), new Date('2026-11-02T00:00:00Z'));
    await editArticle(
      db,
      saved.article.id,
      { title: 'My own title' },
      new Date('2026-11-03T00:00:00Z'),
    );
    await db.articles.update(saved.article.id, { note: 'Mine', tags: ['kept'] });
    const mine = makeAnnotation(saved.article.id, 'first paragraph', 4);
    await db.annotations.add(mine);

    const incoming = record({
      id: 'other-id',
      url: 'https://www.news.example/2024/06/story/?utm_medium=x',
      title: 'Title from the page',
      byline: 'John Roe',
      authors: ['John Roe'],
      updatedAt: '2026-11-20T00:00:00.000Z',
      savedAt: '2026-10-01T00:00:00.000Z',
      tags: ['Kept', 'news'],
      note: 'Theirs',
      annotations: [mine, makeAnnotation('other-id', 'The first', 0, 'a note')],
    });
    const plan = await planImport(db, marginsParse([incoming]), options());
    expect(plan).toMatchObject({ created: 0, updated: 1, unchanged: 0, annotations: 1 });
    await applyImport(db, marginsParse([incoming]), NOW, undefined, options());

    const [merged] = await exported();
    expect(merged).toMatchObject({
      id: saved.article.id,
      title: 'My own title',
      byline: 'John Roe',
      authors: ['John Roe'],
      tags: ['kept', 'news'],
      note: 'Mine\n\nTheirs',
      savedAt: '2026-10-01T00:00:00.000Z',
      updatedAt: '2026-11-20T00:00:00.000Z',
    });
    expect(merged?.fieldSources.title).toBe('user');
    expect(merged?.annotations).toHaveLength(2);
    expect(merged?.annotations.every((a) => a.articleId === saved.article.id)).toBe(true);

    // A second import of the same file changes nothing.
    expect(await planImport(db, marginsParse([incoming]), options())).toMatchObject({
      updated: 0,
      unchanged: 1,
      annotations: 0,
    });
  });

  it('counts an article found under both its address and its canonical address once', async () => {
    const twoAddresses = record({
      url: 'https://news.example/2024/06/story?page=1',
      canonicalUrl: 'https://news.example/2024/06/story',
    });
    await applyImport(db, marginsParse([twoAddresses]), NOW, undefined, options());
    expect(await planImport(db, marginsParse([twoAddresses]), options())).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
    const newer = { ...twoAddresses, note: 'Added later', updatedAt: '2026-11-30T00:00:00.000Z' };
    expect(await planImport(db, marginsParse([newer]), options())).toMatchObject({
      updated: 1,
      unchanged: 0,
    });
  });

  it('keeps the saved page data when the file is older', async () => {
    const saved = await saveSnapshot(db, makeSnapshot({ title: 'Current' }), NOW);
    await applyImport(
      db,
      marginsParse([record({ title: 'Old', updatedAt: '2020-01-01T00:00:00.000Z' })]),
      NOW,
      undefined,
      options(),
    );
    expect((await db.articles.get(saved.article.id))?.title).toBe('Current');
  });

  it('gives an article a new id when its id belongs to another address', async () => {
    const saved = await saveSnapshot(db, makeSnapshot(), NOW, () => 'article-1');
    const incoming = record({ url: 'https://elsewhere.example/a', canonicalUrl: null });
    await applyImport(db, marginsParse([incoming]), NOW, undefined, options());
    expect(await db.articles.count()).toBe(2);
    expect((await db.articles.get(saved.article.id))?.url).toBe(saved.article.url);
  });

  it('survives export, import into an empty collection and export unchanged', async () => {
    const articles = Array.from({ length: 5 }, (_, index) =>
      record({
        id: `article-${index}`,
        url: `https://news.example/story-${index}`,
        canonicalUrl: null,
        savedAt: `2026-11-0${index + 1}T08:00:00.000Z`,
        readAt: index % 2 ? '2026-11-10T08:00:00.000Z' : null,
        annotations: [makeAnnotation(`article-${index}`, 'The first', 0, `note ${index}`)],
      }),
    );
    await applyImport(db, marginsParse(articles), NOW, undefined, options());
    const first = await exported();
    const empty = openDatabase(`import-empty-${Math.random()}`);
    try {
      await applyImport(empty, marginsParse(first), NOW, undefined, options());
      expect(JSON.stringify(await exported(empty))).toBe(JSON.stringify(first));
    } finally {
      await empty.delete();
    }
  });
});

describe('import progress', () => {
  it('rises from 0 to 1 without going back, every write accounted for, postings included', async () => {
    const articles = Array.from({ length: 3 }, (_, index) =>
      record({
        id: `progress-${index}`,
        url: `https://news.example/progress-${index}`,
        canonicalUrl: null,
        annotations: [makeAnnotation(`progress-${index}`, 'The first', 0)],
      }),
    );
    const seen: number[] = [];
    await applyImport(
      db,
      marginsParse(articles),
      NOW,
      (fraction) => seen.push(fraction),
      options(),
    );
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    seen.forEach((fraction, index) =>
      expect(fraction).toBeGreaterThanOrEqual(seen[index - 1] ?? 0),
    );
    // The last write itself brings the bar to the end: no jump left for the final report.
    expect(seen.at(-2)).toBeCloseTo(1);
    expect(seen.some((fraction) => fraction > 0.75 && fraction < 1)).toBe(true);
  });
});

describe('the list cards and search words of imported articles', () => {
  it('are the rows refreshDerived makes, keys shared with saved articles included', async () => {
    // Saved in the same millisecond as an imported article: both need their own list key.
    await saveSnapshot(db, makeSnapshot(), new Date('2026-11-01T08:00:00.000Z'));
    const articles = Array.from({ length: 3 }, (_, index) =>
      record({
        id: `article-${index}`,
        url: `https://news.example/same-ms-${index}`,
        canonicalUrl: null,
        annotations: [
          makeAnnotation(`article-${index}`, 'The first', 0, 'zebra'),
          makeAnnotation(`article-${index}`, 'paragraph', 4),
        ],
      }),
    );
    await applyImport(db, marginsParse(articles), NOW, undefined, options());
    const cards = await db.cards.toArray();
    const searchDocs = await db.searchDocs.toArray();
    const postings = await db.postings.toArray();
    expect(new Set(cards.map((card) => card.key)).size).toBe(4);
    // Rebuilt from nothing, one article at a time, as saves would have made them.
    await db.postings.clear();
    await db.transaction('rw', writeTables(db), async () => {
      for (const doc of await db.searchDocs.toArray()) {
        const fresh = new PostingChanges();
        fresh.addDoc(doc);
        await fresh.applyTo(db.postings);
      }
      for (const { id } of await db.articles.toArray()) await refreshDerived(db, id);
    });
    expect(await db.cards.toArray()).toEqual(cards);
    expect(await db.searchDocs.toArray()).toEqual(searchDocs);
    expect(await db.postings.toArray()).toEqual(postings);
    expect(await searchFinds('zebra')).toBe(3);
  });
});

describe('an import of more undated links than a millisecond has list keys', () => {
  it('saves every link, each with its own place in the list', async () => {
    // No save dates: every link is saved at the import's own time, in one millisecond.
    const count = KEYS_PER_MILLISECOND + 100;
    const items = Array.from({ length: count }, (_, index) =>
      item({ origin: `entry ${index}`, url: `https://news.example/undated-${index}` }),
    );
    const report = await applyImport(db, itemsParse(items), NOW, undefined, options());
    expect(report.created).toBe(count);
    const keys = await db.cards.toCollection().primaryKeys();
    expect(new Set(keys).size).toBe(count);
  }, 30_000);
});

describe('an import that fails', () => {
  it('leaves the collection exactly as it was', async () => {
    const saved = await saveSnapshot(db, makeSnapshot(), NOW);
    const before = await exported();
    const failing = applyImport(
      db,
      await pocketParse(),
      NOW,
      (fraction) => {
        if (fraction > 0.3) throw new Error('disk full');
      },
      options(),
    );
    await expect(failing).rejects.toThrow('disk full');
    expect(await exported()).toEqual(before);
    expect(await db.cards.count()).toBe(1);
    expect(await db.articles.get(saved.article.id)).toBeDefined();
  });
});

describe('articlesForExport', () => {
  it('reads newest first in batches, each article with its annotations, optionally only some', async () => {
    const articles = Array.from({ length: 450 }, (_, index) =>
      record({
        id: `a-${String(index).padStart(3, '0')}`,
        url: `https://news.example/${index}`,
        canonicalUrl: null,
        savedAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
        annotations: index === 7 ? [makeAnnotation(`a-007`, 'The first', 0)] : [],
      }),
    );
    await applyImport(db, marginsParse(articles), NOW, undefined, options());
    const all = await exported();
    expect(all).toHaveLength(450);
    expect(all[0]?.id).toBe('a-449');
    expect(all.at(-1)?.id).toBe('a-000');
    expect(all.find((article) => article.id === 'a-007')?.annotations).toHaveLength(1);

    const some: string[] = [];
    for await (const article of articlesForExport(db, { articleIds: ['a-001', 'a-300'] })) {
      some.push(article.id);
    }
    expect(some).toEqual(['a-300', 'a-001']);
  });
});
