import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation } from '../../../src/db/annotations.ts';
import { setArticleTags } from '../../../src/db/article-notes.ts';
import { saveSnapshot, undoSave } from '../../../src/db/articles.ts';
import { editArticle } from '../../../src/db/edits.ts';
import { deleteArticles, restoreArticles } from '../../../src/db/library.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { CHANGES_CHANNEL } from '../../../src/db/names.ts';
import { searchKeys } from '../../../src/db/read/search.ts';
import type { RangeSelectors } from '../../../src/shared/anchoring/types.ts';
import { readerFor } from '../helpers/reader.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

let db: MarginsDatabase;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 9, minute));

beforeEach(() => {
  db = openDatabase(`search-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

async function save(minute: number, title: string, body: string, slug = title) {
  const url = `https://news.example/${encodeURIComponent(slug)}`;
  const saved = await saveSnapshot(
    db,
    makeSnapshot({ url, canonicalUrl: url, title, textContent: body, byline: null, authors: [] }),
    at(minute),
  );
  return saved.article;
}

/** The titles of the articles a query finds, best first. */
async function titlesFor(query: string): Promise<string[] | null> {
  const reader = await readerFor(db);
  const keys = await searchKeys(reader, query);
  reader.close();
  if (keys === null) return null;
  const cards = await db.cards.bulkGet(keys);
  return cards.map((card) => card?.title ?? '?');
}

function quote(exact: string): RangeSelectors {
  return [
    { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start: 0, end: exact.length },
  ];
}

describe('search', () => {
  it('finds words whatever their accents and case', async () => {
    await save(0, 'Sergueï Choïgou à Pyongyang', 'Le ministre russe en Corée du Nord.');
    await save(1, 'Unrelated', 'Nothing to see.');
    expect(await titlesFor('serguei')).toEqual(['Sergueï Choïgou à Pyongyang']);
    expect(await titlesFor('COREE du nord')).toEqual(['Sergueï Choïgou à Pyongyang']);
  });

  it('finds a word that soft hyphens split for line breaking', async () => {
    await save(
      0,
      'Lieferketten',
      'Die Unter\u00adneh\u00admen tragen Ver\u00adant\u00adwor\u00adtung.',
    );
    expect(await titlesFor('verantwortung')).toEqual(['Lieferketten']);
  });

  it('matches the word being typed as the start of a title word, and needs every word', async () => {
    await save(0, 'Budget vote', 'Parliament approves the budget.');
    await save(1, 'Budget cuts', 'Schools brace for cuts.');
    expect(await titlesFor('budg')).toEqual(['Budget cuts', 'Budget vote']);
    expect(await titlesFor('cuts bud')).toEqual(['Budget cuts']);
    expect(await titlesFor('budget parliament')).toEqual(['Budget vote']);
    expect(await titlesFor('budg ')).toEqual([]);
    expect(await titlesFor('b')).toEqual([]);
  });

  it('matches the start of a body word from four letters on', async () => {
    await save(0, 'Budget vote', 'Parliament approves the budget.');
    expect(await titlesFor('par')).toEqual([]);
    expect(await titlesFor('parl')).toEqual(['Budget vote']);
    expect(await titlesFor('the')).toEqual(['Budget vote']);
  });

  it('ranks title and highlight hits above body hits, then newest first', async () => {
    const older = await save(0, 'Harbour news', 'The eclipse was seen from the harbour.');
    await save(1, 'Eclipse tonight', 'Look up.');
    await save(2, 'Weather', 'Clouds may hide the eclipse.');
    await save(3, 'Sky guide', 'An eclipse, a comet and a meteor shower.');
    await createAnnotation(
      db,
      { articleId: older.id, selector: quote('The eclipse'), colour: 'yellow', note: '' },
      at(4),
    );
    expect(await titlesFor('eclipse')).toEqual([
      'Eclipse tonight',
      'Harbour news',
      'Sky guide',
      'Weather',
    ]);
  });

  it('searches tags and notes, and returns null for an empty query', async () => {
    const article = await save(0, 'Plain title', 'Plain body.');
    await setArticleTags(db, article.id, ['Géopolitique'], at(1));
    expect(await titlesFor('geopolitique')).toEqual(['Plain title']);
    expect(await titlesFor('  ')).toBeNull();
  });

  it('finds Japanese words in text without spaces', async () => {
    await save(0, '発表', '東京都は新しい計画を発表した。');
    expect(await titlesFor('計画')).toEqual(['発表']);
  });
});

describe('the search index is kept up to date', () => {
  it('by a re-save of the page', async () => {
    await save(0, 'First title', 'Old words.', 'same');
    await save(5, 'Second title', 'New words.', 'same');
    expect(await titlesFor('old')).toEqual([]);
    expect(await titlesFor('new')).toEqual(['Second title']);
    expect(await db.searchDocs.count()).toBe(1);
  });

  it('by an edit of the title', async () => {
    const article = await save(0, 'Wrong title', 'Body.');
    await editArticle(db, article.id, { title: 'Right title' }, at(1));
    expect(await titlesFor('wrong')).toEqual([]);
    expect(await titlesFor('right')).toEqual(['Right title']);
  });

  it('by adding and removing a highlight', async () => {
    const article = await save(0, 'Title', 'A memorable sentence.');
    const annotation = await createAnnotation(
      db,
      { articleId: article.id, selector: quote('memorable'), colour: 'yellow', note: 'zeitgeist' },
      at(1),
    );
    expect(await titlesFor('zeitgeist')).toEqual(['Title']);
    expect((await db.cards.get({ id: article.id }))?.highlightCount).toBe(1);
    await deleteAnnotation(db, annotation.id);
    expect(await titlesFor('zeitgeist')).toEqual([]);
    // No highlights: no value, so the card adds no entry to the highlightCount index.
    expect(await db.cards.get({ id: article.id })).not.toHaveProperty('highlightCount');
  });

  it('by deleting, undoing a save and restoring', async () => {
    const saved = await saveSnapshot(db, makeSnapshot({ title: 'Ephemeral' }), at(0));
    await undoSave(db, saved.undo);
    expect(await titlesFor('ephemeral')).toEqual([]);
    const kept = await save(1, 'Kept', 'Body.');
    const deleted = await deleteArticles(db, [kept.id]);
    expect(await titlesFor('kept')).toEqual([]);
    expect(await db.cards.count()).toBe(0);
    await restoreArticles(db, deleted);
    expect(await titlesFor('kept')).toEqual(['Kept']);
  });
});

describe('words already looked up while typing', () => {
  it('are read again once a write commits', async () => {
    const article = await save(0, 'Kept', 'Body.');
    const reader = await readerFor(db);
    const titles = async (query: string) => {
      const keys = (await searchKeys(reader, query)) ?? [];
      return (await db.cards.bulkGet(keys)).map((card) => card?.title);
    };
    expect(await titles('kept body')).toEqual(['Kept']);
    const announced = new Promise((resolve) => {
      const channel = new BroadcastChannel(CHANGES_CHANNEL);
      channel.onmessage = () => {
        channel.close();
        resolve(undefined);
      };
    });
    await editArticle(db, article.id, { title: 'Renamed' }, at(1));
    await announced;
    expect(await titles('kept body')).toEqual([]);
    reader.close();
  });
});
