import type { ExportedArticle } from '../../shared/export-format.ts';
import { plural, t } from '../../shared/i18n.ts';

/** What the last action on the list did: announced, and for a delete, undoable. */
export type Notice =
  | { kind: 'deleted'; articles: ExportedArticle[] }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

interface ListNoticeProps {
  notice: Notice | null;
  onUndoDelete: (articles: ExportedArticle[]) => void;
}

/**
 * The live region stays in the page even when empty, so screen readers announce what appears in
 * it; an error is an alert of its own.
 */
export function ListNotice({ notice, onUndoDelete }: ListNoticeProps) {
  return (
    <>
      <div class="list-notice" role="status" aria-live="polite">
        {notice?.kind === 'deleted' && (
          <p>
            {plural('status_deleted', notice.articles.length)}{' '}
            <button type="button" class="undo" onClick={() => onUndoDelete(notice.articles)}>
              {t('action_undo')}
            </button>
          </p>
        )}
        {notice?.kind === 'done' && <p>{notice.text}</p>}
      </div>
      {notice?.kind === 'error' && (
        <p class="error" role="alert">
          {notice.text}
        </p>
      )}
    </>
  );
}
