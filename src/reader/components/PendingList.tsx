import { noteOf, quoteOf, type Annotation } from '../../shared/annotation.ts';
import { t } from '../../shared/i18n.ts';
import { deleteHighlight } from '../actions.ts';
import { useAnnounce } from '../status.tsx';

/**
 * Highlights of an article whose text is not saved yet (a link imported from Pocket, Instapaper
 * or Omnivore with its highlights). They are known by their quote alone and wait for the text:
 * listed here with it, so an import never seems to have lost them.
 */
export function PendingList({ annotations }: { annotations: readonly Annotation[] }) {
  const announce = useAnnounce();
  return (
    <section class="orphans pending" aria-labelledby="pending-heading" data-testid="pending">
      <h2 id="pending-heading" class="section-heading">
        {t('reader_pending_heading')}
      </h2>
      <p class="hint">{t('reader_pending_hint')}</p>
      <ul class="annotation-list">
        {annotations.map((annotation) => (
          <li key={annotation.id} class="annotation-item orphan" data-annotation-id={annotation.id}>
            <q class="annotation-quote" data-colour={annotation.colour}>
              {quoteOf(annotation)}
            </q>
            {noteOf(annotation) && <p class="annotation-note">{noteOf(annotation)}</p>}
            <div class="row">
              <button
                type="button"
                class="danger"
                onClick={() => void deleteHighlight(announce, annotation.id)}
              >
                {t('reader_delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
