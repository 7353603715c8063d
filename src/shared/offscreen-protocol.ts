/**
 * What the background asks of Chrome's offscreen document (offscreen/main.ts): extract the
 * article of a page it fetched. Only the background sends it; the answer is checked like a
 * tab's answer to "extract" (background/inject.ts).
 */
import * as v from 'valibot';

export const OFFSCREEN_TARGET = 'margins-offscreen';

export const ExtractHtmlRequestSchema = v.object({
  target: v.literal(OFFSCREEN_TARGET),
  type: v.literal('extract-html'),
  url: v.pipe(v.string(), v.url()),
  html: v.string(),
});
export type ExtractHtmlRequest = v.InferOutput<typeof ExtractHtmlRequestSchema>;
