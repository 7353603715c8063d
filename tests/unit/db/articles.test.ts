import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countArticles, listNewest, saveSnapshot, undoSave } from '../../../src/db/articles.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

let db: MarginsDatabase;
let ids = 0;
const newId = () => `id-${++ids}`;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 9, minute));

beforeEach(() => {
  db = openDatabase(`test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('saveSnapshot', () => {
  it('creates a record with its dates, empty tags and note', async () => {
    const saved = await saveSnapshot(db, makeSnapshot(), at(0), newId);
    expect(saved.status).toBe('created');
    expect(saved.article).toMatchObject({
      title: 'A story',
      savedAt: '2026-11-27T09:00:00.000Z',
      updatedAt: '2026-11-27T09:00:00.000Z',
      tags: [],
      note: '',
    });
    expect(saved.article).not.toHaveProperty('urlKeys');
    expect(saved.undo).toEqual({ articleId: saved.article.id, previous: null });
    expect(await countArticles(db)).toBe(1);
  });

  it('updates instead of duplicating when the same normalised address is saved again', async () => {
    const first = await saveSnapshot(db, makeSnapshot(), at(0), newId);
    const again = await saveSnapshot(
      db,
      makeSnapshot({
        url: 'https://www.news.example/2024/06/story/?utm_source=rss#c',
        title: 'New',
      }),
      at(5),
      newId,
    );
    expect(again.status).toBe('updated');
    expect(again.article.id).toBe(first.article.id);
    expect(again.article.savedAt).toBe(first.article.savedAt);
    expect(again.article.updatedAt).toBe('2026-11-27T09:05:00.000Z');
    expect(again.article.title).toBe('New');
    expect(again.undo.previous).toEqual(first.article);
    expect(await countArticles(db)).toBe(1);
  });

  it('finds the same article through its canonical address from another URL', async () => {
    await saveSnapshot(db, makeSnapshot({ url: 'https://amp.news.example/s?amp=1' }), at(0), newId);
    const again = await saveSnapshot(
      db,
      makeSnapshot({
        url: 'https://news.example/s2',
        canonicalUrl: 'https://news.example/2024/06/story',
      }),
      at(1),
      newId,
    );
    expect(again.status).toBe('updated');
    expect(await countArticles(db)).toBe(1);
  });

  it('keeps different articles apart', async () => {
    await saveSnapshot(db, makeSnapshot(), at(0), newId);
    await saveSnapshot(
      db,
      makeSnapshot({ url: 'https://news.example/other', canonicalUrl: null }),
      at(1),
      newId,
    );
    expect(await countArticles(db)).toBe(2);
  });
});

describe('undoSave', () => {
  it('deletes what a save created', async () => {
    const saved = await saveSnapshot(db, makeSnapshot(), at(0), newId);
    expect(await undoSave(db, saved.undo)).toBe(true);
    expect(await countArticles(db)).toBe(0);
  });

  it('restores what a save replaced, and the address still finds it', async () => {
    const first = await saveSnapshot(db, makeSnapshot(), at(0), newId);
    const second = await saveSnapshot(db, makeSnapshot({ title: 'Changed' }), at(1), newId);
    await undoSave(db, second.undo);
    const [restored] = await listNewest(db, 10);
    expect(restored).toEqual(first.article);
    expect((await saveSnapshot(db, makeSnapshot(), at(2), newId)).status).toBe('updated');
  });

  it('reports nothing to undo when the record is already gone', async () => {
    const saved = await saveSnapshot(db, makeSnapshot(), at(0), newId);
    await undoSave(db, saved.undo);
    expect(await undoSave(db, saved.undo)).toBe(false);
  });
});

describe('listNewest', () => {
  it('lists the newest saves first, up to the limit', async () => {
    for (let i = 0; i < 5; i++) {
      await saveSnapshot(
        db,
        makeSnapshot({ url: `https://n.example/${i}`, canonicalUrl: null, title: `T${i}` }),
        at(i),
        newId,
      );
    }
    const titles = (await listNewest(db, 3)).map((article) => article.title);
    expect(titles).toEqual(['T4', 'T3', 'T2']);
  });
});
