/**
 * Content-script entry: bundled as one classic script and injected on demand (activeTab); it only
 * exposes the extractor and the selection capture for the background to call.
 */
import type { ArticleSnapshot } from '../shared/article.ts';
import { extractArticle } from './extract/index.ts';
import { captureSelection, type SelectionCapture } from './highlight-selection.ts';

/** A page whose DOM makes extraction throw is reported as data, not as a lost injection. */
export interface ExtractionFailure {
  extractionFailed: string;
}

declare global {
  var __marginsExtract: (() => ArticleSnapshot | ExtractionFailure) | undefined;
  var __marginsCaptureSelection: (() => SelectionCapture | ExtractionFailure) | undefined;
}

function guarded<T>(run: () => T): T | ExtractionFailure {
  try {
    return run();
  } catch (error) {
    return { extractionFailed: error instanceof Error ? error.message : String(error) };
  }
}

globalThis.__marginsExtract = () => guarded(() => extractArticle(document));
globalThis.__marginsCaptureSelection = () => guarded(() => captureSelection(document));
