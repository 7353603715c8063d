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

/** Elements carrying microdata properties. */
export const itemprops = (doc: Document): Element[] =>
  Array.from(doc.querySelectorAll('[itemprop]'));

/** Elements of `list` that belong to the article, not to navigation or other stories. */
export const onArticle = (list: readonly Element[]): Element[] =>
  list.filter((el) => !isOffArticle(el));
