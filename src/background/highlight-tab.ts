/**
 * "Highlight selection" from the context menu or keyboard command on a live page: saves the
 * article if it is not saved yet and stores the highlight, both in one transaction.
 */
import { createAnnotation } from '../db/annotations.ts';
import { saveSnapshot } from '../db/articles.ts';
import { writeTables } from '../db/derived.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import type { Annotation } from '../shared/annotation.ts';
import { MarginsError, type SaveOutcome } from '../shared/protocol.ts';
import { runInTab } from './inject.ts';
import { checkSavableTab, storing } from './save-tab.ts';

export interface HighlightOutcome {
  saved: SaveOutcome;
  annotation: Annotation;
}

export async function highlightTab(db: MarginsDatabase, tabId: number): Promise<HighlightOutcome> {
  await checkSavableTab(tabId);
  const captured = await runInTab(tabId, 'captureSelection');
  if (captured.kind !== 'highlight') {
    const code = captured.kind === 'no-selection' ? 'no-selection' : 'selection-outside-article';
    throw new MarginsError(code, '');
  }
  const { snapshot, selector } = captured;
  const now = new Date();
  return storing(() =>
    db.transaction('rw', writeTables(db), async () => {
      const saved = await saveSnapshot(db, snapshot, now);
      const annotation = await createAnnotation(
        db,
        { articleId: saved.article.id, selector, colour: 'yellow', note: '' },
        now,
      );
      return { saved, annotation };
    }),
  );
}
