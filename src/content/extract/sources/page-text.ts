/**
 * What the visible page says about its author and date, from the most telling lines to the last
 * resorts.
 */
import { splitAuthors } from '../authors.ts';
import { profileLinkAuthor, relativeDateTooltip } from './profile-and-age.ts';
import type { PageIndex } from '../scan.ts';
import type { Found } from './types.ts';
import { footerLines, visibleLines } from './visible-lines.ts';
import {
  creditBesideDate,
  footerUpdated,
  markedAuthor,
  readVisibleText,
  siteWideByline,
} from './visible-text.ts';

/**
 * The visible-text reading: labelled lines near the headline and at the article's end first; then
 * author markup, an unlabelled credit line beside the date, a profile link, a single site-wide
 * "By X" in a sidebar; a "1 day ago" whose tooltip holds the exact time; and the footer's "last
 * edited" date when no line dates the page.
 */
export function readPageText(
  page: PageIndex,
  anchor: Element | null,
  root: Element | null,
  lang: string | null,
): Found {
  const { lines, headingAt, offArticle } = visibleLines(page.doc, anchor, root);
  const found = readVisibleText(lines, lang, headingAt).found;
  // A found "author" that cleans to nothing ("Posted" in "Posted on 3 May by x") names no one.
  const named = splitAuthors(found.authors ?? []).length > 0;
  const author = named
    ? null
    : (markedAuthor(lines) ??
      creditBesideDate(lines, lang, headingAt) ??
      profileLinkAuthor(lines, page.base) ??
      siteWideByline(offArticle));
  const publishedTime = found.publishedTime ?? relativeDateTooltip(lines);
  const modifiedTime =
    publishedTime || found.modifiedTime
      ? found.modifiedTime
      : footerUpdated(footerLines(page), lang);
  return { ...found, ...(author ? { authors: [author] } : {}), publishedTime, modifiedTime };
}
