import { noteOf, quoteOf, type Annotation } from '../../shared/annotation.ts';
import { t } from '../../shared/i18n.ts';
import { deleteHighlight } from '../actions.ts';
import { useAnnounce } from '../status.tsx';

interface Props {
  orphans: readonly Annotation[];
  canAttach: boolean;
  onAttach: (annotation: Annotation) => void;
}

/**
 * Annotations whose text is no longer in the article. They stay, with their quote and note,
 * until the user attaches them to new text or deletes them (issue 4, item 5).
 */
export function OrphanList({ orphans, canAttach, onAttach }: Props) {
  const announce = useAnnounce();
  return (
    <section class="orphans" aria-labelledby="orphans-heading" data-testid="orphans">
      <h3 id="orphans-heading" class="section-heading">
        {t('reader_orphans_heading')}
      </h3>
      <p class="hint">{t(canAttach ? 'reader_orphans_hint_ready' : 'reader_orphans_hint')}</p>
      <ul class="annotation-list">
        {orphans.map((annotation) => (
          <li key={annotation.id} class="annotation-item orphan" data-annotation-id={annotation.id}>
            <q class="annotation-quote" data-colour={annotation.colour}>
              {quoteOf(annotation)}
            </q>
            {noteOf(annotation) && <p class="annotation-note">{noteOf(annotation)}</p>}
            <div class="row">
              <button
                type="button"
                class="attach"
                disabled={!canAttach}
                // Keeps the article selection alive while the button is pressed.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onAttach(annotation)}
              >
                {t('reader_attach_here')}
              </button>
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
