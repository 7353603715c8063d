import { useRef, useState } from 'preact/hooks';
import { browser } from '../../platform/browser.ts';
import type { ArticleRecord } from '../../shared/article.ts';
import { plural, t } from '../../shared/i18n.ts';
import { ArticleEditor } from './ArticleEditor.tsx';
import { ArticleMeta } from './ArticleMeta.tsx';

interface Props {
  article: ArticleRecord;
  highlightCount: number;
}

/**
 * One saved article: its title opens the saved copy in the reader, "Source" the original page;
 * its details can be corrected.
 */
export function ArticleItem({ article, highlightCount }: Props) {
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
          class="article-title"
          href={browser.runtime.getURL(`reader.html?id=${encodeURIComponent(article.id)}`)}
          target="_blank"
          title={t('action_open_reader')}
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
      <p class="item-links">
        <a
          class="article-source"
          href={article.url}
          target="_blank"
          rel="noopener noreferrer"
          title={t('action_open_source')}
        >
          {t('label_source')}
        </a>
        {highlightCount > 0 && (
          <span class="highlight-count">{plural('label_highlights', highlightCount)}</span>
        )}
      </p>
      {editing && <ArticleEditor article={article} onClose={close} />}
    </li>
  );
}
