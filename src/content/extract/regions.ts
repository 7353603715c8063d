/**
 * Metadata found in navigation, sidebars or "related stories" belongs to other pages, so those
 * regions are skipped.
 */
import { closestWhere, elementsWhere, named } from '../../shared/article-html/elements.ts';
import type { PageIndex } from './scan.ts';
import { addressOf, baseAddressOf } from './address.ts';
const OFF_ARTICLE_TAGS = new Set([
  'NAV',
  'ASIDE',
  'FORM',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
]);
/** Tags that hold bylines on some pages ("<aside>By X</aside>") as often as other stories. */
const ASIDE_TAGS = new Set(['NAV', 'ASIDE']);
/** Class words that describe the page's layout around a region ("has-sidebar"), not the region. */
const LAYOUT_MODIFIER = /(?:^|[\s_-])(?:has|with|no|without|show|hide)[-_]+[\w-]*/gi;
const OFF_ARTICLE_HINT =
  /(?:^|[\s_-])(?:related|recommend\w*|more-?(?:stories|news|from)|read-?more|sidebar|widget|teaser|promo|trending|popular|most-?read|comments?|newsletter|footer|nav\w*|menu|breadcrumbs?|share|social|outbrain|taboola)(?:$|[\s_-])/i;

/**
 * "author-share", "byline social": one box for the byline and the share buttons, which is the
 * article's.
 */
const BYLINE_BOX = /author|byline|dateline|(?:^|[\s_-])(?:date|meta)(?:$|[\s_-])/i;
const SHARE_WORD = /(?:^|[\s_-])(?:share|social)(?=$|[\s_-])/gi;
const withoutShareOfByline = (hint: string): string =>
  BYLINE_BOX.test(hint) ? hint.replace(SHARE_WORD, ' ') : hint;

/**
 * "post-footer", "entry-footer", "article-footer": the footer of one post, where blogs print its
 * date and author, not the site's footer.
 */
const OWN_FOOTER = /(?:post|entry|article|story|asset|blog)[-_]*footer/gi;

/**
 * Elementor, the most used WordPress page builder, calls every block of a page a widget
 * ("elementor-widget elementor-widget-post-info"): its word says nothing about the block. What
 * follows it does ("elementor-widget-nav-menu" is still navigation).
 */
const BUILDER_WIDGET =
  /(?:^|\s)elementor-widget(?:-container)?(?=\s|$)|(?:^|\s)elementor-widget-/gi;

