import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { saveArticleTags } from '../actions.ts';
import { useAnnounce } from '../status.tsx';

/** The article's tags as removable chips, and a field where Enter adds one. */
export function TagEditor({ articleId, tags }: { articleId: string; tags: string[] }) {
  const announce = useAnnounce();
  const [draft, setDraft] = useState('');

  const add = async () => {
    const tag = draft.trim();
    if (!tag) return;
    if (tags.some((existing) => existing.toLowerCase() === tag.toLowerCase())) {
      setDraft('');
      return;
    }
    // Clear at once: the user may type the next tag while this one is being saved.
    setDraft('');
    if (!(await saveArticleTags(announce, articleId, [...tags, tag]))) {
      setDraft((current) => current || tag);
    }
  };
  return (
    <section class="panel-section">
      <label for="tag-input" class="section-heading">
        {t('reader_tags')}
      </label>
      <ul class="tags" data-testid="tags">
        {tags.map((tag) => (
          <li key={tag} class="tag-chip">
            <span>{tag}</span>
            <button
              type="button"
              class="chip-remove"
              aria-label={t('reader_remove_tag', tag)}
              onClick={() =>
                void saveArticleTags(
                  announce,
                  articleId,
                  tags.filter((other) => other !== tag),
                )
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id="tag-input"
        class="tag-input"
        type="text"
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
    </section>
  );
}
