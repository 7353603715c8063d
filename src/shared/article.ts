/**
 * The article model shared by every context: what the content script extracts from a page
 * (`ArticleSnapshot`) and what the background stores (`ArticleRecord`).
 *
 * The snapshot crosses from a web page's process into the extension, so it is validated at run
 * time with these schemas before anything is stored.
 */
import * as v from 'valibot';
import { MAX_NOTE } from './note-limits.ts';

/** Upper bounds keep a hostile page from filling the database through one save. */
const MAX_URL = 8_192;
export const MAX_SHORT_TEXT = 4_096;
/** Longest author name, and most authors, one article may carry. */
export const MAX_AUTHOR = 512;
export const MAX_AUTHORS = 100;
export const MAX_LANG = 64;
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

/**
 * The sources extraction reads a page's metadata from, each on its own (one that fails costs only
 * what it would have found).
 */
export const METADATA_SOURCES = [
  'json-ld',
  'opengraph',
  'article-meta',
  'meta',
  'dublin-core',
  'citation',
  'parsely',
  'sailthru',
  'microdata',
  'microformats',
  'time-element',
  'visible-text',
  'readability',
  'document-title',
  /** The "Written by" pair of a Twitter card (Yoast SEO): the account that posted the page. */
  'twitter-card',
] as const;
export type MetadataSource = (typeof METADATA_SOURCES)[number];

/** Where a metadata value came from, recorded per field so the user can see and judge it. */
export const FieldSourceSchema = v.picklist([
  ...METADATA_SOURCES,
  'html-lang',
  'http-header',
  'link-canonical',
  'url',
  'host',
  'body',
  /** The user corrected it; a later save of the page keeps the user's value. */
  'user',
]);
export type FieldSource = v.InferOutput<typeof FieldSourceSchema>;

/** The fields whose provenance is recorded. */
export const SOURCED_FIELDS = [
  'title',
  'byline',
  'siteName',
  'publishedTime',
  'modifiedTime',
  'lang',
  'canonicalUrl',
  'originalSourceUrl',
  'excerpt',
  'leadImageUrl',
] as const;
export type SourcedField = (typeof SOURCED_FIELDS)[number];

/**
 * A field's source, read as "not recorded" when it is not one this version knows (a source a
 * newer version added, on a synced or imported article): provenance only informs, so it must not
 * make the article unreadable.
 */
const KnownFieldSourceSchema = v.fallback(v.optional(FieldSourceSchema), undefined);

const FieldSourcesObjectSchema = v.object(
  Object.fromEntries(SOURCED_FIELDS.map((field) => [field, KnownFieldSourceSchema])) as {
    [K in SourcedField]: typeof KnownFieldSourceSchema;
  },
);
export type FieldSources = v.InferOutput<typeof FieldSourcesObjectSchema>;

/** Field sources with the ones this version does not know left out (not kept as undefined). */
export const FieldSourcesSchema = v.pipe(
  FieldSourcesObjectSchema,
  v.transform((sources): FieldSources =>
    Object.fromEntries(Object.entries(sources).filter(([, source]) => source !== undefined)),
  ),
);

