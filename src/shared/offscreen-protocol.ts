/**
 * What the background asks of Chrome's offscreen document (offscreen/main.ts), the work that
 * needs a DOM: extract the article of a page it fetched (the answer is checked like a tab's
 * answer to "extract", background/inject.ts), and list the images a saved body shows. Only the
 * background sends these.
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

export const ImageSourcesRequestSchema = v.object({
  target: v.literal(OFFSCREEN_TARGET),
  type: v.literal('image-sources'),
  html: v.string(),
});
export type ImageSourcesRequest = v.InferOutput<typeof ImageSourcesRequestSchema>;
