/**
 * "Highlight selection" from the context menu or keyboard command on a live page: saves the
 * article if it is not saved yet and stores the highlight, both in one transaction.
 */
import * as v from 'valibot';
import { createAnnotation } from '../db/annotations.ts';
import { saveSnapshot } from '../db/articles.ts';
import { writeTables } from '../db/derived.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import { AnnotationSelectorsSchema, type Annotation } from '../shared/annotation.ts';
import { MarginsError, type SaveOutcome } from '../shared/protocol.ts';
import { CAPTURE_SELECTION, runInTab } from './inject.ts';
import { checkSavableTab, storing, validateSnapshot } from './save-tab.ts';

const CaptureSchema = v.variant('kind', [
  v.object({
    kind: v.literal('highlight'),
    snapshot: v.unknown(),
    selector: AnnotationSelectorsSchema,
  }),
  v.object({ kind: v.picklist(['no-selection', 'outside-article']), snapshot: v.unknown() }),
]);

export interface HighlightOutcome {
  saved: SaveOutcome;
  annotation: Annotation;
}

export async function highlightTab(db: MarginsDatabase, tabId: number): Promise<HighlightOutcome> {
  await checkSavableTab(tabId);
  const capture = v.safeParse(CaptureSchema, await runInTab(tabId, CAPTURE_SELECTION));
  if (!capture.success) throw new MarginsError('invalid-page', 'the page sent no selection');
  const captured = capture.output;
  const snapshot = validateSnapshot(captured.snapshot);
  if (captured.kind !== 'highlight') {
    const code = captured.kind === 'no-selection' ? 'no-selection' : 'selection-outside-article';
    throw new MarginsError(code, '');
  }
  const { selector } = captured;
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
