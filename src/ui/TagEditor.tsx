import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';

interface Props {
  /** Distinguishes the field when two editors could be on one page. */
  inputId: string;
  tags: string[];
  /** Every tag in the library, offered as the user types. */
  suggestions: string[];
  /** Stores the new tag list; false when it could not be saved (the caller says why). */
  onSave: (tags: string[]) => Promise<boolean>;
}

/** An article's tags as removable chips, and a field where Enter adds one, with completion. */
export function TagEditor({ inputId, tags, suggestions, onSave }: Props) {
  const [draft, setDraft] = useState('');
  // What the user sees at once; the saved list replaces it when it comes back. A second tag
  // typed before the first is saved builds on the first instead of replacing it.
  const [shown, setShown] = useState(tags);
  // While a save is on its way, the library may still report an earlier save's list: showing it
  // would take back the user's latest change, and a chip removed from that stale list would save
  // it without the newer tags. Lists from the library wait until no save is pending.
  const pending = useRef(0);
  const latestTags = useRef(tags);
  latestTags.current = tags;
  useEffect(() => {
    if (pending.current === 0) setShown(tags);
  }, [tags.join('\u0000')]);
  const listId = `${inputId}-suggestions`;

  // Saves go one after another, in the order of the user's changes: two lists sent at once could
  // be stored in either order, and a chip removed while the tag before it was being saved came
  // back when that earlier, longer list was stored last.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const save = async (next: string[]) => {
    setShown(next);
    pending.current += 1;
    const saving = queue.current.then(() => onSave(next));
    queue.current = saving.catch(() => false);
    const saved = await saving.finally(() => (pending.current -= 1));
    if (!saved && pending.current === 0) setShown(latestTags.current);
    return saved;
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
    if (!(await save([...shown, tag]))) setDraft((current) => current || tag);
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
