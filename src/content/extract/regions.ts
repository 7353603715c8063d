// Metadata found in navigation, sidebars or "related stories" belongs to other pages, so those regions are skipped.
const OFF_ARTICLE_TAGS = new Set([
  'NAV',
  'ASIDE',
  'FORM',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
]);
const OFF_ARTICLE_HINT =
  /(?:^|[\s_-])(?:related|recommend\w*|more-?(?:stories|news|from)|read-?more|sidebar|widget|teaser|promo|trending|popular|most-?read|comments?|newsletter|footer|nav\w*|menu|breadcrumbs?|share|social|outbrain|taboola)(?:$|[\s_-])/i;

/** True when `el` sits inside navigation, a sidebar, a footer, a link or a related-stories block. */
export function isOffArticle(el: Element, stopAt?: Element | null): boolean {
  for (let node: Element | null = el; node && node !== stopAt; node = node.parentElement) {
    if (OFF_ARTICLE_TAGS.has(node.tagName)) return true;
    if (node.tagName === 'A' && node !== el) return true;
    if (node.tagName === 'FOOTER' && !node.closest('article')) return true;
    const hint = `${node.id} ${node.getAttribute('class') ?? ''}`;
    if (hint.length < 200 && OFF_ARTICLE_HINT.test(hint)) return true;
  }
  return false;
}

/** The element most likely to hold the article: an <article> (or main) containing the page's <h1>. */
export function articleRoot(doc: Document): Element | null {
  const h1 = doc.querySelector('h1');
  const withHeading = h1?.closest('article, [itemprop="articleBody"], main, [role="main"]');
  if (withHeading) return withHeading;
  const articles = doc.querySelectorAll('article');
  if (articles.length === 1) return articles[0] ?? null;
  return doc.querySelector('main, [role="main"]');
}
