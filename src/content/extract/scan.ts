// The elements the metadata sources read: short tag lists by tag lookup, the rest by a walk (elements.ts).
import { elementsWhere } from './elements';
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

/** Elements carrying microdata properties (a walk: jsdom answers attribute queries three times slower). */
export const itemprops = (doc: Document): Element[] =>
  elementsWhere(doc.documentElement, (el) => el.hasAttribute('itemprop'));

/** Links marked rel="author" (a walk: pages have hundreds of links, and jsdom reads long tag lists slowly). */
export const authorLinks = (doc: Document): Element[] =>
  elementsWhere(
    doc.documentElement,
    (el) => el.localName === 'a' && /(?:^|\s)author(?:\s|$)/i.test(el.getAttribute('rel') ?? ''),
  );

/** Elements of `list` that belong to the article, not to navigation or other stories. */
export const onArticle = (list: readonly Element[]): Element[] =>
  list.filter((el) => !isOffArticle(el));
