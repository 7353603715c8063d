/**
 * The in-tab half of the protocol: what the extraction bundle (content.js, from
 * src/content/main.ts) offers in a tab, and what each call answers. The background injects the
 * bundle, runs one of `IN_TAB_FUNCTIONS` there and checks the answer against `IN_TAB_RESULTS`:
 * it comes from a page that may be hostile, so nothing is believed until it parses.
 */
import * as v from 'valibot';
import { RangeSelectorsSchema } from './annotation.ts';
import { ArticleSnapshotSchema } from './article.ts';

/** The bundle's file in the built extension (scripts/build.ts names it). */
export const EXTRACTION_BUNDLE = 'content.js';

/** "Highlight selection": the page's article, with the selection placed in its text. */
export const SelectionCaptureSchema = v.variant('kind', [
  v.object({
    kind: v.literal('highlight'),
    snapshot: ArticleSnapshotSchema,
    selector: RangeSelectorsSchema,
  }),
  /** Nothing is selected, or the selection lies outside the article (a menu, a sidebar). */
  v.object({
    kind: v.picklist(['no-selection', 'outside-article']),
    snapshot: ArticleSnapshotSchema,
  }),
]);
export type SelectionCapture = v.InferOutput<typeof SelectionCaptureSchema>;

/** What each call answers when it works. */
export const IN_TAB_RESULTS = {
  /** The page's article. */
  extract: ArticleSnapshotSchema,
  captureSelection: SelectionCaptureSchema,
};
export type InTabCall = keyof typeof IN_TAB_RESULTS;
export type InTabResult<C extends InTabCall> = v.InferOutput<(typeof IN_TAB_RESULTS)[C]>;

/** A page whose DOM makes a call throw answers this, so the failure is data, not a lost call. */
export const ExtractionFailureSchema = v.object({ extractionFailed: v.string() });
export type ExtractionFailure = v.InferOutput<typeof ExtractionFailureSchema>;

/** What the bundle defines in the tab's isolated world. */
export type InTabApi = { [C in InTabCall]: () => InTabResult<C> | ExtractionFailure };

declare global {
  var __margins: InTabApi | undefined;
}

/** Called once by the bundle: makes its calls reachable from the background's functions. */
export function offerInTab(api: InTabApi): void {
  globalThis.__margins = api;
}

/**
 * The functions the background injects, one per call. They run from their source text in the
 * tab, so each must be self-contained: it reaches the bundle only through the global.
 */
export const IN_TAB_FUNCTIONS: { [C in InTabCall]: () => unknown } = {
  extract: () => globalThis.__margins?.extract(),
  captureSelection: () => globalThis.__margins?.captureSelection(),
};
