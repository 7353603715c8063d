import { describe, expect, it } from 'vitest';
import { editsFrom, initialValues } from '../../../src/popup/edit-form.ts';
import type { ArticleRecord } from '../../../src/shared/article.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

const article: ArticleRecord = {
  ...makeSnapshot(),
  id: 'a',
  savedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  tags: [],
  note: '',
  readAt: null,
  archivedAt: null,
};

describe('the correction form', () => {
  it('starts from the saved values, the date as a day', () => {
    expect(initialValues(article)).toEqual({
      title: 'A story',
      byline: 'Jane Doe',
      publishedDate: '2024-06-18',
    });
  });

  it('sends nothing when nothing changed, so the precise time is kept', () => {
    expect(editsFrom(article, initialValues(article))).toEqual({});
  });

  it('sends only what changed; an emptied author or date clears it', () => {
    expect(
      editsFrom(article, { title: 'A story', byline: '  ', publishedDate: '2024-06-19' }),
    ).toEqual({ byline: null, publishedTime: '2024-06-19' });
    expect(editsFrom(article, { ...initialValues(article), publishedDate: '' })).toEqual({
      publishedTime: null,
    });
  });
});
