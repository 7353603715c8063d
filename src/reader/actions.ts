/**
 * The reader's writes. Pages never write to the database themselves: each change is a message to
 * the background, and the page sees the result through its live queries.
 */
import type { ArticleRecord } from '../shared/article.ts';
import type { HighlightColour } from '../shared/annotation.ts';
import type { RangeSelectors } from '../shared/anchoring/index.ts';
import { browser } from '../platform/browser.ts';
import { request } from '../shared/messaging.ts';
import { t } from '../shared/i18n.ts';
import { failureText } from './status.tsx';

type Announce = (message: string) => void;

/** Runs a request and announces its outcome; resolves to whether it succeeded. */
async function run(announce: Announce, work: () => Promise<unknown>, done: string) {
  try {
    await work();
    announce(done);
    return true;
  } catch (error) {
    announce(failureText(error));
    return false;
  }
}

export function createHighlight(
  announce: Announce,
  articleId: string,
  selector: RangeSelectors,
  colour: HighlightColour,
  note: string,
) {
  return run(
    announce,
    () => request({ type: 'create-annotation', articleId, selector, colour, note }),
    t(note.trim() ? 'reader_status_note_saved' : 'reader_status_highlight_saved'),
  );
}

export interface AnnotationChange {
  colour?: HighlightColour;
  note?: string;
  selector?: RangeSelectors;
}

export function updateHighlight(
  announce: Announce,
  annotationId: string,
  change: AnnotationChange,
) {
  const done = change.selector
    ? 'reader_status_attached'
    : change.note !== undefined
      ? 'reader_status_note_saved'
      : 'reader_status_colour_changed';
  return run(
    announce,
    () => request({ type: 'update-annotation', annotationId, ...change }),
    t(done),
  );
}

export function deleteHighlight(announce: Announce, annotationId: string) {
  return run(
    announce,
    () => request({ type: 'delete-annotation', annotationId }),
    t('reader_status_deleted'),
  );
}

/** Runs a change to the article and announces its outcome; resolves to the stored article, or null. */
async function changeArticle(announce: Announce, work: () => Promise<ArticleRecord>, done: string) {
  let stored: ArticleRecord | null = null;
  await run(announce, async () => (stored = await work()), done);
  return stored;
}

export function saveArticleNote(announce: Announce, articleId: string, note: string) {
  return changeArticle(
    announce,
    () => request({ type: 'set-article-note', articleId, note }),
    t('reader_status_page_note_saved'),
  );
}

export function saveArticleTags(announce: Announce, articleId: string, tags: string[]) {
  return changeArticle(
    announce,
    () => request({ type: 'set-article-tags', articleId, tags }),
    t('reader_status_tags_saved'),
  );
}

/**
 * "Load from the publisher": asks for access to the sites of the article's images that are not
 * stored (a refusal still leaves the sites that serve images to everyone), then has the
 * background fetch and keep them.
 */
export async function loadImagesFromPublisher(
  announce: Announce,
  articleId: string,
  origins: string[],
) {
  if (origins.length > 0) {
    await browser.permissions.request({ origins }).catch(() => false);
  }
  return run(
    announce,
    () => request({ type: 'fetch-images', articleId }),
    t('reader_status_images_loading'),
  );
}
