import { htmlText } from '../../../src/shared/article-html/html-text.ts';
import {
  storedFieldsOf,
  type ArticleRecord,
  type ArticleSnapshot,
} from '../../../src/shared/article.ts';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The body fields agree with each other as in a real save: a test that gives only the text gets
 * it as paragraphs of HTML, one that gives only the HTML gets its text.
 */
function bodyOf(overrides: Partial<ArticleSnapshot>): Partial<ArticleSnapshot> {
  const { contentHtml, textContent } = overrides;
  if (textContent !== undefined && contentHtml === undefined) {
    const paragraphs = textContent.split('\n').filter((line) => line.trim());
    return { contentHtml: paragraphs.map((line) => `<p>${escapeHtml(line)}</p>`).join('') };
  }
  if (contentHtml !== undefined && textContent === undefined) {
    return { textContent: htmlText(contentHtml) };
  }
  return {};
}

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
    ...bodyOf(overrides),
  };
}

/** A stored article: a valid snapshot with what saving adds, unread, untagged, no note. */
export function makeRecord(
  snapshot: Partial<ArticleSnapshot>,
  overrides: Partial<ArticleRecord> & Pick<ArticleRecord, 'id' | 'savedAt'>,
): ArticleRecord {
  return {
    ...storedFieldsOf(makeSnapshot(snapshot)),
    updatedAt: overrides.savedAt,
    tags: [],
    note: '',
    readAt: null,
    archivedAt: null,
    ...overrides,
  };
}
