/**
 * Extraction of a page Margins fetched itself (an imported link), from its decoded HTML: parsed
 * with the DOMParser of the extension page it runs in (Chrome's offscreen document, Firefox's
 * background page), where no script of the page runs and nothing it links to is loaded, then read
 * by the same extraction as a page saved from its tab.
 */
import type { ArticleSnapshot } from '../../shared/article.ts';
import { registerParsedPage } from './address.ts';
import { extractArticle } from './index.ts';

export function extractFromHtml(
  html: string,
  url: string,
  view: Window & typeof globalThis,
): ArticleSnapshot {
  const doc = new view.DOMParser().parseFromString(html, 'text/html');
  registerParsedPage(doc, url, view);
  return extractArticle(doc);
}
