import { noteOf, quoteOf, type Annotation } from '../../shared/annotation.ts';
import { t } from '../../shared/i18n.ts';
import type { Placement } from '../placement.ts';
import { colourName } from './ColourButtons.tsx';
import { OrphanList } from './OrphanList.tsx';

interface Props {
  placement: Placement;
  /** Whether some article text is selected, so an orphan can be attached to it. */
  canAttach: boolean;
  onOpen: (annotationId: string) => void;
  onAttach: (annotation: Annotation) => void;
}

/** The article's highlights in reading order, then those that could not be placed. */
export function AnnotationList({ placement, canAttach, onOpen, onAttach }: Props) {
  const { placed, orphans } = placement;
  return (
    <section class="panel-section" aria-labelledby="annotations-heading">
      <h2 id="annotations-heading" class="section-heading">
        {t('reader_annotations_heading', String(placed.length + orphans.length))}
      </h2>
      {placed.length === 0 && orphans.length === 0 && (
        <p class="hint">{t('reader_annotations_empty')}</p>
      )}
      <ol class="annotation-list" data-testid="annotation-list">
        {placed.map(({ annotation }) => (
          <li key={annotation.id} class="annotation-item" data-annotation-id={annotation.id}>
            <button
              type="button"
              class="annotation-open"
              data-colour={annotation.colour}
              onClick={() => onOpen(annotation.id)}
            >
              <span class="visually-hidden">{colourName(annotation.colour)}: </span>
              <q class="annotation-quote">{quoteOf(annotation)}</q>
            </button>
            {noteOf(annotation) && <p class="annotation-note">{noteOf(annotation)}</p>}
          </li>
        ))}
      </ol>
      {orphans.length > 0 && (
        <OrphanList orphans={orphans} canAttach={canAttach} onAttach={onAttach} />
      )}
    </section>
  );
}
