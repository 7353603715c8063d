/**
 * Share bars, newsletter boxes, related-story lists and theme furniture ("Exit mobile version") are
 * not the article.
 */
import { hasMoreChildrenThan } from './elements.ts';
import { collapseSpace, textWithin } from './text.ts';

const FURNITURE_HINT =
  /(?:^|[\s_-])(?:share|sharing|social|sharedaddy|newsletter|subscribe|subscription|signup|related|recommended|more-?stories|read-?more|read-?next|promo|advert\w*|ad-?slot|sponsor\w*|outbrain|taboola|jp-relatedposts|mobile-?version|print-?only|screen-reader-text)(?:$|[\s_-])/i;
const FURNITURE_TEXT =
  /^(?:exit mobile version|share(?: this(?: article| story)?)?(?: on \w+)?|partager|teilen|compartir|condividi|compartilhe|related(?: posts| stories| articles)?|recent posts|read more|read next|more stories|sign up(?: for| to)? (?:our|the) newsletter.*|subscribe(?: to our newsletter)?|advertisement|publicité|anzeige|werbung|publicidad|pubblicità|publicidade|articles similaires|à lire aussi|lire aussi|lesen sie auch|mehr zum thema|leer más|leggi anche|leia também)\s*[:.!]?$/i;
const MAX_FURNITURE_TEXT = 600;

/** Share of the element's text that sits in links: related-story lists are mostly links. */
function linkShare(el: Element, length: number): number {
  let linked = 0;
  for (const a of Array.from(el.getElementsByTagName('a')))
    linked += collapseSpace(a.textContent).length;
  return length ? linked / length : 1;
}

/**
 * Longest text an unmarked element may have and still be furniture by its words ("Share this
 * article").
 */
const MAX_UNMARKED_TEXT = 300;

/** True for an element of the page's furniture, not of the article. */
export function isPageFurniture(el: Element): boolean {
  const hint = `${el.id} ${el.getAttribute('class') ?? ''}`;
  const hinted = hint.length > 1 && hint.length < 200 && FURNITURE_HINT.test(hint);
  if (!hinted && hasMoreChildrenThan(el, 3)) return false;
  const raw = textWithin(el, hinted ? MAX_FURNITURE_TEXT * 4 : MAX_UNMARKED_TEXT);
  if (raw === null) return false;
  const text = collapseSpace(raw);
  if (FURNITURE_TEXT.test(text)) return true;
  if (!hinted) return false;
  // A hinted block is furniture when short, or when it is mostly links (a list of other stories).
  return text.length <= MAX_FURNITURE_TEXT || linkShare(el, text.length) > 0.5;
}