/** The fields a user can correct from the popup (and later the reader). */
export const EDITABLE_FIELDS = ['title', 'byline', 'publishedTime'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Whether the user corrected the title, author or date of this article. */
export function isEditedByUser(article: { fieldSources: FieldSources }): boolean {
  return EDITABLE_FIELDS.some((field) => article.fieldSources[field] === 'user');
}

/**
 * The parts of extraction that run on their own, so that one that throws loses only what it
 * would have found: each metadata source (named as in FieldSource), then each step that cleans up
 * or chooses.
 */
export const EXTRACTION_STEPS = [
  ...METADATA_SOURCES,
  /** Reading the page's <meta> tags, which every meta-tag source above reads from. */
  'meta-tags',
  'language',
  'authors',
  'dates',
  'title',
  'site-name',
  'recipe-ingredients',
  'standfirst',
  'body-sanitize',
  'body-text',
  'article-kind',
  'canonical-url',
  'original-source',
  'lead-image',
  'excerpt',
  'text-direction',
  /** The extraction as a whole: the page was kept as a link with its address and title. */
  'whole-page',
] as const;
export const ExtractionStepSchema = v.picklist(EXTRACTION_STEPS);
export type ExtractionStep = v.InferOutput<typeof ExtractionStepSchema>;

/** A step that threw while the page was read, and what it threw (its first few hundred characters). */
export const StepFailureSchema = v.object({
  step: ExtractionStepSchema,
  error: v.pipe(v.string(), v.maxLength(512)),
});
export type StepFailure = v.InferOutput<typeof StepFailureSchema>;

/** At most one failure is recorded per step. */
export const MAX_STEP_FAILURES = EXTRACTION_STEPS.length;

const isKnownStep = (failure: { step: string }): failure is StepFailure =>
  v.is(ExtractionStepSchema, failure.step);

/**
 * The failures recorded with a page, those of steps this version does not know (a step a newer
 * version added) left out: like provenance, they only inform. A newer version may record more
 * steps than this one has, so the bound on what is read is looser than the bound on what is kept.
 */
const RecordedStepFailuresSchema = v.pipe(
  v.array(v.object({ ...StepFailureSchema.entries, step: v.pipe(v.string(), v.maxLength(64)) })),
  v.maxLength(4 * MAX_STEP_FAILURES),
  v.transform((failures) => failures.filter(isKnownStep).slice(0, MAX_STEP_FAILURES)),
);

const isoDate = v.pipe(v.string(), v.regex(ISO_DATE_PATTERN));

export const ArticleSnapshotSchema = v.object({
  kind: ArticleKindSchema,
  url: httpUrl,
  canonicalUrl: v.nullable(httpUrl),
  /** For syndicated copies: the original publisher's address ("Source link"). */
  originalSourceUrl: v.nullable(httpUrl),
  title: v.pipe(v.string(), v.maxLength(MAX_SHORT_TEXT)),
  /** The authors shown joined, e.g. "Jane Doe, John Roe". */
  byline: nullableText(MAX_SHORT_TEXT),
  /** Each author on their own, in the page's order. */
  authors: v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_AUTHOR))), v.maxLength(MAX_AUTHORS)),
  siteName: nullableText(MAX_SHORT_TEXT),
  /** ISO 8601 exactly as precise as the page states it; no time zone is invented. */
  publishedTime: v.nullable(isoDate),
  /** When the page says it was last changed; kept apart from publishedTime. */
  modifiedTime: v.nullable(isoDate),
  lang: nullableText(MAX_LANG),
  dir: v.nullable(v.picklist(['ltr', 'rtl'])),
  excerpt: nullableText(MAX_SHORT_TEXT),
  /** Sanitised HTML of the article body (sanitised again before it is rendered). */
  contentHtml: v.pipe(v.string(), v.maxLength(MAX_BODY)),
  textContent: v.pipe(v.string(), v.maxLength(MAX_BODY)),
  wordCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  leadImageUrl: v.nullable(httpUrl),
  fieldSources: FieldSourcesSchema,
  /**
   * The steps that failed while the page was read (empty when none did). Absent on records saved
   * before failures were recorded, which is read as "none recorded".
   */
  extractionFailures: v.optional(RecordedStepFailuresSchema),
});
export type ArticleSnapshot = v.InferOutput<typeof ArticleSnapshotSchema>;

/**
 * What a record keeps of the snapshot: all but `textContent`. The body's text is derived from
 * `contentHtml` where it is needed (`htmlText`: search words, the JSON export); stored, it would
 * double the size of every record a save, an import or a sync writes.
 */
export type StoredSnapshot = Omit<ArticleSnapshot, 'textContent'>;

const StoredSnapshotSchema = v.omit(ArticleSnapshotSchema, ['textContent']);

/** The snapshot's fields a record stores (a snapshot carries its text; a record does not). */
export function storedFieldsOf(snapshot: ArticleSnapshot): StoredSnapshot {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- see StoredSnapshot.
  const { textContent, ...stored } = snapshot;
  return stored;
}

export const ArticleRecordSchema = v.object({
  ...StoredSnapshotSchema.entries,
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  savedAt: v.pipe(v.string(), v.isoTimestamp()),
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
  tags: v.array(v.pipe(v.string(), v.maxLength(256))),
  note: v.pipe(v.string(), v.maxLength(MAX_NOTE)),
  /** When the user first opened the saved copy; null while unread. Absent in older exports. */
  readAt: v.optional(v.nullable(v.pipe(v.string(), v.isoTimestamp())), null),
  /** When the user archived the article (kept, but out of the main list); null otherwise. */
  archivedAt: v.optional(v.nullable(v.pipe(v.string(), v.isoTimestamp())), null),
});
export type ArticleRecord = v.InferOutput<typeof ArticleRecordSchema>;
