// @vitest-environment jsdom
// The reader lists highlights imported with their quote alone: "not placed yet" while the
// article is a link without text, "could not be placed" when its text does not hold the quote.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSnapshot } from '../../../src/db/articles.ts';
import { applyImport } from '../../../src/db/import.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import type { ImportParse } from '../../../src/import/index.ts';
import { ReaderApp } from '../../../src/reader/components/ReaderApp.tsx';
import { makeSnapshot } from '../helpers/snapshot.ts';
import { item } from '../import/helpers.ts';

const URL_OF_ARTICLE = 'https://news.example/long-read';
const NOW = new Date('2026-12-01T08:00:00.000Z');

function parseWith(contentHtml: string | null): ImportParse {
  const imported = item({
    origin: 'part_000000.csv, line 2',
    url: URL_OF_ARTICLE,
    title: 'The long read',
    contentHtml,
    highlights: [
      {
        quote: 'Parliament voted late on Tuesday.',
        note: 'Remember this',
        created: '2024-03-01T10:00:00.000Z',
      },
      { quote: 'A sentence the page never had', note: '', created: '2024-03-01T10:05:00.000Z' },
    ],
  });
  return { kind: 'items', format: 'pocket-zip', items: [imported], skipped: [], warnings: [] };
}

describe('the reader with quote-only highlights', () => {
  let root: HTMLElement;
  let db: MarginsDatabase;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    db = openDatabase(`reader-quote-only-${Math.random()}`);
    // Opening an article marks it read through the background, which these tests do not run.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    render(null, root);
    root.remove();
    await db.delete();
    vi.restoreAllMocks();
  });

  const quotesIn = (selector: string) =>
    [...root.querySelectorAll(`${selector} .annotation-quote`)].map((quote) => quote.textContent);

  it('lists them as not placed yet on a link without text', async () => {
    await applyImport(db, parseWith(null), NOW, undefined, { document });
    const article = await db.articles.toCollection().first();
    render(<ReaderApp db={db} articleId={article?.id ?? ''} />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=pending]')).not.toBeNull());
    expect(root.querySelector('#pending-heading')?.textContent).toBe('Not placed yet');
    expect(quotesIn('[data-testid=pending]')).toEqual([
      'Parliament voted late on Tuesday.',
      'A sentence the page never had',
    ]);
    expect(root.textContent).toContain('Remember this');
  });

  it('places the one the saved text holds and lists the other as could not be placed', async () => {
    await applyImport(db, parseWith(null), NOW, undefined, { document });
    const saved = await saveSnapshot(
      db,
      makeSnapshot({
        url: URL_OF_ARTICLE,
        canonicalUrl: URL_OF_ARTICLE,
        contentHtml: '<p>Parliament voted late on Tuesday. The opposition walked out.</p>',
      }),
      NOW,
    );
    render(<ReaderApp db={db} articleId={saved.article.id} />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=orphans]')).not.toBeNull());
    expect(root.querySelector('#orphans-heading')?.textContent).toBe('Could not be placed');
    expect(quotesIn('[data-testid=orphans]')).toEqual(['A sentence the page never had']);
    expect(quotesIn('[data-testid=annotation-list]')).toEqual([
      'Parliament voted late on Tuesday.',
    ]);
    expect(root.querySelector('mark.margins-hl')?.textContent).toBe(
      'Parliament voted late on Tuesday.',
    );
  });
});
