import { useEffect, useRef, useState } from 'preact/hooks';
import type { LibraryReader } from '../../db/read/idb.ts';
import { toRecord } from '../../db/records.ts';
import type { StoredArticle } from '../../db/schema.ts';
import type { ArticleRecord } from '../../shared/article.ts';
import { errorMessage, t } from '../../shared/i18n.ts';
import { request } from '../../shared/messaging.ts';
import { MarginsError } from '../../shared/protocol.ts';
import { TagEditor } from '../../ui/TagEditor.tsx';
import { ArticleEditor } from './ArticleEditor.tsx';

interface Props {
  reader: LibraryReader;
  articleId: string;
  allTags: string[];
  onClose: () => void;
}

/**
 * Corrections and tags of one article, shown above the list (the list's rows keep one height so
 * it can draw only what is on screen). The full record is read only now, when it is needed.
 */
export function EditPanel({ reader, articleId, allTags, onClose }: Props) {
  const [article, setArticle] = useState<ArticleRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    reader.get<StoredArticle>('articles', articleId).then(
      (stored) => (stored ? setArticle(toRecord(stored)) : onClose()),
      () => setError(t('error_storage_failed')),
    );
  }, [articleId]);
  useEffect(() => {
    if (article) panel.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [article !== null]);
  const saveTags = async (tags: string[]) => {
    if (!article) return null;
    try {
      const stored = await request({ type: 'set-article-tags', articleId, tags });
      setArticle(stored);
      setError(null);
      return stored;
    } catch (failure) {
      setError(failure instanceof MarginsError ? errorMessage(failure.code) : t('error_unknown'));
      return null;
    }
  };
  return (
    <section
      class="edit-panel"
      ref={panel}
      aria-label={t('edit_panel_label', article?.title ?? '')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      {article && (
        <>
          <ArticleEditor article={article} onClose={onClose} />
          <TagEditor
            key={article.id}
            inputId={`tags-${article.id}`}
            stored={article}
            suggestions={allTags}
            onSave={saveTags}
          />
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="secondary small" onClick={onClose}>
        {t('action_close')}
      </button>
    </section>
  );
}
