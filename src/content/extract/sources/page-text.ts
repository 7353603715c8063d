// What the visible page says about its author and date, from the most telling lines to the last resorts.
import { splitAuthors } from '../authors';
import type { Found } from './types';
import { footerLines, visibleLines } from './visible-lines';
import {
  creditBesideDate,
  footerUpdated,
  markedAuthor,
  readVisibleText,
  siteWideByline,
} from './visible-text';

/**
 * The visible-text reading: labelled lines near the headline and at the article's end first; then
 * author markup, an unlabelled credit line beside the date, a single site-wide "By X" in a
 * sidebar; and the footer's "last edited" date when no line dates the page.
 */
export function readPageText(
  doc: Document,
  anchor: Element | null,
  root: Element | null,
  lang: string | null,
): Found {
  const { lines, offArticle } = visibleLines(doc, anchor, root);
  const found = readVisibleText(lines, lang).found;
  // A found "author" that cleans to nothing ("Posted" in "Posted on 3 May by x") names no one.
  const named = splitAuthors(found.authors ?? []).length > 0;
  const author = named
    ? null
    : (markedAuthor(lines) ?? creditBesideDate(lines, lang) ?? siteWideByline(offArticle));
  const dated = found.publishedTime || found.modifiedTime;
  const modifiedTime = dated ? found.modifiedTime : footerUpdated(footerLines(doc), lang);
  return { ...found, ...(author ? { authors: [author] } : {}), modifiedTime };
}
