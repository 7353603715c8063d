/**
 * The one message protocol between Margins and its background: requests from its own pages,
 * and the one request its revisit script sends from a web page. Every request is checked against
 * `RequestSchema` and against who may send it when it arrives; every reply is a `Reply` whose
 * value is checked against `ResponseSchemas` where it arrives (shared/messaging.ts). Errors cross
 * the boundary as data (`{ ok: false, error }`) and are rethrown on the caller's side. What the
 * background asks of a page it injects into is the in-tab half, in in-tab.ts.
 */
import * as v from 'valibot';
import { ArticleRecordSchema, ISO_DATE_PATTERN } from './article.ts';
import { AnnotationSchema, RangeSelectorsSchema, HighlightColourSchema } from './annotation.ts';
import { DATABASE_NAME_PATTERN, SyncStatusSchema } from './sync-status.ts';
import { MAX_NOTE } from './note-limits.ts';
import { ArticleFetchStatusSchema } from './article-fetch.ts';

/** Why a save or an undo failed; the UI turns each code into a localised sentence. */
export const ErrorCodeSchema = v.picklist([
  /** Browser pages, extension stores, the PDF viewer: extensions may not run scripts there. */
  'restricted-page',
  /** The browser refused to run the extraction script on this tab. */
  'cannot-access',
  /** Reading the page threw (its markup broke extraction). */
  'unreadable-page',
  /** The article is larger than Margins stores (20 million characters). */
  'page-too-large',
  /** The page did not answer in time (too large, or its tab is frozen). */
  'page-timeout',
  /** There is no tab to save (it was closed, or the window has none). */
  'no-tab',
  /** The page answered with something that is not an article snapshot. */
  'invalid-page',
  /** IndexedDB refused the write (storage full, private window, ...). */
  'storage-failed',
  /** The article asked for is not in the library (deleted meanwhile). */
  'not-found',
  /** "Highlight selection" with nothing selected. */
  'no-selection',
  /** The selection is not part of the article (a menu, a sidebar, a comment box). */
  'selection-outside-article',
  /** A backup was asked for without the downloads permission it needs. */
  'backup-not-allowed',
  /** A message that does not follow this protocol. */
  'bad-request',
  'unknown',
]);
export type ErrorCode = v.InferOutput<typeof ErrorCodeSchema>;

export const ReplyErrorSchema = v.object({
  code: ErrorCodeSchema,
  /** Technical detail for logs and bug reports; the UI shows the localised text for `code`. */
  detail: v.string(),
});
export type ReplyError = v.InferOutput<typeof ReplyErrorSchema>;

const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Restores the collection to how it was before one save. */
export const UndoTokenSchema = v.object({
  articleId: v.pipe(v.string(), v.minLength(1)),
  /** The record as it was before the save, or null when the save created it. */
  previous: v.nullable(ArticleRecordSchema),
});
export type UndoToken = v.InferOutput<typeof UndoTokenSchema>;

/** Corrections to an article's metadata; a field left out is not changed, null clears it. */
export const ArticleEditsSchema = v.object({
  title: v.optional(v.pipe(v.string(), v.maxLength(4_096))),
  byline: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(4_096)))),
  publishedTime: v.optional(v.nullable(v.pipe(v.string(), v.regex(ISO_DATE_PATTERN)))),
});
export type ArticleEdits = v.InferOutput<typeof ArticleEditsSchema>;

const articleId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const annotationId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

const articleIds = v.pipe(v.array(articleId), v.minLength(1), v.maxLength(100_000));

/** Deleted articles exactly as they were, handed back by the undo of a delete. */
const DeletedArticleSchema = v.object({
  ...ArticleRecordSchema.entries,
  annotations: v.array(AnnotationSchema),
});

