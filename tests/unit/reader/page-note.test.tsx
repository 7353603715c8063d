// @vitest-environment jsdom
/**
 * The article's note against the real background (router and database): a note the library
 * reports late, from before the field's own save, neither replaces what the user typed nor makes
 * the next edit look already saved.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { handleMessage } from '../../../src/background/router.ts';
import { saveSnapshot } from '../../../src/db/articles.ts';
import { toRecord } from '../../../src/db/records.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { PageNote } from '../../../src/reader/components/PageNote.tsx';
import type { ArticleRecord } from '../../../src/shared/article.ts';
import { installFakePlatform } from '../helpers/fake-platform.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

let db: MarginsDatabase;
let root: HTMLElement;

beforeEach(() => {
  const browser = installFakePlatform();
  db = openDatabase(`page-note-${Math.random()}`);
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, db));
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

async function stored(id: string) {
  const article = await db.articles.get(id);
  if (!article) throw new Error(`${id} is not stored`);
  return toRecord(article);
}
const show = (article: ArticleRecord) => act(() => render(<PageNote article={article} />, root));
const field = () => root.querySelector('textarea') as HTMLTextAreaElement;
/** Types into the note and leaves the field, which saves it; resolves once it is stored. */
async function write(text: string) {
  await act(() => {
    field().value = text;
    field().dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => {
    field().dispatchEvent(new Event('blur'));
  });
  await vi.waitFor(() => expect(root.querySelector('.save-state.saved')).not.toBeNull());
}

it('keeps the saved note on screen when the library reports the note from before it', async () => {
  const before = (await saveSnapshot(db, makeSnapshot(), new Date(0))).article;
  await show(before);
  await write('À relire');
  const first = await stored(before.id);
  await write('À relire avant la réunion');
  // The live query answers late, with the article as the first save left it.
  await show(first);
  expect(field().value).toBe('À relire avant la réunion');
  // Going back to the first words is a change to store, not the "unchanged" stale note.
  await write('À relire');
  expect((await stored(before.id)).note).toBe('À relire');
  await show(await stored(before.id));
  expect(field().value).toBe('À relire');
});

it('shows a note saved elsewhere after its own', async () => {
  const before = (await saveSnapshot(db, makeSnapshot(), new Date(0))).article;
  await show(before);
  await write('première');
  const mine = await stored(before.id);
  await show({ ...mine, note: 'depuis un autre onglet', updatedAt: new Date().toISOString() });
  expect(field().value).toBe('depuis un autre onglet');
});
