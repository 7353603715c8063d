/**
 * What is saved of a page whose extraction failed as a whole: a link, under its title.
 */
import type { ArticleSnapshot, StepFailure } from '../../shared/article.ts';
import { collapseSpace } from '../../shared/article-html/text.ts';
import { hostOf } from '../../shared/url.ts';
import { addressOf } from './address.ts';

/** The page as a link: its address and title, when nothing else could be read. */
export function linkOnly(doc: Document, extractionFailures: StepFailure[]): ArticleSnapshot {
  const url = addressOf(doc);
  let title = '';
  try {
    title = collapseSpace(doc.title);
  } catch {
    // A page that cannot even give its title is saved under its address.
  }
  const siteName = hostOf(url) || null;
  return {
    kind: 'link',
    url,
    canonicalUrl: null,
    originalSourceUrl: null,
    title: title || url,
    byline: null,
    authors: [],
    siteName,
    publishedTime: null,
    modifiedTime: null,
    lang: null,
    dir: null,
    excerpt: null,
    contentHtml: '',
    textContent: '',
    wordCount: 0,
    leadImageUrl: null,
    fieldSources: {
      title: title ? 'document-title' : 'url',
      ...(siteName ? { siteName: 'host' as const } : {}),
    },
    extractionFailures,
  };
}
