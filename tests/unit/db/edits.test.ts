import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSnapshot } from '../../../src/db/articles.ts';
import { editArticle, splitAuthors } from '../../../src/db/edits.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { exportCollection } from '../../../src/db/export.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

let db: MarginsDatabase;
beforeEach(() => {
  db = openDatabase(`edits-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('editArticle', () => {
  it("changes the fields given, marks them as the user's and leaves the rest", async () => {
    const { article } = await saveSnapshot(db, makeSnapshot(), new Date('2026-01-01T00:00:00Z'));
    const edited = await editArticle(
      db,
      article.id,
      { title: '  Corrected headline ', byline: 'Ann Poe and Bo Roe' },
      new Date('2026-01-02T00:00:00Z'),
    );
    expect(edited).toMatchObject({
      title: 'Corrected headline',
      byline: 'Ann Poe and Bo Roe',
      authors: ['Ann Poe', 'Bo Roe'],
      publishedTime: article.publishedTime,
      updatedAt: '2026-01-02T00:00:00.000Z',
      savedAt: article.savedAt,
    });
    expect(edited.fieldSources).toMatchObject({ title: 'user', byline: 'user' });
    expect(edited.fieldSources.publishedTime).toBe(article.fieldSources.publishedTime);
  });

  it('clears a wrong date when given null', async () => {
    const { article } = await saveSnapshot(db, makeSnapshot(), new Date());
    const edited = await editArticle(db, article.id, { publishedTime: null }, new Date());
    expect(edited.publishedTime).toBeNull();
    expect(edited.fieldSources.publishedTime).toBe('user');
  });

  it('says the article is gone when it was deleted meanwhile', async () => {
    await expect(editArticle(db, 'missing', { title: 'x' }, new Date())).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('a re-save of a corrected page', () => {
  it("keeps the user's corrections and refreshes everything else", async () => {
    const { article } = await saveSnapshot(db, makeSnapshot(), new Date());
    await editArticle(
      db,
      article.id,
      { byline: 'Right Author', publishedTime: '2024-06-19' },
      new Date(),
    );
    const again = await saveSnapshot(
      db,
      makeSnapshot({
        title: 'Updated headline',
        byline: 'Wrong Author',
        authors: ['Wrong Author'],
      }),
      new Date(),
    );
    expect(again.status).toBe('updated');
    expect(again.article).toMatchObject({
      title: 'Updated headline',
      byline: 'Right Author',
      authors: ['Right Author'],
      publishedTime: '2024-06-19',
    });
    expect(again.article.fieldSources).toMatchObject({
      title: 'readability',
      byline: 'user',
      publishedTime: 'user',
    });
  });

  it('exports the corrections with their mark', async () => {
    const { article } = await saveSnapshot(db, makeSnapshot(), new Date());
    await editArticle(db, article.id, { title: 'Mine' }, new Date());
    const exported = JSON.parse((await exportCollection(db, new Date())).join('')) as {
      articles: { title: string; fieldSources: Record<string, string> }[];
    };
    expect(exported.articles[0]).toMatchObject({ title: 'Mine', fieldSources: { title: 'user' } });
  });
});

describe('splitAuthors', () => {
  it.each([
    ['Jane Doe, John Roe', ['Jane Doe', 'John Roe']],
    ['Marie Dupont et Paul Martin', ['Marie Dupont', 'Paul Martin']],
    ['A & B; A', ['A', 'B']],
    ['', []],
    [null, []],
  ])('%j → %j', (byline, authors) => {
    expect(splitAuthors(byline)).toEqual(authors);
  });
});
