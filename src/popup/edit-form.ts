/**
 * Turns what the user typed in the correction form into the edits to send: only the fields that
 * changed, an emptied author or date clears it.
 */
import type { ArticleRecord } from '../shared/article.ts';
import type { ArticleEdits } from '../shared/protocol.ts';

export interface EditFormValues {
  title: string;
  byline: string;
  /** `YYYY-MM-DD` from a date input, or '' when empty. */
  publishedDate: string;
}

export function initialValues(article: ArticleRecord): EditFormValues {
  return {
    title: article.title,
    byline: article.byline ?? '',
    publishedDate: article.publishedTime?.slice(0, 10) ?? '',
  };
}

export function editsFrom(article: ArticleRecord, values: EditFormValues): ArticleEdits {
  const initial = initialValues(article);
  const edits: ArticleEdits = {};
  if (values.title.trim() !== initial.title.trim()) edits.title = values.title.trim();
  if (values.byline.trim() !== initial.byline.trim()) edits.byline = values.byline.trim() || null;
  // Unchanged, the date keeps the precision the page gave (a time too); changed, it is a day.
  if (values.publishedDate !== initial.publishedDate)
    edits.publishedTime = values.publishedDate || null;
  return edits;
}
