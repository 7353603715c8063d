import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { annotationsOf } from '../../db/annotations.ts';
import type { MarginsDatabase } from '../../db/schema.ts';
import { toRecord } from '../../db/records.ts';
import { t } from '../../shared/i18n.ts';
import { request } from '../../shared/messaging.ts';
import { useLiveQuery } from '../../ui/use-live-query.ts';
import { sortedByCreation } from '../placement.ts';
import { useArticleImages } from '../use-article-images.ts';
import { PendingList } from './PendingList.tsx';
import { ReaderView } from './ReaderView.tsx';

/** A page-sized message for when there is nothing to read, with a way out when there is one. */
function Notice({
  title,
  text,
  href,
  children,
}: {
  title: string;
  text: string;
  href?: string;
  children?: ComponentChildren;
}) {
  return (
    <main class="reader-notice" data-testid="reader-notice">
      <h1>{title}</h1>
      <p>{text}</p>
      {href && (
        <p>
          <a href={href} target="_blank" rel="noopener noreferrer">
            {t('reader_open_source')}
          </a>
        </p>
      )}
      {children}
    </main>
  );
}

/** Reads the article and its annotations live: a write by the background re-renders at once. */
export function ReaderApp({ db, articleId }: { db: MarginsDatabase; articleId: string }) {
  const state = useLiveQuery(
    ['articles', 'annotations', 'cards'],
    async () => {
      const [stored, annotations, allTags] = await Promise.all([
        db.articles.get(articleId),
        annotationsOf(db, articleId),
        db.cards.orderBy('tags').uniqueKeys(),
      ]);
      return {
        article: stored ? toRecord(stored) : null,
        annotations,
        allTags: allTags.map(String),
      };
    },
    [db, articleId],
  );
  const images = useArticleImages(db, articleId);
  const unread = state.status === 'ready' && state.value.article?.readAt === null;
  useEffect(() => {
    // Opening the saved copy is reading it; a failure here only leaves it shown as unread.
    if (unread) {
      request({ type: 'set-read', articleIds: [articleId], read: true }).catch((error: unknown) =>
        console.warn('Margins could not mark the article read', error),
      );
    }
  }, [unread, articleId]);
  const title = state.status === 'ready' ? state.value.article?.title : undefined;
  useEffect(() => {
    document.title = title || t('extName');
  }, [title]);

  if (state.status === 'loading') return <p class="reader-loading">{t('status_loading')}</p>;
  if (state.status === 'failed') {
    return <Notice title={t('reader_failed_title')} text={t('error_storage_failed')} />;
  }
  const { article, annotations, allTags } = state.value;
  if (!article) return <Notice title={t('reader_missing_title')} text={t('reader_missing_text')} />;
  if (article.kind === 'link' || !article.contentHtml.trim()) {
    return (
      <Notice
        title={article.title || article.url}
        text={t('reader_link_only_text')}
        href={article.url}
      >
        {/* Highlights imported with the link wait, listed, for its text to be saved. */}
        {annotations.length > 0 && <PendingList annotations={sortedByCreation(annotations)} />}
      </Notice>
    );
  }
  return (
    <ReaderView article={article} annotations={annotations} allTags={allTags} images={images} />
  );
}

/** Shown when the reader was opened without an article id. */
export function NoArticle() {
  return <Notice title={t('reader_no_id_title')} text={t('reader_no_id_text')} />;
}
