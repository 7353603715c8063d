/**
 * The standfirst: the paragraph a news page sets between its headline and its text ("p.lead",
 * "ts-intro", "field-abstract"). Pages put it in the headline's header rather than beside the
 * text, so Readability leaves it out; a reader, and the annotators of trafilatura's hand-made
 * corpus, count it as the article's opening.
 */
import { linkShare } from '../../shared/article-html/furniture.ts';
import { collapseSpace, withoutSpace } from '../../shared/article-html/text.ts';

/**
 * A class naming the story's opening paragraph ("lead", "intro", "teaser", "abstract"), as a whole
 * word or the end of a BEM name ("c-article__intro"). Not a "dek", "summary" or "subtitle": those
 * are display lines written about the story, like its headline, and the hand-written bodies of
 * the scrapinghub corpus leave them out, as Readability does.
 */
const STANDFIRST_HINT =
  /(?:^|[\s_-])(?:lead|intro|introduction|standfirst|abstract|teaser)(?:$|[\s_-])/i;
/** Longest class attribute read for that. */
const MAX_HINT = 200;
/** A standfirst is a sentence or a few: not a label, not a section. */
const MIN_TEXT = 40;
const MAX_TEXT = 700;
/** Tags a standfirst is set in. */
const STANDFIRST_TAGS = 'p, div, h2, h3';
/** The first words of the body, by which its first paragraph is found on the page. */
const BODY_START = 40;
/** Characters of a block's text read for those first words (indentation included). */
const OPENING = 1000;
/** Longest text compared whole with the body: a paragraph's, or a standfirst's with its markup. */
const MAX_COMPARED = 4000;
/** Containers whose text is another story's, a picture's or the site's, never the standfirst. */
const NOT_THIS_STORY = 'nav, aside, figure, figcaption, footer, li, a, blockquote';
/**
 * A standfirst is prose only: a block holding a picture or a player is its caption's, one holding
 * a heading or a date is a teaser card or the byline's line.
 */
const NOT_PROSE =
  'img, picture, video, audio, iframe, svg, figure, figcaption, h1, h2, h3, h4, h5, h6, time';
/** Ends as a sentence does, perhaps inside quotes: a label or a display line does not. */
const SENTENCE_END = /[.!?…]["'»«“”’)]*$/u;
/** Links a standfirst may hold: one, to a source; a row of them is a share bar. */
const MAX_LINKS = 1;

/** Node.DOCUMENT_POSITION_FOLLOWING: the extract CLI runs under Node.js, which has no global Node. */
const DOCUMENT_POSITION_FOLLOWING = 4;

/** Whether `el`'s own class names a standfirst. */
function isMarked(el: Element): boolean {
  const hint = el.getAttribute('class') ?? '';
  return hint.length > 0 && hint.length < MAX_HINT && STANDFIRST_HINT.test(hint);
}

/**
 * The marked block between `heading` and the block that holds the body's first words, when the
 * body (`bodyText`) does not hold it already.
 */
function findStandfirst(heading: Element, bodyText: string): Element | null {
  const scope = heading.closest('article, main') ?? heading.parentElement?.parentElement;
  const body = withoutSpace(bodyText);
  const start = body.slice(0, BODY_START);
  if (!scope || start.length < BODY_START) return null;
  const following = (a: Node, b: Node): boolean =>
    (a.compareDocumentPosition(b) & DOCUMENT_POSITION_FOLLOWING) !== 0;
  for (const el of Array.from(scope.querySelectorAll(STANDFIRST_TAGS))) {
    if (!following(heading, el)) continue;
    const raw = el.textContent ?? '';
    // At the body's first words or its first paragraph: what follows is the body's, or another
    // story's, or a form's ("p.lead" in a newsletter box under the story). Only the opening of a
    // container's text is compared: the wrappers around the body hold all of its text.
    if (withoutSpace(raw.slice(0, OPENING)).startsWith(start)) return null;
    const text = raw.length <= MAX_COMPARED ? withoutSpace(raw) : '';
    if (el.localName === 'p' && text.length >= BODY_START && body.includes(text)) return null;
    if (!text || !isMarked(el) || el.contains(heading) || el.closest(NOT_THIS_STORY)) continue;
    if (el.querySelector(NOT_PROSE) || el.getElementsByTagName('a').length > MAX_LINKS) continue;
    const prose = collapseSpace(el.textContent);
    const length = prose.length;
    if (length < MIN_TEXT || length > MAX_TEXT || !SENTENCE_END.test(prose)) continue;
    if (linkShare(el, length) > 0.5) continue;
    return body.includes(text) ? null : el;
  }
  return null;
}

/**
 * Puts the page's standfirst at the start of Readability's article `content` when the article
 * leaves it out. Returns whether it did.
 */
export function addStandfirst(
  heading: Element | null,
  content: Element,
  bodyText: string,
): boolean {
  const standfirst = heading ? findStandfirst(heading, bodyText) : null;
  if (!standfirst) return false;
  const doc = content.ownerDocument;
  const paragraph = doc.createElement('p');
  paragraph.textContent = collapseSpace(standfirst.textContent);
  const into = content.firstElementChild ?? content;
  into.insertBefore(paragraph, into.firstChild);
  return true;
}
