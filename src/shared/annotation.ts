/**
 * A highlight or note, stored and exported as a W3C Web Annotation
 * (https://www.w3.org/TR/annotation-model/). The selectors are measured on the article text:
 * the text of the saved copy's sanitised body, as the reader renders it (see `articleTextOf`).
 *
 * A highlight made in Margins has a quote and a position. One imported from another service
 * (Pocket, Instapaper, Omnivore) may have only its quote: those services export no position, and
 * the article's text may not even be saved yet. It is kept with its `TextQuoteSelector` alone and
 * placed by its quote whenever the text exists, like any highlight whose text moved.
 */
import * as v from 'valibot';
import {
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  type TextPositionSelector,
} from './anchoring/types.ts';
import { MAX_NOTE } from './note-limits.ts';

export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink'] as const;
export const HighlightColourSchema = v.picklist(HIGHLIGHT_COLOURS);
export type HighlightColour = v.InferOutput<typeof HighlightColourSchema>;

/** A highlight made on the text: its quote, then where it was (`describeRange` makes these). */
export const RangeSelectorsSchema = v.tuple([TextQuoteSelectorSchema, TextPositionSelectorSchema]);

/** A highlight known only by its quote (and the context the source gave, often none). */
export const QuoteOnlySelectorsSchema = v.tuple([TextQuoteSelectorSchema]);
export type QuoteOnlySelectors = v.InferOutput<typeof QuoteOnlySelectorsSchema>;

/** What a stored annotation targets: the quote always comes first. */
export const AnnotationSelectorsSchema = v.union([RangeSelectorsSchema, QuoteOnlySelectorsSchema]);

export const TextualBodySchema = v.object({
  type: v.literal('TextualBody'),
  value: v.pipe(v.string(), v.maxLength(MAX_NOTE)),
  format: v.literal('text/plain'),
  purpose: v.literal('commenting'),
});

export const AnnotationSchema = v.object({
  '@context': v.literal('http://www.w3.org/ns/anno.jsonld'),
  id: v.pipe(v.string(), v.regex(/^urn:uuid:[0-9a-f-]{36}$/)),
  type: v.literal('Annotation'),
  motivation: v.picklist(['highlighting', 'commenting']),
  created: v.pipe(v.string(), v.isoTimestamp()),
  modified: v.pipe(v.string(), v.isoTimestamp()),
  /** The note, when there is one. */
  body: v.array(TextualBodySchema),
  target: v.object({
    /** The article's address. */
    source: v.string(),
    selector: AnnotationSelectorsSchema,
  }),
  /** Margins' own fields (the W3C model allows extensions). */
  articleId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  colour: HighlightColourSchema,
});
export type Annotation = v.InferOutput<typeof AnnotationSchema>;

/** The quoted text of an annotation, whichever selectors it has. */
export function quoteOf(annotation: Annotation): string {
  return annotation.target.selector[0].exact;
}

/** Where the annotation was recorded in the article text, or null for a quote-only one. */
export function positionOf(annotation: Annotation): TextPositionSelector | null {
  const [, position] = annotation.target.selector;
  return position ?? null;
}

export function noteOf(annotation: Annotation): string {
  return annotation.body[0]?.value ?? '';
}

export function bodyFor(note: string): Annotation['body'] {
  return note.trim()
    ? [{ type: 'TextualBody', value: note, format: 'text/plain', purpose: 'commenting' }]
    : [];
}
