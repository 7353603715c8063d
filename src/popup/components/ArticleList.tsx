import { annotationCounts } from '../../db/annotations.ts';
import { countArticles, listNewest } from '../../db/articles.ts';
import type { MarginsDatabase } from '../../db/schema.ts';
import { t } from '../../shared/i18n.ts';
import { useLiveQuery } from '../use-live-query.ts';
import { ArticleItem } from './ArticleItem.tsx';

/** How many rows the list reads; windowing over the whole collection comes with search. */
const LIST_LIMIT = 500;

export function ArticleList({ db }: { db: MarginsDatabase }) {
  const list = useLiveQuery(async () => {
    const articles = await listNewest(db, LIST_LIMIT);
    const highlights = await annotationCounts(
      db,
      articles.map((article) => article.id),
    );
    return { articles, highlights, total: await countArticles(db) };
  }, [db]);
  if (list.status === 'loading') return <p class="muted">{t('status_loading')}</p>;
  if (list.status === 'failed') {
    return (
      <p class="error" role="alert">
        {t('error_storage_failed')}
      </p>
    );
  }
  const { articles, highlights, total } = list.value;
  if (articles.length === 0) {
    return (
      <div class="empty">
        <p class="empty-title">{t('empty_title')}</p>
        <p class="muted">{t('empty_hint')}</p>
      </div>
    );
  }
  return (
    <section aria-labelledby="library-heading">
      <h2 id="library-heading" class="section-heading">
        {t('library_heading', String(total))}
      </h2>
      <ul class="articles">
        {articles.map((article) => (
          <ArticleItem
            key={article.id}
            article={article}
            highlightCount={highlights.get(article.id) ?? 0}
          />
        ))}
      </ul>
    </section>
  );
}
