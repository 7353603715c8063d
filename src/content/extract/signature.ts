/**
 * A signature closing the article: the writer's name alone in one of the last paragraphs, set
 * apart in bold or italics ("<p><b><i>Stefan Wasmer</i></b></p>"), as German and French papers
 * sign their stories.
 */
import { collapseSpace } from '../../shared/article-html/text.ts';
import { isNamesLine } from './sources/visible-text.ts';

/** How many of the body's last paragraphs may hold the signature (a note may follow it). */
const LAST_PARAGRAPHS = 3;
const EMPHASIS = new Set(['b', 'strong', 'i', 'em']);

/** True when all of the paragraph's text sits inside bold or italic elements. */
function emphasised(paragraph: Element): boolean {
  const text = collapseSpace(paragraph.textContent);
  for (let el = paragraph.firstElementChild; el; el = el.firstElementChild) {
    if (collapseSpace(el.textContent) !== text) return false;
    if (EMPHASIS.has(el.localName)) return true;
  }
  return false;
}

/** The name signing the article body `content`, if its last paragraphs hold one. */
export function closingSignature(content: Element): string | null {
  const paragraphs = Array.from(content.getElementsByTagName('p'))
    .filter((p) => collapseSpace(p.textContent) !== '')
    .slice(-LAST_PARAGRAPHS);
  for (const paragraph of paragraphs.reverse()) {
    const text = collapseSpace(paragraph.textContent);
    const words = text.split(' ').length;
    if (words >= 2 && words <= 4 && isNamesLine(text) && emphasised(paragraph)) return text;
  }
  return null;
}
