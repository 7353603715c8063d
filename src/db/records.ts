/**
 * The record as it is shown and exported: the stored article without its derived lookup keys.
 */
import type { ArticleRecord } from '../shared/article.ts';
import type { StoredArticle } from './schema.ts';

export function toRecord(stored: StoredArticle): ArticleRecord {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- urlKeys is derived, not data.
  const { urlKeys, ...record } = stored;
  return record;
}
