import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleRecord } from '../shared/article.ts';
import { t } from '../shared/i18n.ts';
import { olderThanWritten } from './written-since.ts';

/** An article's tags as the library stored them, and when the article was last changed. */
type StoredTags = Pick<ArticleRecord, 'tags' | 'updatedAt'>;

interface Props {
  /** Distinguishes the field when two editors could be on one page. */
  inputId: string;
  /** The library's current list, as its live query reports it. */
  stored: StoredTags;
  /** Every tag in the library, offered as the user types. */
  suggestions: string[];
  /** Stores the new tag list; the stored list, or null when it could not be saved (the caller says why). */
  onSave: (tags: string[]) => Promise<StoredTags | null>;
}

const sameTags = (one: string[], other: string[]) =>
  one.length === other.length && one.every((tag, index) => tag === other[index]);

/** An article's tags as removable chips, and a field where Enter adds one, with completion. */
export function TagEditor({ inputId, stored, suggestions, onSave }: Props) {
  const [draft, setDraft] = useState('');
  // What the user sees at once; the stored list replaces it when it comes back. A second tag
  // typed before the first is saved builds on the first instead of replacing it.
  const [shown, setShown] = useState(stored.tags);
  // A list reported from before this editor's latest write would take back the user's latest
  // change, and a chip removed from that stale list would store it without the newer tags. So
  // while a save is on its way the library's lists wait, and after it a list older than the one
  // written is not shown.
  const pending = useRef(0);
  const written = useRef<StoredTags | null>(null);
  const reported = useRef(stored);
  reported.current = stored;
  const current = () => {
    const mine = written.current;
    const library = reported.current;
    return mine && olderThanWritten(library, mine, sameTags(library.tags, mine.tags))
      ? mine.tags
      : library.tags;
  };
  useEffect(() => {
    if (pending.current === 0) setShown(current());
  }, [stored.tags.join('\u0000'), stored.updatedAt]);
  const listId = `${inputId}-suggestions`;

  // Saves go one after another, in the order of the user's changes: two lists sent at once could
  // be stored in either order, and a chip removed while the tag before it was being saved came
  // back when that earlier, longer list was stored last.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const save = async (next: string[]) => {
    setShown(next);
    pending.current += 1;
    const saving = queue.current.then(() => onSave(next)).catch(() => null);
    queue.current = saving;
    const result = await saving;
    pending.current -= 1;
    if (result) written.current = result;
    if (pending.current === 0) setShown(current());
    return result !== null;
  };
  const add = async () => {
    const tag = draft.trim();
    if (!tag) return;
    if (shown.some((existing) => existing.toLowerCase() === tag.toLowerCase())) {
      setDraft('');
      return;
    }
    // Clear at once: the user may type the next tag while this one is being saved.
    setDraft('');
    if (!(await save([...shown, tag]))) setDraft((typed) => typed || tag);
  };
  return (
    <section class="panel-section">
      <label for={inputId} class="section-heading">
        {t('reader_tags')}
      </label>
      <ul class="tags" data-testid="tags">
        {shown.map((tag) => (
          <li key={tag} class="tag-chip">
            <span>{tag}</span>
            <button
              type="button"
              class="chip-remove"
              aria-label={t('reader_remove_tag', tag)}
              onClick={() => void save(shown.filter((other) => other !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={inputId}
        class="tag-input"
        type="text"
        list={listId}
        value={draft}
        placeholder={t('reader_tag_placeholder')}
        maxLength={256}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          void add();
        }}
      />
      <datalist id={listId}>
        {suggestions
          .filter((tag) => !shown.includes(tag))
          .map((tag) => (
            <option key={tag} value={tag} />
          ))}
      </datalist>
    </section>
  );
}
