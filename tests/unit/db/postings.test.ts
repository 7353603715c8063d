import type { Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSnapshot } from '../../../src/db/articles.ts';
import type { SearchDoc } from '../../../src/db/derived.ts';
import { editArticle } from '../../../src/db/edits.ts';
import { applyImport } from '../../../src/db/import.ts';
import { deleteArticles, setRead } from '../../../src/db/library.ts';
import {
  POSTING_FIELDS,
  bucketOf,
  keysInPostings,
  postingRange,
  type Posting,
  type PostingId,
} from '../../../src/db/postings.ts';
import { PostingChanges } from '../../../src/db/posting-changes.ts';
import { BULK_SHARD_ARTICLES, SHARD_ARTICLES } from '../../../src/db/posting-shards.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { parseImport } from '../../../src/import/index.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

let db: MarginsDatabase;
beforeEach(() => {
  db = openDatabase(`postings-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const doc = (key: number, terms: string[], strongTerms: string[] = [], shard = 0): SearchDoc => ({
  key,
  articleId: `a${key}`,
  shard,
  terms: terms.join(' '),
  strongTerms: strongTerms.join(' '),
  titleTerms: strongTerms.join(' '),
});

/** The list keys the postings give for one word of one field, all shards together. */
async function keysFor(field: Posting['field'], term: string): Promise<number[]> {
  const range = postingRange(field, term, 'whole');
  const postings = await db.postings
    .where('[field+bucket+shard]')
    .between(range.lower, range.upper, true, true)
    .toArray();
  return [...keysInPostings(postings, term, 'whole')].sort((a, b) => a - b);
}

async function apply(changes: PostingChanges): Promise<void> {
  await db.transaction('rw', db.postings, () => changes.applyTo(db.postings));
}

describe('postings', () => {
  it('list each article under its words, by field, keys ascending', async () => {
    const changes = new PostingChanges();
    changes.addDoc(doc(30, ['budget', 'vote'], ['parliament']));
    changes.addDoc(doc(10, ['budget']));
    await apply(changes);
    expect(await keysFor(POSTING_FIELDS.body, 'budget')).toEqual([10, 30]);
    const stored = await db.postings.get([POSTING_FIELDS.body, bucketOf('budget'), 0]);
    expect(stored?.words).toBe('budget');
    expect([...(stored?.keys ?? [])]).toEqual([10, 30]);
    // Two words of one bucket: each list in the words' order, its length in counts.
    const more = new PostingChanges();
    more.addDoc(doc(40, ['budgets']));
    await apply(more);
    const both = await db.postings.get([POSTING_FIELDS.body, bucketOf('budget'), 0]);
    expect(both?.words).toBe('budget budgets');
    expect([...(both?.counts ?? [])]).toEqual([2, 1]);
    expect([...(both?.keys ?? [])]).toEqual([10, 30, 40]);
    expect(await keysFor(POSTING_FIELDS.strong, 'parliament')).toEqual([30]);
    expect(await keysFor(POSTING_FIELDS.title, 'parliament')).toEqual([30]);
    expect(await keysFor(POSTING_FIELDS.body, 'parliament')).toEqual([]);
  });

  it('drop an article from its words, and a posting left empty', async () => {
    const first = new PostingChanges();
    first.addDoc(doc(1, ['alpha', 'beta']));
    first.addDoc(doc(2, ['alpha']));
    await apply(first);
    const second = new PostingChanges();
    second.removeDoc(doc(1, ['alpha', 'beta']));
    await apply(second);
    expect(await keysFor(POSTING_FIELDS.body, 'alpha')).toEqual([2]);
    expect(await db.postings.count()).toBe(1);
  });

  it('write nothing when an article loses and regains the same words', async () => {
    const calls: string[] = [];
    const table = {
      bulkGet: (ids: PostingId[]) => {
        calls.push(`get ${ids.length}`);
        return Promise.resolve(ids.map(() => undefined));
      },
      bulkPut: (rows: Posting[]) => {
        calls.push(`put ${rows.length}`);
        return Promise.resolve();
      },
      bulkDelete: (ids: PostingId[]) => {
        calls.push(`delete ${ids.length}`);
        return Promise.resolve();
      },
    } as unknown as Table<Posting, PostingId>;
    const changes = new PostingChanges();
    changes.removeDoc(doc(5, ['same', 'words'], ['title']));
    changes.addDoc(doc(5, ['same', 'words'], ['title']));
    await changes.applyTo(table);
    expect(calls).toEqual([]);
  });

  it('are written without being read in shards that held no article', async () => {
    const first = new PostingChanges();
    first.addDoc(doc(1, ['election'], [], 0));
    await apply(first);
    const read: number[] = [];
    const table = db.postings;
    const watched = Object.create(table) as Table<Posting, PostingId>;
    watched.bulkGet = (ids: PostingId[]) => {
      read.push(...ids.map((id) => id[2]));
      return table.bulkGet(ids);
    };
    const second = new PostingChanges();
    second.addDoc(doc(2, ['election'], [], 0));
    second.addDoc(doc(3, ['election'], [], 1));
    second.shardsWereEmpty([1]);
    await db.transaction('rw', db.postings, () => second.applyTo(watched));
    expect(read).toEqual([0]);
    expect(await keysFor(POSTING_FIELDS.body, 'election')).toEqual([1, 2, 3]);
  });

  it("keep an imported article's words when the next import adds to its shard", async () => {
    const importRows = async (rows: string[]) => {
      const csv = ['title,url,time_added,cursor,tags,status', ...rows].join('\n');
      await applyImport(db, await parseImport(new TextEncoder().encode(csv)), new Date());
    };
    await importRows(['Harbour lanterns,https://news.example/one,1709285400,1,,unread']);
    await importRows(['Harbour ferries,https://news.example/two,1709289000,2,,unread']);
    expect(await keysFor(POSTING_FIELDS.title, 'harbour')).toHaveLength(2);
    expect(await keysFor(POSTING_FIELDS.title, 'lanterns')).toHaveLength(1);
  });

  it('keep the articles of different shards in separate records of the same word', async () => {
    const changes = new PostingChanges();
    changes.addDoc(doc(1, ['election'], [], 0));
    changes.addDoc(doc(2, ['election'], [], 1));
    await apply(changes);
    expect(await db.postings.count()).toBe(2);
    expect(await keysFor(POSTING_FIELDS.body, 'election')).toEqual([1, 2]);
  });

  it('are found for a prefix in the records of every word that starts with it, and no other', () => {
    const { body, title } = POSTING_FIELDS;
    const long = postingRange(body, 'gouv', 'prefix');
    expect(long.includes([body, 'gou', 3])).toBe(true);
    expect(long.includes([body, 'gov', 3])).toBe(false);
    expect(long.includes([POSTING_FIELDS.strong, 'gou', 3])).toBe(false);
    const short = postingRange(title, 'th', 'prefix');
    expect(short.includes([title, 'th', 3])).toBe(true);
    expect(short.includes([title, 'the', 3])).toBe(true);
    expect(short.includes([title, 'ti', 3])).toBe(false);
    // A short word searched whole is one bucket, not every bucket that starts with it.
    const whole = postingRange(body, 'l', 'whole');
    expect(whole.includes([body, 'l', 3])).toBe(true);
    expect(whole.includes([body, 'la', 3])).toBe(false);
    const record: Posting = {
      field: body,
      bucket: 'gou',
      shard: 3,
      words: 'gourmet gouv gouvernement',
      counts: new Uint32Array([1, 1, 2]),
      keys: new Float64Array([3, 1, 2, 4]),
    };
    expect([...keysInPostings([record], 'gouv', 'prefix')]).toEqual([1, 2, 4]);
    expect([...keysInPostings([record], 'gouv', 'whole')]).toEqual([1]);
  });
});

describe('postings kept by every write', () => {
  const save = (title: string, text: string, slug: string) =>
    saveSnapshot(
      db,
      makeSnapshot({
        url: `https://news.example/${slug}`,
        canonicalUrl: null,
        title,
        textContent: text,
      }),
      new Date('2026-11-27T09:00:00.000Z'),
    );

  it('follow a save, an edit of the title, a read mark and a delete', async () => {
    const { article } = await save('Budget vote', 'Parliament approves the plan.', 'one');
    expect(await keysFor(POSTING_FIELDS.title, 'budget')).toHaveLength(1);
    expect(await keysFor(POSTING_FIELDS.body, 'parliament')).toHaveLength(1);

    await editArticle(db, article.id, { title: 'Harvest festival' }, new Date());
    expect(await keysFor(POSTING_FIELDS.title, 'budget')).toEqual([]);
    expect(await keysFor(POSTING_FIELDS.strong, 'harvest')).toHaveLength(1);

    const before = await db.postings.toArray();
    await setRead(db, [article.id], true, new Date());
    expect(await db.postings.toArray()).toEqual(before);

    await deleteArticles(db, [article.id]);
    expect(await db.postings.count()).toBe(0);
  });

  it('fill shards in the order articles arrive: BULK_SHARD_ARTICLES in bulk writes, SHARD_ARTICLES for a save', async () => {
    const importHarbours = async (count: number, from: number) => {
      const rows = Array.from(
        { length: count },
        (_, index) =>
          `Harbour ${from + index},https://news.example/${from + index},${1709285400 - (from + index) * 86400},${from + index},,unread`,
      );
      const csv = ['title,url,time_added,cursor,tags,status', ...rows].join('\n');
      await applyImport(db, await parseImport(new TextEncoder().encode(csv)), new Date());
    };
    await importHarbours(BULK_SHARD_ARTICLES + 1, 0);
    const shardsOf = async () =>
      Object.fromEntries(
        (await db.searchDocs.toArray()).map((row) => [row.articleId, row.shard] as const),
      );
    const counts = (shards: Record<string, number>) =>
      Object.values(shards).reduce<Record<number, number>>((byShard, shard) => {
        byShard[shard] = (byShard[shard] ?? 0) + 1;
        return byShard;
      }, {});
    expect(counts(await shardsOf())).toEqual({ 0: BULK_SHARD_ARTICLES, 1: 1 });

    const { article } = await save('Budget vote', 'Parliament approves the plan.', 'saved');
    const afterSave = await shardsOf();
    expect(afterSave[article.id]).toBe(1);
    expect(counts(afterSave)).toEqual({ 0: BULK_SHARD_ARTICLES, 1: 2 });

    // A bulk write fills the newest shard past what a save joins: the next save opens a new one.
    await importHarbours(SHARD_ARTICLES, BULK_SHARD_ARTICLES + 1);
    expect(counts(await shardsOf())).toEqual({ 0: BULK_SHARD_ARTICLES, 1: SHARD_ARTICLES + 2 });
    const { article: next } = await save('Ferry strike', 'The crossings stop.', 'ferry');
    expect((await shardsOf())[next.id]).toBe(2);

    const [inFirst = ''] = Object.keys(afterSave).filter((id) => afterSave[id] === 0);
    await editArticle(db, inFirst, { title: 'Harvest festival' }, new Date());
    expect((await shardsOf())[inFirst]).toBe(0);
    expect(await keysFor(POSTING_FIELDS.strong, 'harvest')).toHaveLength(1);
    // Every harbour imported but the one retitled.
    expect(await keysFor(POSTING_FIELDS.title, 'harbour')).toHaveLength(
      BULK_SHARD_ARTICLES + SHARD_ARTICLES,
    );
  });
});