/** Where the library syncs: a CouchDB server the user runs or rents. Kept on this device only. */
export const SyncAccountSchema = v.object({
  serverUrl: v.pipe(v.string(), v.trim(), v.maxLength(2_048), v.url(), v.regex(/^https?:\/\//i)),
  database: v.pipe(v.string(), v.trim(), v.maxLength(238), v.regex(DATABASE_NAME_PATTERN)),
  /** Empty for a server without accounts. */
  username: v.pipe(v.string(), v.maxLength(256)),
  password: v.pipe(v.string(), v.maxLength(1_024)),
});
export type SyncAccount = v.InferOutput<typeof SyncAccountSchema>;

/** Long enough that guessing it costs years at PBKDF2's work factor. */
export const MIN_PASSPHRASE_LENGTH = 10;
export const PassphraseSchema = v.pipe(
  v.string(),
  v.minLength(MIN_PASSPHRASE_LENGTH),
  v.maxLength(1_024),
);

export const RequestSchema = v.variant('type', [
  /** Save the article shown in a tab (the popup sends it for the active tab). */
  v.object({ type: v.literal('save-tab'), tabId }),
  /** Undo a save: delete what it created, or put back what it replaced. */
  v.object({ type: v.literal('undo-save'), undo: UndoTokenSchema }),
  /** Correct title, author or date; the corrected fields are marked as the user's. */
  v.object({ type: v.literal('edit-article'), articleId, edits: ArticleEditsSchema }),
  /** Highlight a range of an article's text, with an optional note. */
  v.object({
    type: v.literal('create-annotation'),
    articleId,
    selector: RangeSelectorsSchema,
    colour: HighlightColourSchema,
    note: v.pipe(v.string(), v.maxLength(MAX_NOTE)),
  }),
  /** Change a highlight's colour or note, or attach it to new text (re-attaching an orphan). */
  v.object({
    type: v.literal('update-annotation'),
    annotationId,
    colour: v.optional(HighlightColourSchema),
    note: v.optional(v.pipe(v.string(), v.maxLength(MAX_NOTE))),
    selector: v.optional(RangeSelectorsSchema),
  }),
  v.object({ type: v.literal('delete-annotation'), annotationId }),
  /** Write a backup of the whole library to the downloads folder now. */
  v.object({ type: v.literal('run-backup') }),
  /** The page-level note and the tags of an article. */
  v.object({
    type: v.literal('set-article-note'),
    articleId,
    note: v.pipe(v.string(), v.maxLength(MAX_NOTE)),
  }),
  v.object({
    type: v.literal('set-article-tags'),
    articleId,
    tags: v.pipe(
      v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(256))),
      v.maxLength(100),
    ),
  }),
  /** Create or upgrade the database so pages can read it (they never change its schema). */
  v.object({ type: v.literal('prepare-library') }),
  /** Opening the saved copy marks it read; the list can mark it unread again. */
  v.object({ type: v.literal('set-read'), articleIds, read: v.boolean() }),
  v.object({ type: v.literal('set-archived'), articleIds, archived: v.boolean() }),
  /** Delete articles with their annotations; the reply holds them for an undo. */
  v.object({ type: v.literal('delete-articles'), articleIds }),
  /** Check the server, the database and the passphrase, then sync the library there. */
  v.object({
    type: v.literal('sync-enable'),
    account: SyncAccountSchema,
    passphrase: PassphraseSchema,
  }),
  v.object({ type: v.literal('sync-now') }),
  /** Stop syncing; every article stays on this device. */
  v.object({ type: v.literal('sync-disable') }),
  /** A page opened: pull what changed elsewhere, unless a sync ran moments ago. */
  v.object({ type: v.literal('sync-pull') }),
  v.object({
    type: v.literal('restore-articles'),
    articles: v.pipe(v.array(DeletedArticleSchema), v.maxLength(100_000)),
  }),
  /**
   * From the revisit script: the highlights of the page it runs in. The page is known from the
   * sender, never from the message, so a page cannot ask for another's.
   */
  v.object({ type: v.literal('page-annotations') }),
  /**
   * Fetch the articles of every "Link only" record (after the page got the site access), pause,
   * resume, try the failed ones again, or stop and forget the waiting ones.
   */
  v.object({ type: v.literal('fetch-articles-start') }),
  v.object({ type: v.literal('fetch-articles-pause') }),
  v.object({ type: v.literal('fetch-articles-resume') }),
  v.object({ type: v.literal('fetch-articles-retry') }),
  v.object({ type: v.literal('fetch-articles-cancel') }),
  /** Fetch again the images of an article that are not stored ("Load from the publisher"). */
  v.object({ type: v.literal('fetch-images'), articleId }),
  /** How much the stored images take; remove them all (texts, notes and highlights stay). */
  v.object({ type: v.literal('image-storage') }),
  v.object({ type: v.literal('remove-images') }),
  /** "Fetch missing images" for the whole library: start, pause, resume, or ask how far. */
  v.object({ type: v.literal('images-backfill-start') }),
  v.object({ type: v.literal('images-backfill-pause') }),
  v.object({ type: v.literal('images-backfill-resume') }),
  v.object({ type: v.literal('images-backfill-status') }),
]);
export type Request = v.InferOutput<typeof RequestSchema>;

