/**
 * The article model shared by every context: what the content script extracts from a page
 * (`ArticleSnapshot`) and what the background stores (`ArticleRecord`).
 *
 * The snapshot crosses from a web page's process into the extension, so it is validated at run
 * time with these schemas before anything is stored.
 */
import * as v from 'valibot';

/** Upper bounds keep a hostile page from filling the database through one save. */
const MAX_URL = 8_192;
const MAX_SHORT_TEXT = 4_096;
const MAX_BODY = 20_000_000;

const nullableText = (max: number) => v.nullable(v.pipe(v.string(), v.maxLength(max)));
/** A date, or a date-time with an optional offset: ISO 8601 as precise as the source was. */
export const ISO_DATE_PATTERN =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

const httpUrl = v.pipe(v.string(), v.maxLength(MAX_URL), v.url(), v.regex(/^https?:/i));

/**
 * `article`: Readability found readable text. `link`: the page had no article text, so only its
 * address and the metadata found are kept (shown as a link in the list).
 */
export const ArticleKindSchema = v.picklist(['article', 'link']);
export type ArticleKind = v.InferOutput<typeof ArticleKindSchema>;

export const ArticleSnapshotSchema = v.object({
  kind: ArticleKindSchema,
  url: httpUrl,
  canonicalUrl: v.nullable(httpUrl),
  /** For syndicated copies: the original publisher's address ("Source link"). */
  originalSourceUrl: v.nullable(httpUrl),
  title: v.pipe(v.string(), v.maxLength(MAX_SHORT_TEXT)),
  byline: nullableText(MAX_SHORT_TEXT),
  siteName: nullableText(MAX_SHORT_TEXT),
  /** ISO 8601 exactly as precise as the page states it; no time zone is invented. */
  publishedTime: v.nullable(v.pipe(v.string(), v.regex(ISO_DATE_PATTERN))),
  lang: nullableText(64),
  dir: v.nullable(v.picklist(['ltr', 'rtl'])),
  excerpt: nullableText(MAX_SHORT_TEXT),
  /** Sanitised HTML of the article body (sanitised again before it is rendered). */
  contentHtml: v.pipe(v.string(), v.maxLength(MAX_BODY)),
  textContent: v.pipe(v.string(), v.maxLength(MAX_BODY)),
  wordCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  leadImageUrl: v.nullable(httpUrl),
});
export type ArticleSnapshot = v.InferOutput<typeof ArticleSnapshotSchema>;

export const ArticleRecordSchema = v.object({
  ...ArticleSnapshotSchema.entries,
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  savedAt: v.pipe(v.string(), v.isoTimestamp()),
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
  tags: v.array(v.pipe(v.string(), v.maxLength(256))),
  note: v.pipe(v.string(), v.maxLength(MAX_SHORT_TEXT * 16)),
});
export type ArticleRecord = v.InferOutput<typeof ArticleRecordSchema>;
