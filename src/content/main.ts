// Content-script entry: bundled as one classic script and injected on demand (activeTab); it only
// exposes the extractor and the selection capture for the background to call.
import type { ArticleSnapshot } from '../shared/article';
import { extractArticle } from './extract/index';
import { captureSelection, type SelectionCapture } from './highlight-selection';

declare global {
  var __marginsExtract: (() => ArticleSnapshot) | undefined;
  var __marginsCaptureSelection: (() => SelectionCapture) | undefined;
}

globalThis.__marginsExtract = () => extractArticle(document);
globalThis.__marginsCaptureSelection = () => captureSelection(document);