export type RequestType = Request['type'];

/**
 * What Margins' revisit script may ask from a web page's tab. Every other request is accepted
 * only from Margins' own pages, and these only from the revisit script.
 */
export const CONTENT_SCRIPT_REQUESTS: readonly RequestType[] = ['page-annotations'];

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const SaveOutcomeSchema = v.object({
  /** `created`: a new record; `updated`: the same article was saved before and was refreshed. */
  status: v.picklist(['created', 'updated']),
  article: ArticleRecordSchema,
  undo: UndoTokenSchema,
});
export type SaveOutcome = v.InferOutput<typeof SaveOutcomeSchema>;

const ImageStorageSchema = v.object({
  /** Distinct pictures stored and their bytes. */
  images: count,
  bytes: count,
  /** Images of saved articles that are not stored. */
  remote: count,
});

const ImageBackfillStatusSchema = v.object({
  state: v.picklist(['idle', 'running', 'paused']),
  /** Articles gone through, of those that were missing images when it started. */
  done: count,
  total: count,
});
export type ImageBackfillStatus = v.InferOutput<typeof ImageBackfillStatusSchema>;

/** What each request answers with when it succeeds. */
export const ResponseSchemas = {
  'save-tab': SaveOutcomeSchema,
  'undo-save': v.object({ restored: v.boolean() }),
  'edit-article': ArticleRecordSchema,
  'create-annotation': AnnotationSchema,
  'update-annotation': AnnotationSchema,
  'delete-annotation': v.object({ deleted: v.boolean() }),
  'set-article-note': ArticleRecordSchema,
  'set-article-tags': ArticleRecordSchema,
  'page-annotations': v.object({ annotations: v.array(AnnotationSchema) }),
  'run-backup': v.object({ fileName: v.string() }),
  'prepare-library': v.object({ version: count }),
  'set-read': v.object({ changed: count }),
  'set-archived': v.object({ changed: count }),
  /** The deleted articles exactly as they were, for an undo (restore-articles). */
  'delete-articles': v.object({ deleted: v.array(DeletedArticleSchema) }),
  'restore-articles': v.object({ restored: count }),
  'sync-enable': SyncStatusSchema,
  'sync-now': SyncStatusSchema,
  'sync-disable': SyncStatusSchema,
  'sync-pull': v.object({ started: v.boolean() }),
  'fetch-articles-start': ArticleFetchStatusSchema,
  'fetch-articles-pause': ArticleFetchStatusSchema,
  'fetch-articles-resume': ArticleFetchStatusSchema,
  'fetch-articles-retry': ArticleFetchStatusSchema,
  'fetch-articles-cancel': ArticleFetchStatusSchema,
  /** How many of its images are now being fetched. */
  'fetch-images': v.object({ waiting: count }),
  'image-storage': ImageStorageSchema,
  'remove-images': ImageStorageSchema,
  'images-backfill-start': ImageBackfillStatusSchema,
  'images-backfill-pause': ImageBackfillStatusSchema,
  'images-backfill-resume': ImageBackfillStatusSchema,
  'images-backfill-status': ImageBackfillStatusSchema,
} satisfies { [K in RequestType]: v.GenericSchema };
export type ResponseMap = { [K in RequestType]: v.InferOutput<(typeof ResponseSchemas)[K]> };

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

export const ReplySchema = v.variant('ok', [
  v.object({ ok: v.literal(true), value: v.unknown() }),
  v.object({ ok: v.literal(false), error: ReplyErrorSchema }),
]);

/** An error that came back from the background, rethrown in the caller's context. */
export class MarginsError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'MarginsError';
  }
}

export function toReplyError(error: unknown): ReplyError {
  if (error instanceof MarginsError) return { code: error.code, detail: error.detail };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'unknown', detail };
}
