/**
 * Fetching the articles of imported links (and of any "Link only" record) in the background:
 * what the background reports while it works, and why a page could not be fetched. Shared by
 * the background, which writes the status to local storage, and the pages that show it.
 */
import * as v from 'valibot';

/** Why a link's page was not turned into an article; the UI shows a sentence for each code. */
export const FetchFailureCodeSchema = v.picklist([
  /** The server answered with an error status (404, 410, 500…); `status` says which. */
  'http-status',
  /** The site asks to sign in (401, 403, or a redirect to a sign-in page). */
  'sign-in',
  /** No answer in time. */
  'timeout',
  /** The site could not be reached (offline, unknown host, refused). */
  'network',
  /** The address answers with something other than a web page (a PDF, an image…). */
  'not-html',
  /** The page is larger than Margins reads. */
  'too-large',
  /** The page was read but holds no article (a home page, a search page). */
  'not-article',
  /** Margins may not read that site: its access was not granted or was taken back. */
  'no-access',
  /** The page could not be read. */
  'unreadable',
]);
export type FetchFailureCode = v.InferOutput<typeof FetchFailureCodeSchema>;

export const FetchFailureSchema = v.object({
  code: FetchFailureCodeSchema,
  /** The HTTP status, for `http-status` and `sign-in`. */
  status: v.optional(v.pipe(v.number(), v.integer())),
  /** Technical detail for logs and bug reports. */
  detail: v.pipe(v.string(), v.maxLength(500)),
});
export type FetchFailure = v.InferOutput<typeof FetchFailureSchema>;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ArticleFetchStatusSchema = v.object({
  /** `running`: fetching; `paused`: stopped by the user, resumable; `idle`: nothing to do. */
  state: v.picklist(['idle', 'running', 'paused']),
  /** Links turned into articles since the fetch was started. */
  fetched: count,
  /** Links still to fetch (retries included). */
  waiting: count,
  /** Links that could not be fetched, each with its reason. */
  failed: count,
});
export type ArticleFetchStatus = v.InferOutput<typeof ArticleFetchStatusSchema>;

export const FETCH_IDLE: ArticleFetchStatus = { state: 'idle', fetched: 0, waiting: 0, failed: 0 };

/** Where the background keeps the status in local storage (pages listen to its changes). */
export const FETCH_STATUS_KEY = 'articleFetch';

export const FailedFetchSchema = v.object({
  articleId: v.string(),
  url: v.string(),
  title: v.string(),
  reason: FetchFailureSchema,
});
export type FailedFetch = v.InferOutput<typeof FailedFetchSchema>;

/** The status as stored, or idle when none is (or it does not parse). */
export function parseFetchStatus(stored: unknown): ArticleFetchStatus {
  const parsed = v.safeParse(ArticleFetchStatusSchema, stored);
  return parsed.success ? parsed.output : FETCH_IDLE;
}
