import type { ArticleRecord } from '../../shared/article.ts';
import { t } from '../../shared/i18n.ts';
import { ArticleMeta } from './ArticleMeta.tsx';

/** One saved article: its title opens the source in a new tab. */
export function ArticleItem({ article }: { article: ArticleRecord }) {
  return (
    <li class="article" data-article-id={article.id}>
      <a
        class="article-source"
        href={article.url}
        target="_blank"
        rel="noopener noreferrer"
        title={t('action_open_source')}
      >
        {article.title || article.url}
      </a>
      <ArticleMeta article={article} />
    </li>
  );
}
