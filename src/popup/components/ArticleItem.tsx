import { useRef, useState } from 'preact/hooks';
import type { ArticleRecord } from '../../shared/article.ts';
import { t } from '../../shared/i18n.ts';
import { ArticleEditor } from './ArticleEditor.tsx';
import { ArticleMeta } from './ArticleMeta.tsx';

/** One saved article: its title opens the source in a new tab; its details can be corrected. */
export function ArticleItem({ article }: { article: ArticleRecord }) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setEditing(false);
    // Give focus back where the user started, so the keyboard path stays unbroken.
    requestAnimationFrame(() => editButton.current?.focus());
  };
  return (
    <li class="article" data-article-id={article.id}>
      <div class="article-row">
        <a
          class="article-source"
          href={article.url}
          target="_blank"
          rel="noopener noreferrer"
          title={t('action_open_source')}
        >
          {article.title || article.url}
        </a>
        <button
          type="button"
          class="secondary small edit"
          ref={editButton}
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          {t('action_edit')}
        </button>
      </div>
      <ArticleMeta article={article} />
      {editing && <ArticleEditor article={article} onClose={close} />}
    </li>
  );
}
