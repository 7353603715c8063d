// Why: annotations cross storage, export and messaging, so their selectors are validated at run time.
import * as v from 'valibot';

/** Characters of context kept on each side of a quote (the W3C model leaves this to us). */
export const CONTEXT_LENGTH = 32;

/** Upper bound on a stored quote or context, so one annotation cannot fill the database. */
const MAX_TEXT = 100_000;

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

/** W3C Web Annotation TextQuoteSelector: the selected text and a little text on each side. */
export const TextQuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(text, v.minLength(1)),
  prefix: text,
  suffix: text,
});
export type TextQuoteSelector = v.InferOutput<typeof TextQuoteSelectorSchema>;

/** W3C Web Annotation TextPositionSelector: UTF-16 offsets into the root's text. */
export const TextPositionSelectorSchema = v.pipe(
  v.object({
    type: v.literal('TextPositionSelector'),
    start: offset,
    end: offset,
  }),
  v.check((selector) => selector.start <= selector.end, 'start must not be after end'),
);
export type TextPositionSelector = v.InferOutput<typeof TextPositionSelectorSchema>;

export const SelectorSchema = v.variant('type', [
  TextQuoteSelectorSchema,
  TextPositionSelectorSchema,
]);
export type Selector = TextQuoteSelector | TextPositionSelector;

/** What `describeRange` records for a selection: both selectors, quote first. */
export type RangeSelectors = [TextQuoteSelector, TextPositionSelector];

/** How an annotation was placed again: `position` is the fast path, `fuzzy` tolerated edits. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface AnchorResult {
  start: number;
  end: number;
  method: AnchorMethod;
  /** Confidence from 0 to 1; only results above the acceptance threshold are returned. */
  score: number;
}
