import { errorMessage, t } from '../../shared/i18n.ts';
import type { SaveState } from '../use-save-active-tab.ts';
import type { LibraryReader } from '../../db/read/idb.ts';
import { ArticleMeta } from './ArticleMeta.tsx';
import { SavedImages } from './SavedImages.tsx';

/** The outcome of the save the toolbar click started, announced to screen readers. */
export function SaveStatus({
  state,
  onUndo,
  reader,
}: {
  state: SaveState;
  onUndo: () => void;
  reader: LibraryReader;
}) {
  if (state.phase === 'idle') return null;
  return (
    <section
      class={`save-status save-${state.phase}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
    >
      {state.phase === 'saving' && <p>{t('status_saving')}</p>}
      {state.phase === 'failed' && <p class="error">{errorMessage(state.code)}</p>}
      {(state.phase === 'saved' || state.phase === 'undoing') && (
        <>
          <p class="status-line">
            {t(state.outcome.status === 'created' ? 'status_saved' : 'status_updated')}
          </p>
          <p class="saved-title">{state.outcome.article.title || state.outcome.article.url}</p>
          <ArticleMeta article={state.outcome.article} />
          <SavedImages reader={reader} articleId={state.outcome.article.id} />
          <button type="button" class="undo" onClick={onUndo} disabled={state.phase === 'undoing'}>
            {t('action_undo')}
          </button>
        </>
      )}
      {state.phase === 'undone' && (
        <p class="status-line">
          {t(
            state.outcome.status === 'created' ? 'status_undone_created' : 'status_undone_updated',
          )}
        </p>
      )}
    </section>
  );
}
