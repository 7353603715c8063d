/**
 * Short lines of visible text near the headline and at the end of the article, where bylines and
 * dates are printed.
 */
import {
  closestWhere,
  elementsWhere,
  hasMoreChildrenThan,
  named,
} from '../../../shared/article-html/elements.ts';
import { insideArticle, offArticleInLinks } from '../regions.ts';
import type { PageIndex } from '../scan.ts';
import { textWithin } from '../../../shared/article-html/text.ts';
import { collapseSpace } from '../../../shared/article-html/text.ts';

const LINE_TAGS = new Set(
  'p div span li time small em strong b i a address dd dt td h2 h3 h4 h5 h6 header section'.split(
    ' ',
  ),
);
const MAX_LINE = 200;
const LINK_OR_ITEM = named('a', 'li');
/** How many elements to walk after the headline, before it, and back from the article's end. */
const AFTER_HEADING = 400;
const BEFORE_HEADING = 60;
const AT_END = 200;

export interface Line {
  el: Element;
  text: string;
}

/**
 * Lines near the headline and in the article, and the short lines of sidebars and the page's
 * footer.
 */
export interface PageLines {
  lines: Line[];
  /** Index in `lines` of the first line after the headline (the lines before it come first). */
  headingAt: number;
  /**
   * Lines left out as off the article (sidebars, footers): a last resort for a site-wide byline or
   * "last edited" date.
   */
  offArticle: Line[];
}

/**
 * Characters read from an element before giving up on it as a line: well past MAX_LINE, far below a
 * whole article's text.
 */
const TEXT_BUDGET = 3 * MAX_LINE;

/**
 * Text of a short element with a space at each element boundary ("<span>By</span><a>X</a>" →
 * "By X"), or null once it runs past TEXT_BUDGET: a long block is not a line.
 */
export function spacedText(node: Node, budget = TEXT_BUDGET): string | null {
  return textWithin(node, budget, ' ');
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
 * article element, in document order; those in navigation, sidebars and related-story lists are
 * kept apart.
 */
export function visibleLines(
  doc: Document,
  heading: Element | null,
  root: Element | null,
): PageLines {
  const body = doc.body;
  if (!body) return { lines: [], headingAt: 0, offArticle: [] };
  const start = heading ?? root ?? body;
  const after = walk(following(start, body), body, AFTER_HEADING, following);
  const before = walk(preceding(start, body), body, BEFORE_HEADING, preceding).reverse();
  const near = [...before, ...after];
  const lead = heading ? leadParagraph(after) : null;
  let end: Element | null = root;
  while (end?.lastElementChild) end = end.lastElementChild;
  const tail = root && end ? walk(end, root, AT_END, preceding).reverse() : [];
  const found: Line[] = [];
  const seen = new Set<Element>();
  for (const el of [...near, ...tail]) {
    if (seen.has(el) || !LINE_TAGS.has(el.localName) || hasMoreChildrenThan(el, 12)) continue;
    seen.add(el);
    const text = collapseSpace(spacedText(el));
    const line = text && text.length <= MAX_LINE ? text : el === lead ? datelineOf(el) : null;
    if (line) found.push({ el, text: line });
  }
  const isOff = offArticleInLinks(heading, headlineCopies(heading, found));
  const lines: Line[] = [];
  const offArticle: Line[] = [];
  for (const line of found) (isOff(line.el) ? offArticle : lines).push(line);
  const above = new Set(before);
  const headingAt = lines.filter(({ el }) => above.has(el)).length;
  return { lines, headingAt, offArticle };
}

/**
 * Other elements that show the headline's text: a page that repeats its headline over the
 * article's details in a side column (Falstaff's "sidebar" with headline, teaser and date) marks
 * that column as the article's.
 */
function headlineCopies(heading: Element | null, found: readonly Line[]): Element[] {
  const headline = heading ? collapseSpace(heading.textContent) : '';
  if (!heading || headline.length < 12) return [];
  // A copy inside a link or a list item is an entry of a list of stories ("Recent posts"),
  // which names this one among others.
  return found
    .filter(
      ({ el, text }) =>
        text === headline &&
        !el.contains(heading) &&
        !heading.contains(el) &&
        !closestWhere(el, LINK_OR_ITEM),
    )
    .map(({ el }) => el);
}

/** Lines shown just above the headline that still belong to it (a kicker, a date over it). */
const LINES_ABOVE = 4;

/** The few lines right above the headline and the `count` after it, not the page's top. */
export const aroundHeadline = (lines: readonly Line[], headingAt: number, count: number): Line[] =>
  lines.slice(Math.max(0, headingAt - LINES_ABOVE), headingAt + count);

/**
 * The first `count` lines read, then the `count` lines after the headline and the few right
 * above it: a page's menu of short links before the headline must not push its dateline out of
 * reach, while a page whose first <h1> is not its headline ("Quicklinks" under the article) is
 * still read from the top.
 */
export const nearHeading = (lines: readonly Line[], headingAt: number, count: number): Line[] => [
  ...lines.slice(0, count),
  ...lines.slice(Math.max(count, headingAt - LINES_ABOVE), headingAt + count),
];

/** The first paragraph after the headline too long to be a line: the article's first. */
function leadParagraph(after: readonly Element[]): Element | null {
  for (const el of after) {
    if (el.localName !== 'p') continue;
    const text = collapseSpace(spacedText(el));
    if (!text || text.length > MAX_LINE) return el;
  }
  return null;
}

/**
 * The dateline that opens an article's first paragraph, up to the dash or bar that ends it
 * ("27.1.2022 - Bei der Erinnerung…", "Pressemitteilung vom 25. Januar 2022 | Berlin – Die…").
 */
const OPENING_DATELINE = /^([^|–—]{6,48}?\d[^|–—]*?)\s+[|–—-]\s/u;

function datelineOf(paragraph: Element): string | null {
  const opening = collapseSpace((paragraph.textContent ?? '').slice(0, 120));
  const line = OPENING_DATELINE.exec(opening)?.[1];
  return line && line.length <= 48 ? line : null;
}

/**
 * Short lines of the page's footer ("This page was last edited on …"), read only when nothing else
 * dates the page.
 */
export function footerLines(page: PageIndex): Line[] {
  const { doc } = page;
  // A site footer is a <footer>, #footer, or a contentinfo region near the top of <body>'s
  // tree; an attribute query over the whole page would cost more than the rest of this reading.
  const regions = [
    ...Array.from(doc.body?.children ?? []),
    ...Array.from(doc.body?.children ?? []).flatMap((child) => Array.from(child.children)),
  ].filter((el) => el.getAttribute('role') === 'contentinfo');
  const byId = doc.getElementById('footer');
  const footers = [...page.tagged('footer'), ...(byId ? [byId] : []), ...regions].filter(
    (el) => !insideArticle(el),
  );
  const lines: Line[] = [];
  for (const footer of footers.slice(0, 3)) {
    for (const el of elementsWhere(footer, (el) => el !== footer, 200)) {
      if (!LINE_TAGS.has(el.localName) || hasMoreChildrenThan(el, 4)) continue;
      const text = collapseSpace(spacedText(el));
      if (text && text.length <= MAX_LINE) lines.push({ el, text });
    }
  }
  return lines;
}