/** The address without its fragment, so "#comments" links compare equal to the page. */
const withoutFragment = (url: string): string => url.replace(/#.*$/, '');

/**
 * True when a link points at the page it sits on: a permalink around the article's own date
 * (`<a href="/2024/06/post/" rel="bookmark"><time>`, a post's own status link) or a fragment.
 * What it wraps is this article's, not another story's.
 */
function linksToThisPage(link: Element): boolean {
  const href = link.getAttribute('href')?.trim();
  if (href === undefined) return false;
  if (href.startsWith('#')) return true;
  const doc = link.ownerDocument;
  try {
    const target = withoutFragment(new URL(href, baseAddressOf(doc)).href);
    return target === withoutFragment(addressOf(doc));
  } catch {
    return false;
  }
}

const isMainRegion = (node: Element): boolean =>
  node.tagName === 'MAIN' || node.getAttribute('role') === 'main';
const isArticle = named('article');

/** Inside an <article> (the element itself aside): a footer there is the article's own. */
export const insideArticle = (el: Element): boolean =>
  el.parentElement !== null && closestWhere(el.parentElement, isArticle) !== null;

/** `article, [itemprop="articleBody"], main, [role="main"]`. */
const isArticleRegion = (node: Element): boolean =>
  isArticle(node) || node.getAttribute('itemprop') === 'articleBody' || isMainRegion(node);

/**
 * True when `el` sits inside navigation, a sidebar, a footer, a related-stories block, or a link
 * (a date inside a link belongs to the linked story; `inLinks` allows links, as author names are).
 */
export function isOffArticle(
  el: Element,
  stopAt?: Element | null,
  inLinks = false,
  inAsides = false,
  headlines: readonly Element[] = [],
): boolean {
  for (let node: Element | null = el; node && node !== stopAt; node = node.parentElement) {
    // What holds a headline wraps an article, whatever its class or id says ("sidebar" as a
    // page's content column, a "navigation-container" around the whole page).
    if (node !== el && headlines.some((headline) => node?.contains(headline))) continue;
    const verdict = ownVerdict(node, node !== el && !inLinks, inAsides);
    if (verdict !== null) return verdict;
  }
  return false;
}

/**
 * What `node` itself says: off the article (true), certainly on it (false: <body>, the main
 * region), or nothing (null: ask its parent). `inLink` makes a link an off-article region.
 */
function ownVerdict(node: Element, inLink: boolean, inAsides: boolean): boolean | null {
  // Page-wide classes on <body> ("no-footer", "has-sidebar") say nothing about one element.
  if (node.tagName === 'BODY' || node.tagName === 'HTML') return false;
  if (OFF_ARTICLE_TAGS.has(node.tagName) && !(inAsides && ASIDE_TAGS.has(node.tagName))) {
    return true;
  }
  if (node.tagName === 'A' && inLink && !linksToThisPage(node)) return true;
  if (node.tagName === 'FOOTER' && !insideArticle(node)) return true;
  const hint = withoutShareOfByline(
    `${node.id} ${node.getAttribute('class') ?? ''}`
      .replace(LAYOUT_MODIFIER, ' ')
      .replace(OWN_FOOTER, ' ')
      .replace(BUILDER_WIDGET, ' '),
  );
  if (hint.length < 200 && OFF_ARTICLE_HINT.test(hint)) return true;
  // What wraps the page's main region ("content-sidebar-wrap") is its layout, not a sidebar.
  if (isMainRegion(node)) return false;
  return null;
}

/**
 * `isOffArticle(el, null, true)` for many elements of one page: the verdict of each ancestor is
 * remembered, so elements that share ancestors (the lines near a headline) climb them once. The
 * box right after `headline` is the article's own byline and dateline, whatever its class says
 * ("teaser__metadata" under the headline of a page built from teaser components), and so is
 * every region that holds the headline.
 */
export function offArticleInLinks(
  headline: Element | null = null,
  headlineCopies: readonly Element[] = [],
): (el: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (el) => {
    const climbed: Element[] = [];
    let verdict = false;
    for (let node: Element | null = el; node; node = node.parentElement) {
      const remembered = known.get(node);
      if (remembered !== undefined) {
        verdict = remembered;
        break;
      }
      climbed.push(node);
      // What holds the headline is the article's, whatever its class says (Blogger's main
      // "widget", a page wrapped in one <form>); so is the box right after the headline, and
      // what holds a copy of the headline's text.
      const own =
        headline &&
        (node.previousElementSibling === headline ||
          node.contains(headline) ||
          headlineCopies.some((copy) => node?.contains(copy)))
          ? false
          : ownVerdict(node, false, false);
      if (own !== null) {
        verdict = own;
        break;
      }
    }
    for (const node of climbed) known.set(node, verdict);
    return verdict;
  };
}

/**
 * The element most likely to hold the article: an <article> (or main) containing the page's <h1>.
 */
export function articleRoot(page: PageIndex, h1: Element | null): Element | null {
  const withHeading = h1 ? closestWhere(h1, isArticleRegion) : null;
  if (withHeading) return withHeading;
  const articles = page.tagged('article');
  if (articles.length === 1) return articles[0] ?? null;
  return (
    page.tagged('main')[0] ?? elementsWhere(page.doc.documentElement, isMainRegion, 1)[0] ?? null
  );
}

/**
 * Where bylines and dates are looked for: the article's <h1>; when the only <h1>s are the site's
 * masthead, the first <h2> whose text the page's <title> repeats (a headline set as <h2>); else
 * the first <h1> at all.
 */
export function lineAnchor(
  page: PageIndex,
  articleH1s: readonly Element[],
  fallback: Element | null,
): Element | null {
  if (articleH1s[0]) return articleH1s[0];
  const title = page.doc.title.replace(/\s+/g, ' ').trim().toLowerCase();
  if (title) {
    for (const h2 of page.tagged('h2').slice(0, 12)) {
      const text = (h2.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
      if (text.length >= 8 && title.includes(text) && !isOffArticle(h2)) return h2;
    }
  }
  return fallback;
}
