/**
 * The elements the metadata layer reads, collected by one walk of the page: in jsdom (the CLI and
 * the bench) each whole-page tag lookup or selector query walks the whole tree again.
 */
import { SHOW_ELEMENT } from '../../shared/article-html/elements.ts';
import { isOffArticle } from './regions.ts';
import { baseAddressOf } from './address.ts';

/** Tags looked up by name. */
const INDEXED_TAGS = [
  'base',
  'meta',
  'link',
  'script',
  'h1',
  'h2',
  'time',
  'article',
  'main',
  'footer',
  'header',
  'nav',
  'input',
] as const;
export type IndexedTag = (typeof INDEXED_TAGS)[number];

const AUTHOR_REL = /(?:^|\s)author(?:\s|$)/i;

/** What one walk found on a page: valid for one extraction, while the page is unchanged. */
export interface PageIndex {
  readonly doc: Document;
  /** The page's base URL: its first `<base href>`, else its address (as `doc.baseURI`). */
  readonly base: string;
  /** The elements named `tag`, in document order. */
  tagged(tag: IndexedTag): readonly Element[];
  /** Elements carrying microdata properties. */
  readonly itemprops: readonly Element[];
  /** Links marked rel="author". */
  readonly authorLinks: readonly Element[];
}

/** Walks `doc` once and indexes what the metadata layer reads. */
export function indexPage(doc: Document): PageIndex {
  const byTag = new Map<string, Element[]>(INDEXED_TAGS.map((tag) => [tag, []]));
  const itemprops: Element[] = [];
  const authorLinks: Element[] = [];
  const walker = doc.createTreeWalker(doc, SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    const name = el.localName;
    byTag.get(name)?.push(el);
    if (el.hasAttribute('itemprop')) itemprops.push(el);
    if (name === 'a' && AUTHOR_REL.test(el.getAttribute('rel') ?? '')) authorLinks.push(el);
  }
  return {
    doc,
    // As `doc.baseURI`; jsdom answers `baseURI` with a selector query.
    base: baseAddressOf(doc, byTag.get('base') ?? []),
    tagged: (tag) => byTag.get(tag) ?? [],
    itemprops,
    authorLinks,
  };
}

/** The page's JSON-LD blocks. */
export const jsonLdScripts = (page: PageIndex): Element[] =>
  page
    .tagged('script')
    .filter((el) => /^\s*application\/ld\+json\s*$/i.test(el.getAttribute('type') ?? ''));

/** Elements of `list` that belong to the article, not to navigation or other stories. */
export const onArticle = (list: readonly Element[]): Element[] =>
  list.filter((el) => !isOffArticle(el));
