// The elements the metadata sources read, found with tag lookups (cheap) rather than attribute-substring queries.
import { isOffArticle } from './regions';

const byTag = (doc: Document, tag: string): Element[] => Array.from(doc.getElementsByTagName(tag));

/** The page's JSON-LD blocks. */
export const jsonLdScripts = (doc: Document): Element[] =>
  byTag(doc, 'script').filter((el) =>
    /^\s*application\/ld\+json\s*$/i.test(el.getAttribute('type') ?? ''),
  );

/** The page's <h1> elements. */
export const headings = (doc: Document): Element[] => byTag(doc, 'h1');

/** The page's <time> elements. */
export const timeElements = (doc: Document): Element[] => byTag(doc, 'time');

/** NodeFilter.SHOW_ELEMENT, spelled out: `NodeFilter` is not a global outside a window. */
const SHOW_ELEMENT = 1;

/** Every element of `doc` that `keep` accepts, in document order. */
function elementsWhere(doc: Document, keep: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walker = doc.createTreeWalker(doc.documentElement, SHOW_ELEMENT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode())
    if (keep(node as Element)) found.push(node as Element);
  return found;
}

/** Elements carrying microdata properties (a walk: jsdom answers attribute queries three times slower). */
export const itemprops = (doc: Document): Element[] =>
  elementsWhere(doc, (el) => el.hasAttribute('itemprop'));

/** Links marked rel="author". */
export const authorLinks = (doc: Document): Element[] =>
  byTag(doc, 'a').filter((a) => /(?:^|\s)author(?:\s|$)/i.test(a.getAttribute('rel') ?? ''));

/** Elements of `list` that belong to the article, not to navigation or other stories. */
export const onArticle = (list: readonly Element[]): Element[] =>
  list.filter((el) => !isOffArticle(el));
