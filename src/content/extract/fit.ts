/**
 * The background refuses a snapshot over the schema's bounds ("invalid page"), so a page with a
 * 5,000-character <title> or two hundred credited names would not save at all. The metadata is
 * cut to those bounds here instead; the body keeps its own limit, which the user is told about.
 */
import {
  MAX_AUTHOR,
  MAX_AUTHORS,
  MAX_LANG,
  MAX_SHORT_TEXT,
  type ArticleSnapshot,
} from '../../shared/article.ts';

/** `text` cut to `max` characters, not inside a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

const cutOrNull = (text: string | null, max: number): string | null =>
  text === null ? null : cut(text, max);

/** The snapshot with its metadata within the schema's bounds. */
export function fitToSchema(snapshot: ArticleSnapshot): ArticleSnapshot {
  // A cut language tag would be another language's: one too long is dropped, with its source.
  const langFits = snapshot.lang === null || snapshot.lang.length <= MAX_LANG;
  const otherSources = { ...snapshot.fieldSources };
  delete otherSources.lang;
  return {
    ...snapshot,
    title: cut(snapshot.title, MAX_SHORT_TEXT),
    byline: cutOrNull(snapshot.byline, MAX_SHORT_TEXT),
    authors: snapshot.authors.slice(0, MAX_AUTHORS).map((name) => cut(name, MAX_AUTHOR)),
    siteName: cutOrNull(snapshot.siteName, MAX_SHORT_TEXT),
    lang: langFits ? snapshot.lang : null,
    excerpt: cutOrNull(snapshot.excerpt, MAX_SHORT_TEXT),
    fieldSources: langFits ? snapshot.fieldSources : otherSources,
  };
}
