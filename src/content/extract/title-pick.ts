/**
 * The title: the page's own metadata title, cleaned of the site's name, and never cut inside the
 * headline.
 */
import type { FieldSource } from '../../shared/article.ts';
import type { Readings } from './fields.ts';
import { cleanTitle, hasSeparator, isSiteName, siteNameFromTitle } from './title.ts';
import { socialPostTitle } from './sources/social-post.ts';
import { plainText } from './plain-text.ts';

export interface TitleInput {
  readings: Readings;
  parsedTitle: string | null | undefined;
  docTitle: string;
  siteName: string | null;
  host: string;
  heading: string | null;
  /** Distinct texts of the <h1>s on the article (not in navigation or sidebars). */
  headlines?: readonly string[];
  /** Texts of the article's first <h2>s, which confirm a split of the title when it has no <h1>. */
  subheadings?: readonly string[];
  /** Names the site's masthead links home with; read only when the title has a part to judge. */
  homeNames?: () => readonly string[];
}

const looseKey = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

const wordsOf = (text: string): string[] =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The article's one visible headline when the metadata title is that headline plus decoration
 * ("Opinion | X", "X (Published 2016)", "X : Sports") or a shortened form of it: the headline
 * contains the title or the title contains the headline. Several distinct headlines, or one that
 * names the site, decide nothing.
 */
