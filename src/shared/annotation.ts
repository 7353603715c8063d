/**
 * A highlight or note, stored and exported as a W3C Web Annotation
 * (https://www.w3.org/TR/annotation-model/). The selectors are measured on the article text:
 * the text of the saved copy's sanitised body, as the reader renders it (see `articleTextOf`).
 */
import * as v from 'valibot';
import { TextPositionSelectorSchema, TextQuoteSelectorSchema } from './anchoring/types.ts';
import { MAX_NOTE } from './note-limits.ts';

export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink'] as const;
export const HighlightColourSchema = v.picklist(HIGHLIGHT_COLOURS);
export type HighlightColour = v.InferOutput<typeof HighlightColourSchema>;

export const AnnotationSelectorsSchema = v.tuple([
  TextQuoteSelectorSchema,
  TextPositionSelectorSchema,
]);

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

export function noteOf(annotation: Annotation): string {
  return annotation.body[0]?.value ?? '';
}

export function bodyFor(note: string): Annotation['body'] {
  return note.trim()
    ? [{ type: 'TextualBody', value: note, format: 'text/plain', purpose: 'commenting' }]
    : [];
}
