import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleRecord } from '../../shared/article.ts';
import { t } from '../../shared/i18n.ts';
import { olderThanWritten } from '../../ui/written-since.ts';
import { saveArticleNote } from '../actions.ts';
import { useAnnounce } from '../status.tsx';

/** Typing pauses this long before the note is saved on its own. */
const SAVE_AFTER_MS = 1_000;

type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

/** The note on the whole article, saved when the user pauses typing or leaves the field. */
export function PageNote({
  article,
}: {
  article: Pick<ArticleRecord, 'id' | 'note' | 'updatedAt'>;
}) {
  const announce = useAnnounce();
  const { id: articleId, note } = article;
  const [draft, setDraft] = useState(note);
  const [state, setState] = useState<SaveState>('saved');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const written = useRef<Pick<ArticleRecord, 'note' | 'updatedAt'> | null>(null);

  // The stored note: the library's, unless it still reports the note from before this field's
  // last save.
  const storedNote = () => {
    const mine = written.current;
    return mine && olderThanWritten(article, mine, note === mine.note) ? mine.note : note;
  };
  // A change saved elsewhere (another reader tab) shows here unless the user is mid-edit.
  useEffect(() => {
    if (state === 'saved') setDraft(storedNote());
  }, [note, article.updatedAt]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const save = async (value: string) => {
    clearTimeout(timer.current);
    if (value === storedNote()) {
      setState('saved');
      return;
    }
    setState('saving');
    const stored = await saveArticleNote(announce, articleId, value);
    if (stored) written.current = stored;
    setState(stored ? 'saved' : 'failed');
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