export function headlineOverTitle(
  title: string,
  headlines: readonly string[],
  siteName: string | null,
): string | null {
  const site = looseKey(siteName ?? '');
  const distinct = [...new Set(headlines.map((h) => h.trim()).filter(Boolean))].filter(
    (h) => looseKey(h) !== site,
  );
  if (distinct.length !== 1) return null;
  const headline = distinct[0] ?? '';
  const h = looseKey(headline);
  const t = looseKey(title);
  if (h.length < 6 || !t || h === t || headline.length > 250) return null;
  // A headline that continues the title after a colon or dash is its full form (title: subtitle);
  // after a bar, what follows is the site's name ("X | Umweltbundesamt" in a hidden <h1>).
  const plain = (text: string): string => text.normalize('NFKC').toLowerCase().trim();
  if (plain(headline).startsWith(plain(title))) {
    return /^\s*[:：–—~～(（-]/u.test(plain(headline).slice(plain(title).length)) ? headline : null;
  }
  // A headline that is the title after a short label is the title under a kicker or a forum
  // thread's prefix ("Local News | X", "Patch Notes X"): the title is the headline.
  // A quotation before a colon is the headline's own ("\"Pure Leere\": Kramer verpasst…").
  const kicker = plain(headline).slice(0, -plain(title).length || undefined);
  if (
    plain(headline).endsWith(plain(title)) &&
    wordsOf(kicker).length <= 3 &&
    !QUOTED_KICKER.test(kicker)
  )
    return null;
  // The rest of the title must be a short decoration at one end; a headline in the title's
  // middle, or one shorter than the rest, is a section or the site's name.
  if ((t.startsWith(h) || t.endsWith(h)) && t.length - h.length < h.length) return headline;
  // A longer headline that repeats nearly all of the title's words is its full form.
  const titleWords = wordsOf(title);
  const headWords = new Set(wordsOf(headline));
  const shared = titleWords.filter((w) => headWords.has(w)).length;
  // A title of a word or two that the headline uses ("Arbeit" over "Wir kämpfen für gute Arbeit")
  // is the page's topic, not its headline.
  if (titleWords.length <= 2 && shared === titleWords.length && headWords.size >= 4)
    return headline;
  // A title of one word under a headline of a sentence ("Pressemitteilungen" over "Olafur
  // Eliasson gestaltet Titelseite für die deutschen Zeitungen") is the section's name, which the
  // site gives each of its pages.
  if (titleWords.length === 1 && headWords.size >= MIN_SENTENCE_WORDS) return headline;
  return headWords.size > titleWords.length &&
    titleWords.length >= 4 &&
    shared >= 0.85 * titleWords.length
    ? headline
    : null;
}

/** Words of a headline that reads as a sentence rather than a label. */
const MIN_SENTENCE_WORDS = 5;

/** A quotation closed by a colon, opening a headline. */
const QUOTED_KICKER = /^\s*["'„“”‘’«»‹›].*["'“”‘’«»‹›]\s*[:：]\s*$/u;

/** Share of the words of `a` that also appear in `b`. */
function sharedWords(a: string, b: string): number {
  const own = wordsOf(a);
  const other = new Set(wordsOf(b));
  return own.length ? own.filter((w) => other.has(w)).length / own.length : 0;
}

/**
 * The visible headline when the page's own <title> carries it but the metadata title is another
 * headline altogether: social titles (og:title) are often rewritten for sharing, while the
 * <title> and the <h1> are what the page shows. A reworded metadata title (most words shared)
 * is the same headline and stays.
 */
export function headlineConfirmedByDocTitle(
  title: string,
  headlines: readonly string[],
  docTitle: string,
): string | null {
  const distinct = [...new Set(headlines)];
  if (distinct.length !== 1) return null;
  const headline = distinct[0] ?? '';
  const h = looseKey(headline);
  if (h.length < 6 || h === looseKey(title)) return null;
  if (sharedWords(headline, title) >= 0.5) return null;
  const parts = [docTitle, ...docTitle.split(DOC_TITLE_SEPARATOR)];
  return parts.some((part) => looseKey(part) === h) ? headline : null;
}

const DOC_TITLE_SEPARATOR = /\s+[|｜–—•·»«/\\-]\s+|\s*[｜：]\s*/u;

/**
 * The headline spelled as the page shows it (typographic quotes, no stray full stop), when it is
 * the same title.
 */
function shownSpelling(value: string, headlines: readonly string[]): string {
  const k = looseKey(value);
  const same = headlines.find((h) => h !== value && looseKey(h) === k);
  // An all-capitals <h1> is usually styled text; the metadata keeps the real case.
  return same && same !== same.toUpperCase() ? same : value;
}

/**
 * Sources whose title a page writes for itself, as Readability would have preferred over <title>.
 */
const METADATA_TITLES = ['json-ld', 'opengraph', 'meta', 'dublin-core'] as const;

/** True when the page states its title in metadata, not only in <title>. */
const hasMetadataTitle = (readings: Readings): boolean =>
  METADATA_TITLES.some((source) => plainText(readings.found(source)?.title) !== '');

/** The cleaned title and where it came from, plus a site name read off the document title. */
export function pickTitle(input: TitleInput): {
  value: string;
  source: FieldSource;
  siteName: string | null;
} {
  const { readings, parsedTitle, docTitle, siteName, host, heading } = input;
  const fromSource = (source: FieldSource): string => plainText(readings.found(source)?.title);
  const candidates: [FieldSource, string][] = [
    ['json-ld', fromSource('json-ld')],
    ['readability', plainText(parsedTitle)],
    ['opengraph', fromSource('opengraph')],
    ['document-title', plainText(docTitle)],
  ];
  // A JSON-LD headline unlike both the page title and the headline is a description, not the
  // title; so is Readability's when the page repeats several og:title tags and it read the last
  // ("Aktuelle" after "Reparaturcafé am 31. Januar").
  const key = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const known = [docTitle, heading ?? ''].map(key).filter(Boolean);
  const unconfirmed = (text: string): boolean => {
    const k = key(text);
    return k !== '' && known.length > 0 && !known.some((t) => t.includes(k) || k.includes(t));
  };
  const og = fromSource('opengraph');
  const ogConfirmed = og !== '' && !unconfirmed(og);
  const kept = candidates.filter(([from, value]) =>
    from === 'json-ld'
      ? !unconfirmed(value)
      : from !== 'readability' || !ogConfirmed || !unconfirmed(value),
  );
  const [source, raw] = kept.find(([, value]) => value) ?? ['document-title', ''];
  // A social post's title is what it says; its "Name on Network:" frame names the author.
  // Readability may have cut the "/ X" end that confirms it off <title>, so that is read too.
  const post = socialPostTitle(raw, siteName) ?? socialPostTitle(plainText(docTitle), siteName);
  if (post) return { value: post.text, source, siteName: siteNameFromTitle(docTitle, host) };
  // <h1>s naming the site (a logo, a masthead) are not the article's headline.
  const headlines = (input.headlines ?? []).filter(
    (h) => !isSiteName(h, siteName, host) && looseKey(h) !== looseKey(siteName ?? ''),
  );
  // Headings confirm where the headline ends in the title; <h2>s only when there is no <h1>.
  const headings = [
    ...(heading ? [heading] : []),
    ...headlines,
    ...(headlines.length ? [] : (input.subheadings ?? [])),
  ];
  const homeNames = hasSeparator(raw) ? (input.homeNames?.() ?? []) : [];
  const bareDocumentTitle = !hasMetadataTitle(readings) && looseKey(raw) === looseKey(docTitle);
  const context = { siteName, host, headings, homeNames, bareDocumentTitle };
  const value = shownSpelling(cleanTitle(raw, context), [
    ...headlines,
    ...(heading ? [heading] : []),
  ]);
  const fromPage = headlineConfirmedByDocTitle(value, headlines, plainText(docTitle));
  // The headline is text the page shows, so it is recorded as visible text.
  if (fromPage)
    return { value: fromPage, source: 'visible-text', siteName: siteNameFromTitle(docTitle, host) };
  return {
    value: headlineOverTitle(value, headlines, siteName) ?? value,
    source,
    siteName: siteNameFromTitle(docTitle, host),
  };
}
