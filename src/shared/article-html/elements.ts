/**
 * Element walks cheaper than the obvious DOM calls in jsdom, which the bench runs: reading a long
 * getElementsByTagName list there costs up to milliseconds (pages with hundreds of links).
 */

import { collapseSpace } from './text.ts';

/** NodeFilter.SHOW_ELEMENT, spelled out: `NodeFilter` is not a global outside a window. */
export const SHOW_ELEMENT = 1;

/**
 * The first `limit` elements under `root` (itself included) that `keep` accepts, in document order.
 */
export function elementsWhere(
  root: Element,
  keep: (el: Element) => boolean,
  limit = Infinity,
): Element[] {
  const found: Element[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT);
  for (
    let node: Node | null = walker.currentNode;
    node && found.length < limit;
    node = walker.nextNode()
  )
    if (keep(node as Element)) found.push(node as Element);
  return found;
}

/**
 * Whether `el` has more than `limit` child elements. Counted by stepping through siblings, which
 * stops at `limit`: `childElementCount` builds a live list of all the children first.
 */
export function hasMoreChildrenThan(el: Element, limit: number): boolean {
  let count = 0;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling)
    if (++count > limit) return true;
  return false;
}

/**
 * The nearest of `el` and its ancestors that `test` accepts: `Element.closest` for tests a
 * selector would spell, without jsdom's selector engine (a match per ancestor costs a query).
 */
export function closestWhere(el: Element, test: (el: Element) => boolean): Element | null {
  for (let node: Element | null = el; node; node = node.parentElement) if (test(node)) return node;
  return null;
}

/** A test for `closestWhere` or `elementsWhere`: the element is one of `tags` (lowercase names). */
export const named =
  (...tags: string[]) =>
  (el: Element): boolean =>
    tags.includes(el.localName);

/** A heading, <h1> to <h6>. */
export const isHeading = (el: Element): boolean => /^h[1-6]$/.test(el.localName);

/** A link that leads somewhere: an `<a href>`. */
export const isLink = (el: Element): boolean => el.localName === 'a' && el.hasAttribute('href');

/**
 * Whether all of `el`'s text sits inside one element named in `tags`, reached through wrappers
 * that hold nothing else ("<p><b><i>Stefan Wasmer</i></b></p>"). `text` is `el`'s text, collapsed.
 */
export function setApartIn(el: Element, tags: ReadonlySet<string>, text: string): boolean {
  for (let inner = el.firstElementChild; inner; inner = inner.firstElementChild) {
    if (collapseSpace(inner.textContent) !== text) return false;
    if (tags.has(inner.localName)) return true;
  }
  return false;
}

/** The class of a <blockquote> holding a post embedded from a network, as its script expects it. */
const EMBEDDED_POST_CLASS =
  /(?:^|\s)(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed)(?:$|\s)/;

/** A post embedded from a network: a tweet, an Instagram or TikTok post. */
export const isEmbeddedPost = (el: Element): boolean =>
  el.localName === 'blockquote' && EMBEDDED_POST_CLASS.test(el.getAttribute('class') ?? '');
