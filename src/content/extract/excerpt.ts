/**
 * Readability's excerpt is often a "Source link : …" line or a caption; the reader wants the first
 * real paragraph.
 */
import { closestWhere, elementsWhere, named } from '../../shared/article-html/elements.ts';
import { collapseSpace } from '../../shared/article-html/text.ts';

const MAX_EXCERPT = 500;
const LABEL_LINE =
  /^(?:source|sources|source link|lien source|quelle|fuente|fonte|author|auteur|autor|by|par|publish|published|posted|updated|publié|photo|image|credit|crédit|read more|lire aussi|à lire|advertisement)\b/i;

/** Shortens long text at a word boundary, marking the cut with an ellipsis. */
function clip(text: string): string {
  if (text.length <= MAX_EXCERPT) return text;
  const cut = text.slice(0, MAX_EXCERPT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_EXCERPT / 2)).trimEnd()}…`;
}

const NOT_RUNNING_TEXT = named('figure', 'figcaption', 'blockquote', 'aside', 'li');
const isAnchor = named('a');
const isParagraph = named('p');

/**
 * True for a paragraph of running text: long enough, not a label line, caption or list of links.
 */
function isRealParagraph(p: Element): boolean {
  const text = collapseSpace(p.textContent);
  if (text.length < 80 || text.split(' ').length < 12) return false;
  if (LABEL_LINE.test(text) || closestWhere(p, NOT_RUNNING_TEXT)) return false;
  const linked = elementsWhere(p, isAnchor).reduce(
    (sum, a) => sum + collapseSpace(a.textContent).length,
    0,
  );
  return linked / text.length < 0.5;
}

/** The first real paragraph of the article body, else the page's description. */
export function pickExcerpt(body: Element | null, description: string | null): string | null {
  const paragraphs = body ? elementsWhere(body, isParagraph) : [];
  const first = paragraphs.find(isRealParagraph);
  if (first) return clip(collapseSpace(first.textContent));
  const fallback = collapseSpace(description);
  return fallback ? clip(fallback) : null;
}
