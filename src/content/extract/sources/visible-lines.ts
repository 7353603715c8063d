// Short lines of visible text near the headline and at the end of the article, where bylines and dates are printed.
import { isOffArticle } from '../regions';
import { collapseSpace } from '../urls';

const LINE_TAGS = new Set(
  'p div span li time small em strong b i a address dd dt td h2 h3 h4 h5 h6 header section'.split(
    ' ',
  ),
);
const MAX_LINE = 200;
/** How many elements to walk after the headline, before it, and back from the article's end. */
const AFTER_HEADING = 400;
const BEFORE_HEADING = 60;
const AT_END = 200;

export interface Line {
  el: Element;
  text: string;
}

/** Text of a short element with a space at each element boundary ("<span>By</span><a>X</a>" → "By X"). */
function spacedText(node: Node): string {
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) out += child.nodeValue ?? '';
    else if (child.nodeType === 1) out += ` ${spacedText(child)} `;
  }
  return out;
}

/** The next element in document order, not leaving `scope`. */
function following(el: Element, scope: Element): Element | null {
  if (el.firstElementChild) return el.firstElementChild;
  for (let node: Element | null = el; node && node !== scope; node = node.parentElement) {
    if (node.nextElementSibling) return node.nextElementSibling;
  }
  return null;
}

/** The previous element in document order, not leaving `scope`. */
function preceding(el: Element, scope: Element): Element | null {
  if (el === scope) return null;
  let node = el.previousElementSibling;
  if (!node) return el.parentElement === scope ? null : el.parentElement;
  while (node.lastElementChild) node = node.lastElementChild;
  return node;
}

/** Up to `limit` elements from `start`, stepping with `step`. */
function walk(
  start: Element | null,
  scope: Element,
  limit: number,
  step: typeof following,
): Element[] {
  const out: Element[] = [];
  for (let el = start; el && out.length < limit; el = step(el, scope)) out.push(el);
  return out;
}

/**
 * Lines around the first headline (a few before it, more after it) and the last lines of the
 * article element, outside navigation, sidebars and related-story lists, in document order.
 */
export function visibleLines(doc: Document, heading: Element | null, root: Element | null): Line[] {
  const body = doc.body;
  if (!body) return [];
  const start = heading ?? root ?? body;
  const near = [
    ...walk(preceding(start, body), body, BEFORE_HEADING, preceding).reverse(),
    ...walk(following(start, body), body, AFTER_HEADING, following),
  ];
  let end: Element | null = root;
  while (end?.lastElementChild) end = end.lastElementChild;
  const tail = root && end ? walk(end, root, AT_END, preceding).reverse() : [];
  const lines: Line[] = [];
  const seen = new Set<Element>();
  for (const el of [...near, ...tail]) {
    if (seen.has(el) || !LINE_TAGS.has(el.localName) || el.childElementCount > 12) continue;
    seen.add(el);
    const text = collapseSpace(spacedText(el));
    if (!text || text.length > MAX_LINE || isOffArticle(el, null, true)) continue;
    lines.push({ el, text });
  }
  return lines;
}
