import { useEffect, useRef, useState } from 'preact/hooks';
import type { HighlightColour } from '../../shared/annotation.ts';
import { t } from '../../shared/i18n.ts';
import { ColourButtons } from './ColourButtons.tsx';

interface Props {
  top: number;
  left: number;
  /** Opened with the note field showing (the "n" shortcut). */
  noteFirst: boolean;
  /** The user's default highlight colour, offered first (and focused first by "t"). */
  defaultColour: HighlightColour;
  onHighlight: (colour: HighlightColour) => void;
  onNote: (note: string) => void;
  onClose: () => void;
}

/** Arrow keys move between a toolbar's buttons (the ARIA toolbar pattern); Tab leaves it. */
function moveFocus(event: KeyboardEvent, toolbar: HTMLElement | null) {
  const buttons = [...(toolbar?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
  let next: HTMLButtonElement | undefined;
  if (step) next = buttons[(at + step + buttons.length) % buttons.length];
  if (event.key === 'Home') next = buttons[0];
  if (event.key === 'End') next = buttons[buttons.length - 1];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/** The small toolbar over a selection: highlight in a colour, or add a note. */
export function SelectionToolbar({
  top,
  left,
  noteFirst,
  defaultColour,
  onHighlight,
  onNote,
  onClose,
}: Props) {
  const [noting, setNoting] = useState(noteFirst);
  const [note, setNote] = useState('');
  const toolbar = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (noting) field.current?.focus();
  }, [noting]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (!noting) moveFocus(event, toolbar.current);
  };
  return (
    <div
      class="selection-popover"
      style={{ top: `${top + 8}px`, left: `${left}px` }}
      onKeyDown={onKeyDown}
      // Pressing a button must not clear the selection the toolbar acts on.
      onMouseDown={(event) => {
        if (!(event.target instanceof HTMLTextAreaElement)) event.preventDefault();
      }}
    >
      <div
        class="selection-toolbar"
        role="toolbar"
        aria-label={t('reader_toolbar_label')}
        ref={toolbar}
        data-testid="selection-toolbar"
      >
        <ColourButtons
          current={null}
          first={defaultColour}
          onChoose={onHighlight}
          label={(name) => t('reader_highlight_in', name)}
        />
        <button
          type="button"
          class="note-button"
          aria-expanded={noting}
          aria-keyshortcuts="N"
          onClick={() => setNoting(!noting)}
        >
          {t('reader_add_note')}
        </button>
      </div>
      {noting && (
        <form
          class="note-form"
          onSubmit={(event) => {
            event.preventDefault();
            onNote(note);
          }}
        >
          <label>
            <span class="visually-hidden">{t('reader_note_label')}</span>
            <textarea
              ref={field}
              rows={3}
              value={note}
              placeholder={t('reader_note_placeholder')}
              onInput={(event) => setNote(event.currentTarget.value)}
              onKeyDown={(event) => {
                // Ctrl/Cmd+Enter saves without leaving the keyboard.
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onNote(note);
              }}
            />
          </label>
          <div class="row">
            <button type="submit" disabled={!note.trim()}>
              {t('reader_save_note')}
            </button>
            <button type="button" class="secondary" onClick={onClose}>
              {t('action_cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
