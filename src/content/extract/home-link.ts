/**
 * A site's masthead links back to its home page under the site's own name ("MDN", a logo's alt),
 * which names the site where the page states no og:site_name.
 */
import { elementsWhere, isLink } from '../../shared/article-html/elements.ts';
import type { PageIndex } from './scan.ts';
import { collapseSpace } from '../../shared/article-html/text.ts';
import { addressOf } from './address.ts';

/** Where a masthead sits: the page header and its navigation. */
const MASTHEAD_TAGS = ['header', 'nav'] as const;

/** Enough links to pass the logo and the first menu entries, not a whole mega-menu. */
const MAX_LINKS = 60;

/** The first links of the page's headers and navigation, in that order. */
function mastheadLinks(page: PageIndex): Element[] {
  const links: Element[] = [];
  for (const tag of MASTHEAD_TAGS) {
    for (const region of page.tagged(tag)) {
      // A walk that stops at the limit: a mega-menu's long list of links is slow to read in jsdom.
      links.push(...elementsWhere(region, isLink, MAX_LINKS - links.length));
      if (links.length >= MAX_LINKS) return links;
    }
  }
  return links;
}

/** True when `href` leads to the root of the page's own site ("/", "https://site.example/"). */
function isHomeHref(href: string, page: PageIndex): boolean {
  try {
    const target = new URL(href, page.base);
    const address = new URL(addressOf(page.doc));
    return target.origin === address.origin && target.pathname === '/' && !target.search;
  } catch {
    return false;
  }
}

/** What a home link calls the site: its text, else its logo's alt text or its label. */
function linkName(link: Element): string {
  const text = collapseSpace(link.textContent);
  if (text) return text;
  const img = link.getElementsByTagName('img')[0];
  return collapseSpace(
    img?.getAttribute('alt') ?? link.getAttribute('aria-label') ?? link.getAttribute('title'),
  );
}

/**
 * The distinct names the page's masthead links to its home page with ("Home" included: harmless).
 */
export function homeLinkNames(page: PageIndex): string[] {
  const names = new Set<string>();
  for (const link of mastheadLinks(page)) {
    if (!isHomeHref(link.getAttribute('href') ?? '', page)) continue;
    const name = linkName(link);
    if (name.length >= 2 && name.length <= 40) names.add(name);
  }
  return [...names];
}
