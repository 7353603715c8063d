import type { ArticleRecord } from '../../shared/article.ts';
import { t, uiLanguage } from '../../shared/i18n.ts';
import { formatDate } from '../../shared/format.ts';
import { hostOf } from '../../shared/url.ts';

/**
 * Title, byline, site and date, then the links out. The title is in the article's language (set
 * on the enclosing <article>); the labels are Margins' own words, so they carry the UI language.
 */
export function ArticleHeader({ article }: { article: ArticleRecord }) {
  const ui = uiLanguage();
  const date = formatDate(article.publishedTime, ui);
  const site = article.siteName || hostOf(article.url);
  // Aggregators often name themselves as the author: say it once.
  const byline = article.byline?.toLowerCase() === site.toLowerCase() ? null : article.byline;
  return (
    <header class="article-header">
      <h1 class="article-title">{article.title || article.url}</h1>
      <p class="article-meta" data-testid="article-meta">
        {byline && <span class="byline">{byline}</span>}
        <span class="site">{site}</span>
        {date && article.publishedTime && (
          <time dateTime={article.publishedTime} lang={ui}>
            {date}
          </time>
        )}
      </p>
      <p class="article-links" lang={ui}>
        <a
          class="source-link"
          href={article.url}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="source-link"
        >
          {t('reader_open_source')}
        </a>
        {article.originalSourceUrl && article.originalSourceUrl !== article.url && (
          <a
            class="original-link"
            href={article.originalSourceUrl}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('reader_open_original', hostOf(article.originalSourceUrl))}
          </a>
        )}
      </p>
    </header>
  );
}
