import type { ArticleRecord, ArticleSnapshot } from '../../../src/shared/article.ts';

/** A valid snapshot; each test overrides only the fields it is about. */
export function makeSnapshot(overrides: Partial<ArticleSnapshot> = {}): ArticleSnapshot {
  return {
    kind: 'article',
    url: 'https://news.example/2024/06/story',
    canonicalUrl: 'https://news.example/2024/06/story',
    originalSourceUrl: null,
    title: 'A story',
    byline: 'Jane Doe',
    authors: ['Jane Doe'],
    siteName: 'News Example',
    publishedTime: '2024-06-18T20:17:30',
    modifiedTime: null,
    lang: 'en',
    dir: 'ltr',
    excerpt: 'The first paragraph.',
    contentHtml: '<p>The first paragraph.</p>',
    textContent: 'The first paragraph.',
    wordCount: 3,
    leadImageUrl: null,
    fieldSources: { title: 'readability', byline: 'visible-text' },
    ...overrides,
  };
}

/** A stored article: a valid snapshot with what saving adds, unread, untagged, no note. */
export function makeRecord(
  snapshot: Partial<ArticleSnapshot>,
  overrides: Partial<ArticleRecord> & Pick<ArticleRecord, 'id' | 'savedAt'>,
): ArticleRecord {
  return {
    ...makeSnapshot(snapshot),
    updatedAt: overrides.savedAt,
    tags: [],
    note: '',
    readAt: null,
    archivedAt: null,
    ...overrides,
  };
}
