import { useEffect, useRef, useState } from 'preact/hooks';
import { noteOf, quoteOf, type Annotation } from '../../shared/annotation.ts';
import { t } from '../../shared/i18n.ts';
import { deleteHighlight, updateHighlight } from '../actions.ts';
import { useAnnounce } from '../status.tsx';
import { ColourButtons } from './ColourButtons.tsx';

interface Props {
  annotation: Annotation;
  top: number;
  left: number;
  onClose: () => void;
}

/** Edits one highlight: its note, its colour, or deletes it. Escape closes it. */
export function HighlightEditor({ annotation, top, left, onClose }: Props) {
  const announce = useAnnounce();
  const saved = noteOf(annotation);
  const [note, setNote] = useState(saved);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), [annotation.id]);

  const saveNote = async () => {
    if (note !== saved) await updateHighlight(announce, annotation.id, { note });
  };
  return (
    <div
      class="selection-popover highlight-editor"
      role="dialog"
      aria-label={t('reader_edit_highlight')}
      data-testid="highlight-editor"
      style={{ top: `${top + 8}px`, left: `${left}px` }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <p class="editor-quote">{quoteOf(annotation)}</p>
      <form
        class="note-form"
        onSubmit={(event) => {
          event.preventDefault();
          void saveNote();
        }}
      >
        <label>
          <span class="field-label">{t('reader_note_label')}</span>
          <textarea
            ref={field}
            rows={3}
            value={note}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
        </label>
        <div class="row">
          {/* Never disabled: the button keeps focus after saving, so Escape still reaches us. */}
          <button type="submit">{t('reader_save_note')}</button>
        </div>
      </form>
      <div class="row" role="group" aria-label={t('reader_colour_label')}>
        <ColourButtons
          current={annotation.colour}
          onChoose={(colour) => void updateHighlight(announce, annotation.id, { colour })}
          label={(name) => t('reader_change_colour', name)}
        />
      </div>
      <div class="row">
        <button
          type="button"
          class="danger"
          onClick={async () => {
            if (await deleteHighlight(announce, annotation.id)) onClose();
          }}
        >
          {t('reader_delete')}
        </button>
        <button type="button" class="secondary" onClick={onClose}>
          {t('reader_close')}
        </button>
      </div>
    </div>
  );
}
