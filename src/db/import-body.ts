/**
 * An imported page body (Omnivore's saved content) made into what a save stores: the body
 * cleaned exactly as a page saved by the content script is, its word count, and the article text
 * that highlights are anchored on.
 */
import {
  CONTEXT_LENGTH,
  anchor,
  type RangeSelectors,
  type TextQuoteSelector,
} from '../shared/anchoring/index.ts';
import { articleTextOf } from '../shared/article-body.ts';
import { sanitizeArticle } from '../shared/article-html/sanitize.ts';
import { blockText } from '../shared/article-html/text.ts';
import { countWords } from '../shared/article-html/word-count.ts';

export interface ImportedBody {
  /** Sanitised HTML, as ArticleSnapshot.contentHtml holds it. */
  contentHtml: string;
  wordCount: number;
  /** The text annotation selectors are measured on (see articleTextOf). */
  articleText: string;
}

/**
 * Cleans untrusted HTML from another service. The HTML is parsed into an inert document
 * (DOMParser runs no scripts and loads nothing), so nothing in it can act before it is cleaned.
 * Returns null when nothing readable is left.
 */
export function prepareImportedBody(html: string, url: string, doc: Document): ImportedBody | null {
  const view = doc.defaultView;
  if (!view) throw new Error('Importing a saved body needs a document with a window');
  const parsed = new view.DOMParser().parseFromString(html, 'text/html');
  const root = sanitizeArticle(parsed.body, url, view as Window & typeof globalThis);
  const text = blockText(root);
  if (!text.trim()) return null;
  const contentHtml = root.innerHTML;
  return {
    contentHtml,
    wordCount: countWords(text),
    articleText: articleTextOf(contentHtml, doc),
  };
}

/** A quote without context: other services export the highlighted text alone. */
export function quoteSelector(quote: string): TextQuoteSelector {
  return { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' };
}

/**
 * Finds a highlight's quote in the article text and describes where it is, with the context a
 * highlight made in the reader records. Null when the quote is not in the text.
 */
export function placeQuote(articleText: string, quote: string): RangeSelectors | null {
  const found = anchor(articleText, [quoteSelector(quote)]);
  if (!found || found.end <= found.start) return null;
  const { start, end } = found;
  return [
    {
      type: 'TextQuoteSelector',
      exact: articleText.slice(start, end),
      prefix: articleText.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: articleText.slice(end, end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}
