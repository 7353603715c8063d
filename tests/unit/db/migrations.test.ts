import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { listNewest, saveSnapshot } from '../../../src/db/articles.ts';
import { cardOf } from '../../../src/db/derived.ts';
import { SCHEMA_VERSION, storeSpecsAt } from '../../../src/db/schema-description.ts';
import { POSTING_FIELDS, keysInPostings } from '../../../src/db/postings.ts';
import { SHARD_ARTICLES } from '../../../src/db/posting-shards.ts';
import { openDatabase } from '../../../src/db/schema.ts';
import { ArticleRecordSchema } from '../../../src/shared/article.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

interface VersionFixture {
  version: number;
  stores: Record<string, string>;
  articles: Record<string, unknown>[];
}

/** Writes a database exactly as an earlier version of Margins did. */
async function writeEarlierDatabase(name: string, fixture: VersionFixture): Promise<void> {
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.stores);
  await old.table('articles').bulkAdd(fixture.articles);
  old.close();
}

function loadFixture(file: string): VersionFixture {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/db/${file}`, import.meta.url), 'utf8'),
  ) as VersionFixture;
}

describe('upgrade from version 1', () => {
  const fixture = loadFixture('v1-articles.json');

  it('opens a version 1 database with every record intact and in the current shape', async () => {
    const name = `v1-${Math.random()}`;
    await writeEarlierDatabase(name, fixture);
    const db = openDatabase(name);
    const records = await listNewest(db, 10);
    expect(records).toHaveLength(2);
    for (const record of records) {
      const parsed = v.safeParse(ArticleRecordSchema, record);
      expect(parsed.issues).toBeUndefined();
      const { textContent, ...original } =
        fixture.articles.find((article) => article.id === record.id) ?? {};
      expect(typeof textContent).toBe('string');
      expect({ ...record, urlKeys: original.urlKeys }).toMatchObject(original);
      expect(record).not.toHaveProperty('textContent');
    }
    const [link, article] = records;
    expect(article).toMatchObject({ authors: ['News7'], modifiedTime: null, fieldSources: {} });
    expect(link).toMatchObject({ authors: [], modifiedTime: null, fieldSources: {} });
    await db.delete();
  });

  it('still finds an upgraded record by its address when the page is saved again', async () => {
    const name = `v1-${Math.random()}`;
    await writeEarlierDatabase(name, fixture);
    const db = openDatabase(name);
    const again = await saveSnapshot(
      db,
      makeSnapshot({ url: 'https://accounts.example/login', canonicalUrl: null }),
      new Date(),
    );
    expect(again.status).toBe('updated');
    expect(again.article.tags).toEqual([]);
    expect(await db.articles.count()).toBe(2);
    await db.delete();
  });
});

describe('upgrade from version 2', () => {
  it('opens a version 2 database with every record intact and no annotations yet', async () => {
    const fixture = loadFixture('v2-articles.json');
    const name = `v2-${Math.random()}`;
    await writeEarlierDatabase(name, fixture);
    const db = openDatabase(name);
    const records = await listNewest(db, 10);
    for (const { textContent, ...original } of fixture.articles) {
      expect(textContent).toBeTypeOf('string');
      const record = records.find((item) => item.id === original.id);
      expect({ ...record, urlKeys: original.urlKeys }).toEqual({
        ...original,
        readAt: null,
        archivedAt: null,
      });
    }
    expect(await db.annotations.count()).toBe(0);
    expect(await db.cards.count()).toBe(fixture.articles.length);
    await db.delete();
  });
});

describe('the schema version readers open', () => {
  it('is the newest version Dexie declares', async () => {
    const db = openDatabase(`verno-${Math.random()}`);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    await db.delete();
  });
});

describe('upgrade from version 4', () => {
  it('rebuilds every search document with its title words apart', async () => {
    const name = `v4-${Math.random()}`;
    const old = new Dexie(name);
    old.version(4).stores(storeSpecsAt(4));
    const article = {
      ...makeSnapshot({ title: 'Budget vote', textContent: 'Parliament approves.' }),
      id: 'a1',
      savedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      tags: ['politics'],
      note: '',
      readAt: null,
      archivedAt: null,
      urlKeys: ['news.example/2024/06/story'],
    };
    await old.table('articles').add(article);
    await old.table('cards').add(cardOf(article, 7, []));
    await old
      .table('searchDocs')
      .add({ key: 7, articleId: 'a1', terms: ['budget'], strongTerms: ['budget'] });
    old.close();

    const db = openDatabase(name);
    expect(await db.searchDocs.get(7)).toMatchObject({
      articleId: 'a1',
      titleTerms: expect.stringMatching(
        /^(?=.*\bbudget\b)(?=.*\bvote\b)(?=.*\bpolitics\b)/,
      ) as unknown,
      terms: 'parliament approves',
    });
    await db.delete();
  });
});

describe('upgrade from version 5', () => {
  it('builds the search postings from every search document, and search finds by them', async () => {
    const name = `v5-${Math.random()}`;
    const old = new Dexie(name);
    old.version(5).stores(storeSpecsAt(5));
    await old.table('searchDocs').bulkAdd([
      {
        key: 7,
        articleId: 'a1',
        terms: ['parliament'],
        strongTerms: ['budget'],
        titleTerms: ['budget'],
      },
      { key: 9, articleId: 'a2', terms: ['budget'], strongTerms: ['harvest'], titleTerms: [] },
    ]);
    old.close();

    const db = openDatabase(name);
    const postings = await db.postings.toArray();
    const listed = (field: string, term: string) => [
      ...keysInPostings(
        postings.filter((posting) => posting.field === field),
        term,
        'whole',
      ),
    ];
    expect(listed(POSTING_FIELDS.body, 'budget')).toEqual([9]);
    expect(listed(POSTING_FIELDS.strong, 'budget')).toEqual([7]);
    expect(listed(POSTING_FIELDS.title, 'budget')).toEqual([7]);
    expect(listed(POSTING_FIELDS.body, 'parliament')).toEqual([7]);
    expect(listed(POSTING_FIELDS.strong, 'harvest')).toEqual([9]);
    // Words are grouped by their first three letters, in one shard: parliament, budget (twice), harvest.
    expect(postings).toHaveLength(5);
    await db.delete();
  });
});

describe('upgrade from version 7', () => {
  it('files every article in a shard of a few hundred, oldest first, and rebuilds postings', async () => {
    const name = `v7-${Math.random()}`;
    const old = new Dexie(name);
    old.version(7).stores(storeSpecsAt(7));
    const count = SHARD_ARTICLES + 2;
    await old.table('searchDocs').bulkAdd(
      Array.from({ length: count }, (_, at) => ({
        key: (count - at) * 1024,
        articleId: `a${at}`,
        terms: at === 0 ? ['newest'] : ['budget'],
        strongTerms: [],
        titleTerms: [],
      })),
    );
    // A date-shard record of version 7, which the upgrade replaces.
    await old.table('postings').add({
      field: POSTING_FIELDS.body,
      bucket: 'bud',
      shard: 1,
      lists: new Map([['budget', new Float64Array([1024])]]),
    });
    old.close();

    const db = openDatabase(name);
    const docs = await db.searchDocs.orderBy('key').toArray();
    expect(docs.slice(0, SHARD_ARTICLES).every((doc) => doc.shard === 0)).toBe(true);
    expect(docs.slice(SHARD_ARTICLES).map((doc) => doc.shard)).toEqual([1, 1]);
    expect(docs.at(-1)).toMatchObject({ terms: 'newest', strongTerms: '', titleTerms: '' });
    const postings = await db.postings.toArray();
    expect(postings.map((posting) => [posting.bucket, posting.shard]).sort()).toEqual([
      ['bud', 0],
      ['bud', 1],
      ['new', 1],
    ]);
    const budget = keysInPostings(postings, 'budget', 'whole');
    expect(budget.size).toBe(count - 1);
    expect([...keysInPostings(postings, 'newest', 'whole')]).toEqual([count * 1024]);
    await db.delete();
  });
});

describe('upgrade from version 9', () => {
  it('drops the stored body text and keeps the body, search words and everything else', async () => {
    const name = `v9-${Math.random()}`;
    const old = new Dexie(name);
    old.version(9).stores(storeSpecsAt(9));
    const stored: Record<string, unknown>[] = loadFixture('v2-articles.json').articles.map(
      (article) => ({ ...article, readAt: null, archivedAt: null }),
    );
    await old.table('articles').bulkAdd(stored);
    await old.table('searchDocs').add({ key: 1, articleId: 'kept', shard: 0, terms: 'budget' });
    old.close();

    const db = openDatabase(name);
    const upgraded = await db.articles.toArray();
    expect(upgraded).toHaveLength(stored.length);
    for (const article of upgraded) {
      expect(article).not.toHaveProperty('textContent');
      const before = stored.find((record) => record.id === article.id);
      expect(before?.textContent).toBeTypeOf('string');
      expect({ ...article, textContent: before?.textContent }).toEqual(before);
    }
    expect(await db.searchDocs.get(1)).toMatchObject({ terms: 'budget' });
    await db.delete();
  });
});
