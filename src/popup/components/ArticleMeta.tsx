import { EDITABLE_FIELDS, type ArticleRecord } from '../../shared/article.ts';
import { t, uiLanguage } from '../../shared/i18n.ts';
import { formatDate, hostOf } from '../format.ts';

function isEdited(article: ArticleRecord): boolean {
  return EDITABLE_FIELDS.some((field) => article.fieldSources[field] === 'user');
}

/** "Site · Author · 18 Jun 2024", leaving out what is unknown. */
export function ArticleMeta({ article }: { article: ArticleRecord }) {
  const date = formatDate(article.publishedTime, uiLanguage());
  const site = article.siteName || hostOf(article.url);
  // A wire or aggregator page often names itself as the author: say it once.
  const byline = article.byline?.toLowerCase() === site.toLowerCase() ? null : article.byline;
  const parts = [site, byline, date].filter(Boolean);
  return (
    <p class="meta">
      {parts.join(' · ')}
      {article.kind === 'link' && <span class="tag-link">{t('label_link_only')}</span>}
      {isEdited(article) && <span class="tag-edited">{t('label_edited')}</span>}
    </p>
  );
}
