import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { saveArticleNote } from '../actions.ts';
import { useAnnounce } from '../status.tsx';

/** Typing pauses this long before the note is saved on its own. */
const SAVE_AFTER_MS = 1_000;

type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

/** The note on the whole article, saved when the user pauses typing or leaves the field. */
export function PageNote({ articleId, note }: { articleId: string; note: string }) {
  const announce = useAnnounce();
  const [draft, setDraft] = useState(note);
  const [state, setState] = useState<SaveState>('saved');
  const timer = useRef<ReturnType<typeof setTimeout>>();

  // A change saved elsewhere (another reader tab) shows here unless the user is mid-edit.
  useEffect(() => {
    if (state === 'saved') setDraft(note);
  }, [note]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const save = async (value: string) => {
    clearTimeout(timer.current);
    if (value === note) {
      setState('saved');
      return;
    }
    setState('saving');
    setState((await saveArticleNote(announce, articleId, value)) ? 'saved' : 'failed');
  };
  return (
    <section class="panel-section">
      <label for="page-note" class="section-heading">
        {t('reader_page_note')}
      </label>
      <textarea
        id="page-note"
        class="page-note"
        rows={4}
        value={draft}
        aria-describedby="page-note-state"
        onInput={(event) => {
          const value = event.currentTarget.value;
          setDraft(value);
          setState('unsaved');
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(value), SAVE_AFTER_MS);
        }}
        onBlur={() => {
          if (state === 'unsaved') void save(draft);
        }}
      />
      <p id="page-note-state" class={`save-state ${state}`} data-testid="page-note-state">
        {t(`reader_note_state_${state}`)}
      </p>
    </section>
  );
}
