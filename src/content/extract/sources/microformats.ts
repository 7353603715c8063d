/**
 * Microformats' dates: hAtom's `published` and `updated` classes and h-entry's `dt-published` and
 * `dt-updated`, which blog themes print around the post's date ("<abbr class="published"
 * title="2012-12-16T19:05">16.12.2012</abbr>").
 */
import { parseDate } from '../dates.ts';
import { isOffArticle } from '../regions.ts';
import { parseTextDate } from '../text-dates.ts';
import { collapseSpace } from '../../../shared/article-html/text.ts';
import type { Reading } from './types.ts';

const PUBLISHED = /(?:^|\s)(?:dt-)?published(?:\s|$)/;
const UPDATED = /(?:^|\s)(?:dt-)?updated(?:\s|$)/;
/** Longest text read as a date: a class on a whole post box is not its date. */
const MAX_TEXT = 80;

/**
 * What the element states as a date: its machine-readable value (`datetime`, or an `abbr`'s or
 * value-title's `title`) when that parses, else its text.
 */
function dateOf(el: Element, lang: string | null): string | null {
  const valueTitle = el.querySelector('.value-title');
  const machine = [
    el.getAttribute('datetime'),
    el.localName === 'abbr' ? el.getAttribute('title') : null,
    valueTitle?.getAttribute('title'),
  ];
  for (const value of machine) {
    if (value && parseDate(value, lang)) return value;
  }
  const text = collapseSpace(el.textContent);
  return text.length <= MAX_TEXT && parseTextDate(text, lang) ? text : null;
}

/**
 * The first published and updated dates marked with microformat classes on the article (a region
 * around a headline that is named like a sidebar does not put them off it).
 */
export function readMicroformats(
  doc: Document,
  headlines: readonly Element[],
  lang: string | null,
): Reading {
  let publishedTime: string | null = null;
  let modifiedTime: string | null = null;
  for (const el of Array.from(
    doc.querySelectorAll('.published, .dt-published, .updated, .dt-updated'),
  )) {
    if (isOffArticle(el, null, false, false, headlines)) continue;
    const classes = el.getAttribute('class') ?? '';
    if (!publishedTime && PUBLISHED.test(classes)) publishedTime = dateOf(el, lang);
    else if (!modifiedTime && UPDATED.test(classes)) modifiedTime = dateOf(el, lang);
    if (publishedTime && modifiedTime) break;
  }
  return { source: 'microformats', found: { publishedTime, modifiedTime } };
}
