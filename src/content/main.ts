/**
 * Content-script entry: bundled as one classic script and injected on demand (activeTab); it only
 * offers the extractor and the selection capture for the background to call (shared/in-tab.ts).
 */
import { offerInTab, type ExtractionFailure } from '../shared/in-tab.ts';
import { extractArticle } from './extract/index.ts';
import { captureSelection } from './highlight-selection.ts';

function guarded<T>(run: () => T): T | ExtractionFailure {
  try {
    return run();
  } catch (error) {
    return { extractionFailed: error instanceof Error ? error.message : String(error) };
  }
}

offerInTab({
  extract: () => guarded(() => extractArticle(document)),
  captureSelection: () => guarded(() => captureSelection(document)),
});
