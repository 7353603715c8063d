/**
 * Where a document came from. A page saved from its tab is its own document, whose `URL` is the
 * page's address. A page Margins fetched itself (an imported link) is parsed with DOMParser in an
 * extension page, so its `URL` is that extension page's: its real address, and the window whose
 * DOM built it, are registered here before it is extracted.
 */

interface ParsedPage {
  url: string;
  view: Window & typeof globalThis;
}

const parsedPages = new WeakMap<Document, ParsedPage>();

export function registerParsedPage(
  doc: Document,
  url: string,
  view: Window & typeof globalThis,
): void {
  parsedPages.set(doc, { url, view });
}

/** The page's own address. */
export function addressOf(doc: Document): string {
  return parsedPages.get(doc)?.url ?? doc.URL;
}

/** The window whose DOM the page lives in (a parsed page has no window of its own). */
export function viewOf(doc: Document): (Window & typeof globalThis) | null {
  return doc.defaultView ?? parsedPages.get(doc)?.view ?? null;
}

/** The page's base URL: its first `<base href>` resolved against its address, else the address. */
export function baseAddressOf(doc: Document, bases?: readonly Element[]): string {
  const address = addressOf(doc);
  const first = bases ?? Array.from(doc.getElementsByTagName('base'));
  const href = first.find((el) => el.hasAttribute('href'))?.getAttribute('href');
  if (href === null || href === undefined) return address;
  try {
    return new URL(href, address).href;
  } catch {
    return address;
  }
}
