/**
 * Titles carry the site's name (" – News7", "Site | "); strip it only when sure, since headlines
 * use dashes too.
 */
import { collapseSpace } from '../../shared/article-html/text.ts';

/**
 * Separators between a headline and the site's name. Chinese titles also join their parts with
 * underscores ("标题_栏目_网站"), which elsewhere belong to names like "size_t".
 */
const SEPARATOR =
  /\s+(?:[|｜–—•·»«/\\-]|::)\s+|\s*[｜：]\s*|(?<=[\p{sc=Han}\p{sc=Hira}\p{sc=Kana}]\s?)_(?=\s?[\p{sc=Han}\p{sc=Hira}\p{sc=Kana}])/gu;

/** True when the title has a part a separator could set apart (a site's name, a section). */
export const hasSeparator = (title: string): boolean => title.search(SEPARATOR) >= 0;

/** Lowercase letters and digits only, for loose comparisons of names. */
const key = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * True when `part` names the site: equal to siteName, to another name the page gives itself
 * (`otherNames`, e.g. its home link), or to the host's main label ("news7" in news7.asia).
 */
export function isSiteName(
  part: string,
  siteName: string | null,
  host: string,
  otherNames: readonly string[] = [],
): boolean {
  const k = key(part);
  if (!k) return false;
  if (siteName && key(siteName) === k) return true;
  if (otherNames.some((name) => key(name) === k)) return true;
  const labels = host.split('.');
  const hostKey = key(host);
  return k === hostKey || labels.slice(0, -1).some((label) => label.length > 2 && key(label) === k);
}

export interface TitleContext {
  siteName: string | null;
  host: string;
  /** Texts of the page's main headings (h1), used to confirm a split. */
  headings: string[];
  /** Names the page gives itself besides siteName: the text of its link to its home page. */
  homeNames?: readonly string[];
  /** The title is the page's <title> alone: no metadata title was given to compare it with. */
  bareDocumentTitle?: boolean;
}

const CJK_CHARS = /[\p{sc=Han}\p{sc=Hira}\p{sc=Kana}\p{sc=Hangul}]/gu;

/** Words in a title part; text written without spaces counts one word per three CJK characters. */
export const words = (text: string): number => {
  const cjk = text.match(CJK_CHARS)?.length ?? 0;
  const spaced = text
    .replace(CJK_CHARS, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  return spaced.length + Math.ceil(cjk / 3);
};

/** Punctuation that joins a site's name to a headline, with or without spaces ("…」:Site"). */
const NAME_JOINER = String.raw`\s*[|｜:：_·•/\\»«–—-]+\s*`;

/**
 * The title without the site's own name spelled exactly at either end, whatever punctuation joins
 * it.
 */
function stripExactSiteName(title: string, siteName: string | null): string {
  const name = collapseSpace(siteName);
  if (name.length < 3 || name.length * 2 > title.length) return title;
  const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const joined = new RegExp(`${NAME_JOINER}${quoted}$|^${quoted}${NAME_JOINER}`, 'iu');
  return title.replace(joined, '').trim() || title;
}

/** A spaced en or em dash, which joins a site's name in <title>s but also clauses of headlines. */
const DASH = /^\s+[–—]\s+$/u;

/**
 * True when the short part after the title's only separator is the site's name though nothing
 * names it so. After a pipe or dot ("Headline | Site"): when a long headline precedes it, or the
 * page's heading is exactly what precedes it ("Jane Smith | Portfolio"). After an en or em dash,
 * which also joins clauses of headlines ("Brexit – what next"): only on a bare <title> with no
 * heading that could show the headline goes on.
 */
function isUnnamedSiteSuffix(title: string, sep: RegExpExecArray, ctx: TitleContext): boolean {
  const before = title.slice(0, sep.index).trim();
  const suffix = title.slice(sep.index + sep[0].length);
  if (words(suffix) > 4) return false;
  const shortSuffix = suffix.length * 2 < sep.index;
  if (/[|｜·•]/.test(sep[0])) {
    const confirmed = ctx.headings.some((h) => key(h) === key(before));
    return confirmed || (words(before) >= 4 && shortSuffix);
  }
  return (
    DASH.test(sep[0]) &&
    ctx.bareDocumentTitle === true &&
    ctx.headings.length === 0 &&
    words(suffix) <= 3 &&
    words(before) >= 4 &&
    shortSuffix
  );
}

/** The title without a site-name prefix or suffix. */
export function cleanTitle(raw: string, ctx: TitleContext): string {
  let title = stripExactSiteName(collapseSpace(raw), ctx.siteName);
  const headings = ctx.headings.filter((h) => key(h).length > 10);
  // A heading that equals the title up to a separator is the headline itself.
  for (const sep of title.matchAll(SEPARATOR)) {
    const before = title.slice(0, sep.index).trim();
    if (headings.some((h) => key(h) === key(before))) return before;
  }
  // A cut inside a heading's own text would truncate the headline ("Brexit – what next").
  const insideHeading = (index: number): boolean =>
    headings.some((h) => {
      const at = title.indexOf(h);
      return at >= 0 && index > at && index < at + h.length;
    });
  for (let pass = 0; pass < 2; pass++) {
    const seps = [...title.matchAll(SEPARATOR)].filter((m) => !insideHeading(m.index));
    const last = seps[seps.length - 1];
    const first = seps[0];
    const suffix = last ? title.slice(last.index + last[0].length) : '';
    const prefix = first ? title.slice(0, first.index) : '';
    if (last && isSiteName(suffix, ctx.siteName, ctx.host, ctx.homeNames)) {
      title = title.slice(0, last.index).trim();
    } else if (first && isSiteName(prefix, ctx.siteName, ctx.host, ctx.homeNames)) {
      title = title.slice(first.index + first[0].length).trim();
    } else if (pass === 0 && seps.length === 1 && last && isUnnamedSiteSuffix(title, last, ctx)) {
      title = title.slice(0, last.index).trim();
    } else break;
  }
  return title;
}

/**
 * A site name from a title's suffix/prefix that matches the host ("Title – News7" on news7.asia).
 */
export function siteNameFromTitle(raw: string, host: string): string | null {
  const title = collapseSpace(raw);
  const seps = [...title.matchAll(SEPARATOR)];
  const last = seps[seps.length - 1];
  const first = seps[0];
  const suffix = last ? title.slice(last.index + last[0].length).trim() : '';
  const prefix = first ? title.slice(0, first.index).trim() : '';
  if (suffix && isSiteName(suffix, null, host)) return suffix;
  if (prefix && isSiteName(prefix, null, host)) return prefix;
  return null;
}
