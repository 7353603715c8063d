/**
 * <time datetime> in the article, skipping times that sit in links to other stories or in related
 * lists.
 */
import { isOffArticle } from '../regions.ts';
import { collapseSpace } from '../../../shared/article-html/text.ts';
import type { Reading } from './types.ts';

const UPDATED = /updated|modified|mis à jour|actualiz|aggiornat|atualizad|aktualisiert|geändert/i;

/**
 * True when the time is marked (by class or nearby label) as the last change, not the publication.
 */
function isUpdate(el: Element): boolean {
  const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;
  if (UPDATED.test(hint)) return true;
  const parent = el.parentElement;
  const before = parent
    ? collapseSpace(parent.textContent).split(collapseSpace(el.textContent))[0]
    : '';
  return UPDATED.test((before ?? '').slice(-40));
}

/** A <time> wrapping a link to another address stamps an embed (a quoted post), not the article. */
const linksElsewhere = (el: Element): boolean =>
  Array.from(el.getElementsByTagName('a')).some(
    (a) => !/^(?:#|$)/.test(a.getAttribute('href') ?? ''),
  );

/**
 * Publication and modification times from the article's <time> elements. When every one seems
 * off the article, those that only seem so because a region around a headline (`headlines`, the
 * page's <h1>s) is named like a sidebar or a menu are read.
 */
export function readTimeElements(
  times: readonly Element[],
  root: Element | null,
  headlines: readonly Element[] = [],
): Reading {
  let publishedTime: string | null = null;
  let modifiedTime: string | null = null;
  const linkFree = times.filter((t) => !linksElsewhere(t));
  let usable = linkFree.filter((t) => !isOffArticle(t));
  if (!usable.length && headlines.length) {
    usable = linkFree.filter((t) => !isOffArticle(t, null, false, false, headlines));
  }
  const inRoot = root ? usable.filter((t) => root.contains(t)) : [];
  for (const el of inRoot.length ? inRoot : usable) {
    const value = collapseSpace(el.getAttribute('datetime') ?? el.textContent);
    if (!value) continue;
    if (isUpdate(el)) modifiedTime ??= value;
    else publishedTime ??= value;
    if (publishedTime && modifiedTime) break;
  }
  return { source: 'time-element', found: { publishedTime, modifiedTime } };
}
