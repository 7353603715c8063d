import { isEditedByUser, type ArticleRecord } from '../../shared/article.ts';
import { t, uiLanguage } from '../../shared/i18n.ts';
import { metaLineOf } from '../../shared/format.ts';

/** "Site · Author · 18 Jun 2024", with the link-only and edited marks. */
export function ArticleMeta({ article }: { article: ArticleRecord }) {
  return (
    <p class="meta">
      {metaLineOf(article, uiLanguage())}
      {article.kind === 'link' && <span class="tag-link">{t('label_link_only')}</span>}
      {isEditedByUser(article) && <span class="tag-edited">{t('label_edited')}</span>}
    </p>
  );
}
