/**
 * Schema.org microdata: itemprop="author", "datePublished", "dateModified", "headline" on the
 * article's elements.
 */
import { elementsWhere } from '../../../shared/article-html/elements.ts';
import type { PageMeta } from '../metadata.ts';
import { isOffArticle } from '../regions.ts';
import { collapseSpace } from '../../../shared/article-html/text.ts';
import type { Found, Reading } from './types.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

const has = (el: Element, prop: string): boolean =>
  (el.getAttribute('itemprop') ?? '').toLowerCase().split(/\s+/).includes(prop);

/**
 * The value of an itemprop element: content/datetime attribute, an `abbr`'s ISO date title (the
 * text is then "9:05 PM"), a nested property's (its name), or its text. The nested property is
 * found by walking, not by a selector built from a name.
 */
function valueOf(el: Element, nested?: string): string | null {
  const inner = nested
    ? (elementsWhere(el, (node) => node !== el && has(node, nested), 1)[0] ?? null)
    : null;
  const from = inner ?? el;
  const title = from.localName === 'abbr' ? from.getAttribute('title') : null;
  const value =
    from.getAttribute('content') ??
    from.getAttribute('datetime') ??
    (title && ISO_DAY.test(title) ? title : null) ??
    from.textContent;
  return collapseSpace(value) || null;
}

/**
 * Author names marked with itemprop=author or rel=author inside <aside>/<nav>, not other regions.
 */
export function markedInAsides(
  itemprops: readonly Element[],
  authorLinks: readonly Element[] = [],
): string[] {
  const names: string[] = [];
  for (const el of [...itemprops.filter((e) => has(e, 'author')), ...authorLinks]) {
    if (
      el.localName === 'meta' ||
      !isOffArticle(el, null, true) ||
      isOffArticle(el, null, true, true)
    )
      continue;
    const name = valueOf(el, 'name');
    if (name && name.length < 120 && !names.includes(name)) names.push(name);
  }
  return names;
}

/** schema.org types of a page's own article (Article, NewsArticle, BlogPosting, Report…). */
const ARTICLE_TYPE = /schema\.org\/(?:\w*Article|BlogPosting|Report|Review)\b/i;

/** The nearest itemscope around `el`, itself excluded. */
const itemOf = (el: Element): Element | null => {
  for (let node = el.parentElement; node; node = node.parentElement)
    if (node.hasAttribute('itemscope')) return node;
  return null;
};

/**
 * The one article item every date on the page is marked in, if there is exactly one: its dates are
 * the page's wherever the layout puts them (Blogger's post column is a "widget"). A listing marks
 * several items, and then nothing is trusted for being marked.
 */
function soleArticleItem(itemprops: readonly Element[]): Element | null {
  const items = new Set<Element | null>();
  for (const el of itemprops)
    if (el.localName !== 'meta' && (has(el, 'datepublished') || has(el, 'datecreated')))
      items.add(itemOf(el));
  const [item] = items;
  return items.size === 1 && item && ARTICLE_TYPE.test(item.getAttribute('itemtype') ?? '')
    ? item
    : null;
}

/** Reads microdata from the page's itemprop elements (and itemprop meta tags). */
export function readMicrodata(
  itemprops: readonly Element[],
  meta: PageMeta,
  authorLinks: readonly Element[] = [],
): Reading {
  const found: Found = {};
  const authors: string[] = [];
  const article = soleArticleItem(itemprops);
  for (const el of itemprops) {
    if (el.localName === 'meta') continue;
    const inArticle = article !== null && itemOf(el) === article;
    if (!inArticle && isOffArticle(el, null, true)) continue;
    if (has(el, 'author') || has(el, 'creator')) {
      const name = valueOf(el, 'name');
      if (name && name.length < 120) authors.push(name);
    } else if (has(el, 'datepublished') || has(el, 'datecreated')) {
      found.publishedTime ??= valueOf(el);
    } else if (has(el, 'datemodified')) {
      found.modifiedTime ??= valueOf(el);
    } else if (has(el, 'headline')) {
      found.title ??= valueOf(el);
    }
  }
  // Pages often put the byline box in an <aside> or <nav>: an element marked as the author
  // (itemprop=author, rel=author) counts there when the article's own text names no one.
  if (!authors.length) authors.push(...markedInAsides(itemprops, authorLinks));
  found.authors = authors.length ? authors : meta.all('itemprop:author');
  found.publishedTime ??= meta.get('itemprop:datepublished', 'itemprop:datecreated');
  found.modifiedTime ??= meta.get('itemprop:datemodified');
  found.title ??= meta.get('itemprop:headline');
  return { source: 'microdata', found };
}
