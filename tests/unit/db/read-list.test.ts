import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../src/db/annotations.ts';
import { setArticleTags } from '../../../src/db/article-notes.ts';
import { saveSnapshot } from '../../../src/db/articles.ts';
import {
  cardsFor,
  listFacets,
  listKeys,
  NO_FILTER,
  type ListQuery,
} from '../../../src/db/read/list.ts';
import { deleteArticles, restoreArticles, setArchived, setRead } from '../../../src/db/library.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { readerFor } from '../helpers/reader.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

let db: MarginsDatabase;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 9, minute));

beforeEach(() => {
  db = openDatabase(`view-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

async function save(minute: number, title: string, extra: Parameters<typeof makeSnapshot>[0] = {}) {
  const url = `https://${extra.siteName === 'Other' ? 'other' : 'news'}.example/${minute}`;
  const saved = await saveSnapshot(
    db,
    makeSnapshot({ url, canonicalUrl: url, title, ...extra }),
    at(minute),
  );
  return saved.article;
}

async function titles(query: Partial<ListQuery> = {}): Promise<string[]> {
  const reader = await readerFor(db);
  const keys = await listKeys(reader, {
    text: '',
    sort: 'saved',
    ...query,
    filter: { ...NO_FILTER, ...query.filter },
  });
  const cards = await cardsFor(reader, keys);
  reader.close();
  return cards.map((card) => card.title);
}

describe('the list', () => {
  it('is newest first, or by publish date with undated articles last', async () => {
    await save(0, 'Old save, new story', { publishedTime: '2026-01-02' });
    await save(1, 'Undated', { publishedTime: null });
    await save(2, 'New save, old story', { publishedTime: '2020-05-05T10:00:00Z' });
    expect(await titles()).toEqual(['New save, old story', 'Undated', 'Old save, new story']);
    expect(await titles({ sort: 'published' })).toEqual([
      'Old save, new story',
      'New save, old story',
      'Undated',
    ]);
  });

  it('filters by tag, site, highlights and read state', async () => {
    const tagged = await save(0, 'Tagged', { siteName: 'Other' });
    const highlighted = await save(1, 'Highlighted');
    const read = await save(2, 'Read');
    await setArticleTags(db, tagged.id, ['asia'], at(3));
    await createAnnotation(
      db,
      {
        articleId: highlighted.id,
        selector: [
          { type: 'TextQuoteSelector', exact: 'first', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 4, end: 9 },
        ],
        colour: 'green',
        note: '',
      },
      at(4),
    );
    await setRead(db, [read.id], true, at(5));
    expect(await titles({ filter: { ...NO_FILTER, tag: 'asia' } })).toEqual(['Tagged']);
    expect(await titles({ filter: { ...NO_FILTER, site: 'Other' } })).toEqual(['Tagged']);
    expect(await titles({ filter: { ...NO_FILTER, withHighlights: true } })).toEqual([
      'Highlighted',
    ]);
    expect(await titles({ filter: { ...NO_FILTER, read: 'read' } })).toEqual(['Read']);
    expect(await titles({ filter: { ...NO_FILTER, read: 'unread' } })).toEqual([
      'Highlighted',
      'Tagged',
    ]);
    expect(await listFacets(await readerFor(db))).toEqual({
      tags: ['asia'],
      sites: ['News Example', 'Other'],
    });
  });

  it('adds no filter index entries for what most cards are not, and reads older cards alike', async () => {
    const plain = await save(0, 'Plain');
    const older = await save(1, 'Older card');
    const archived = await save(2, 'Archived');
    await setArchived(db, [archived.id], true, at(3));
    const card = await db.cards.get({ id: plain.id });
    expect(card).not.toHaveProperty('read');
    expect(card).not.toHaveProperty('archived');
    expect(card).not.toHaveProperty('highlightCount');
    expect(await db.cards.get({ id: archived.id })).toMatchObject({ archived: 1 });
    // A card as versions before wrote it: every flag stored, 0 when unset.
    const before = await db.cards.get({ id: older.id });
    if (!before) throw new Error('no card');
    await db.cards.put({ ...before, read: 0, archived: 0, highlightCount: 0 });
    expect(await titles({ filter: { ...NO_FILTER, read: 'unread' } })).toEqual([
      'Older card',
      'Plain',
    ]);
    expect(await titles({ filter: { ...NO_FILTER, withHighlights: true } })).toEqual([]);
    expect(await titles({ filter: { ...NO_FILTER, archived: true } })).toEqual(['Archived']);
  });

  it('lists each tag and site once, however many articles share it', async () => {
    const tagSets = [['politics', 'asia'], ['asia'], ['asia', 'economy'], ['asi'], ['asia!']];
    for (const [index, tags] of tagSets.entries()) {
      const article = await save(index, `Article ${index}`, {
        siteName: index % 2 ? 'Other' : 'News Example',
      });
      await setArticleTags(db, article.id, tags, at(10 + index));
    }
    expect(await listFacets(await readerFor(db))).toEqual({
      tags: ['asi', 'asia', 'asia!', 'economy', 'politics'],
      sites: ['News Example', 'Other'],
    });
  });

  it('combines the search box with the filters', async () => {
    const first = await save(0, 'Budget in Asia');
    await save(1, 'Budget in Europe');
    await setArticleTags(db, first.id, ['asia'], at(2));
    expect(await titles({ text: 'budget' })).toEqual(['Budget in Europe', 'Budget in Asia']);
    expect(await titles({ text: 'budget', filter: { ...NO_FILTER, tag: 'asia' } })).toEqual([
      'Budget in Asia',
    ]);
  });

  it('moves archived articles out of the main list and back', async () => {
    const archived = await save(0, 'Archived');
    await save(1, 'Kept');
    await setArchived(db, [archived.id], true, at(2));
    expect(await titles()).toEqual(['Kept']);
    expect(await titles({ filter: { ...NO_FILTER, archived: true } })).toEqual(['Archived']);
    await setArchived(db, [archived.id], false, at(3));
    expect(await titles()).toEqual(['Kept', 'Archived']);
  });
});

describe('read state', () => {
  it('keeps the first time an article was read', async () => {
    const article = await save(0, 'Story');
    await setRead(db, [article.id], true, at(1));
    await setRead(db, [article.id], true, at(2));
    expect((await db.articles.get(article.id))?.readAt).toBe(at(1).toISOString());
    await setRead(db, [article.id], false, at(3));
    expect((await db.articles.get(article.id))?.readAt).toBeNull();
  });
});

describe('delete and undo', () => {
  it('deletes a selection with its annotations and restores it exactly', async () => {
    const first = await save(0, 'First');
    const second = await save(1, 'Second');
    await createAnnotation(
      db,
      {
        articleId: first.id,
        selector: [
          { type: 'TextQuoteSelector', exact: 'first', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 4, end: 9 },
        ],
        colour: 'yellow',
        note: 'keep me',
      },
      at(2),
    );
    const before = await db.articles.toArray();
    const deleted = await deleteArticles(db, [first.id, second.id, 'missing']);
    expect(deleted.map((article) => article.title)).toEqual(['First', 'Second']);
    expect(await db.articles.count()).toBe(0);
    expect(await db.annotations.count()).toBe(0);
    expect(await restoreArticles(db, deleted)).toBe(2);
    expect(await db.articles.toArray()).toEqual(before);
    expect(await db.annotations.count()).toBe(1);
    expect(await titles()).toEqual(['Second', 'First']);
  });

  it('does not restore over the same page saved again meanwhile', async () => {
    const first = await save(0, 'Deleted copy');
    const deleted = await deleteArticles(db, [first.id]);
    await save(0, 'Saved again');
    expect(await restoreArticles(db, deleted)).toBe(0);
    expect(await titles()).toEqual(['Saved again']);
  });
});
