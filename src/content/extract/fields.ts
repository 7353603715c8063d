/**
 * Combines what each metadata source found by a fixed precedence per field, remembering where each
 * value came from.
 */
import type { FieldSource, FieldSources, MetadataSource } from '../../shared/article.ts';
import { namesOrganisation, splitAuthors, withoutPlaces } from './authors.ts';
import { cleanByline } from './byline.ts';
import { parseDate } from './dates.ts';
import { StepFailures } from './failures.ts';
import type { Found } from './sources/types.ts';
import { parseTextDate } from './text-dates.ts';
import { collapseSpace } from '../../shared/article-html/text.ts';
import { plainText } from './plain-text.ts';

/**
 * Sources the page declares for machines (structured data, metadata tags), not read from its
 * text, most trusted first.
 */
const DECLARED = [
  'json-ld',
  'article-meta',
  'opengraph',
  'parsely',
  'sailthru',
  'dublin-core',
  'citation',
  'meta',
] as const satisfies readonly FieldSource[];
export const DECLARED_SOURCES: ReadonlySet<FieldSource> = new Set<FieldSource>(DECLARED);

/** Sources from most to least trusted, per field. Sources not listed are not used for it. */
export const PRECEDENCE = {
  authors: [
    'json-ld',
    'article-meta',
    'parsely',
    'sailthru',
    'dublin-core',
    'citation',
    'meta',
    'microdata',
    'readability',
    'visible-text',
    // A social post's "Name (@handle)" title: only when nothing on the page credits anyone.
    'document-title',
    // Yoast's "Written by" names the WordPress account that posted, which may be an editor
    // posting someone else's story: only when nothing else names anyone.
    'twitter-card',
  ],
  publishedTime: [...DECLARED, 'microdata', 'microformats', 'time-element', 'visible-text'],
  modifiedTime: [
    'json-ld',
    'article-meta',
    'opengraph',
    'dublin-core',
    'meta',
    'microdata',
    'microformats',
    'time-element',
    'visible-text',
  ],
  siteName: ['opengraph', 'json-ld', 'meta', 'dublin-core', 'citation', 'readability'],
  image: ['opengraph', 'json-ld', 'meta', 'parsely', 'sailthru'],
  description: ['opengraph', 'meta', 'json-ld', 'readability'],
  lang: ['opengraph', 'json-ld', 'dublin-core', 'citation', 'meta'],
} as const satisfies Partial<Record<keyof Found, readonly FieldSource[]>>;

export interface Picked<T> {
  value: T;
  source: FieldSource;
}

/**
 * The page's sources, each read on first use: a field stops at the first source that has it, so
 * the slow sources (visible text, <time>, microdata) are read only on pages whose metadata is thin.
 * A source that throws is recorded in `failures` and found nothing; the others are still asked.
 */
export class Readings {
  private readonly readers = new Map<FieldSource, () => Found>();
  private readonly cache = new Map<FieldSource, Found>();

  constructor(private readonly failures: StepFailures = new StepFailures()) {}

  add(source: MetadataSource, read: () => Found): this {
    this.readers.set(source, () => this.failures.run(source, read, {}));
    return this;
  }

  /** What every source finds, each read now if the extraction had no need of it. */
  everything(): Partial<Record<FieldSource, Found>> {
    const all: Partial<Record<FieldSource, Found>> = {};
    for (const source of this.readers.keys()) all[source] = this.found(source) ?? {};
    return all;
  }

  found(source: FieldSource): Found | null {
    const cached = this.cache.get(source);
    if (cached) return cached;
    const read = this.readers.get(source);
    if (!read) return null;
    const value = read();
    this.cache.set(source, value);
    return value;
  }
}

/**
 * The first value of `field` that `normalise` accepts, in the field's precedence (within `only`).
 */
export function pick<T>(
  readings: Readings,
  field: keyof typeof PRECEDENCE,
  normalise: (found: Found, source: FieldSource) => T | null,
  only?: ReadonlySet<FieldSource>,
): Picked<T> | null {
  for (const source of PRECEDENCE[field]) {
    if (only && !only.has(source)) continue;
    const found = readings.found(source);
    const value = found ? normalise(found, source) : null;
    if (value !== null) return { value, source };
  }
  return null;
}

/** A date field as ISO 8601; text sources go through the language-aware text parser. */
export function pickDate(
  readings: Readings,
  field: 'publishedTime' | 'modifiedTime',
  lang: string | null,
  only?: ReadonlySet<FieldSource>,
): Picked<string> | null {
  const read = (raw: string): string | null =>
    parseDate(raw, lang) ?? (raw.length < 200 ? parseTextDate(raw, lang) : null);
  const stated = pick(
    readings,
    field,
    (found) => {
      const raw = collapseSpace(found[field]);
      return raw ? read(raw) : null;
    },
    only,
  );
  if (stated && DECLARED_SOURCES.has(stated.source) && field === 'publishedTime')
    return shownAmongDeclared(readings, stated, read, only) ?? stated;
  if ((stated && DECLARED_SOURCES.has(stated.source)) || field !== 'publishedTime') return stated;
  if (only && !only.has('meta')) return stated;
  // `<meta name="date">` comes after the dates the page prints: where they differ, it was most
  // often the day the page was generated or changed. On the same day, the more precise of the
  // two is kept (the tag often adds the time and its zone).
  const undescribed = collapseSpace(readings.found('meta')?.pageDate);
  const value = undescribed ? read(undescribed) : null;
  if (!value) return stated;
  if (!stated) return { value, source: 'meta' };
  const sameDay = value.slice(0, 10) === stated.value.slice(0, 10);
  return sameDay && value.length > stated.value.length ? { value, source: 'meta' } : stated;
}

/**
 * When the page's declared publication dates disagree on the day ("2022-01-04" in JSON-LD,
 * "2022-01-06" in article:published_time), the one whose day the page prints near its headline:
 * that is the date a reader points at; the printed date over a Dublin Core date alone; and over
 * declared dates that agree, a printed day shortly after theirs.
 */
function shownAmongDeclared(
  readings: Readings,
  stated: Picked<string>,
  read: (raw: string) => string | null,
  only?: ReadonlySet<FieldSource>,
): Picked<string> | null {
  const declared: Picked<string>[] = [];
  for (const source of DECLARED) {
    const raw = collapseSpace(readings.found(source)?.publishedTime);
    const value = raw ? read(raw) : null;
    if (value) declared.push({ value, source });
  }
  const day = (value: string): string => value.slice(0, 10);
  if (only && !only.has('visible-text')) return null;
  const changes = DECLARED.flatMap(
    (source) => read(collapseSpace(readings.found(source)?.modifiedTime)) ?? [],
  );
  // The day the page was changed, printed as "Updated …", settles nothing, unless the page prints
  // the very minute a declared publication date gives ("Stand: 07.11.2023, 07:30 Uhr").
  const minute = (value: string): string => (value.length >= 16 ? value.slice(0, 16) : '');
  const published = new Set(declared.map(({ value }) => minute(value)).filter(Boolean));
  const changedOn = new Set(changes.map(day));
  const printedAs = (field: 'publishedTime' | 'headlineDate'): string | null => {
    const raw = collapseSpace(readings.found('visible-text')?.[field]);
    return raw ? read(raw) : null;
  };
  const printed = (field: 'publishedTime' | 'headlineDate'): string | null => {
    const value = printedAs(field);
    if (!value || day(value) === day(stated.value)) return null;
    return !changedOn.has(day(value)) || published.has(minute(value)) ? value : null;
  };
  // A Dublin Core date alone is as loose as <meta name="date">: often the day the page was
  // generated or filed, not the one it shows.
  const alone = stated.source === 'dublin-core';
  if (!alone && declared.every(({ value }) => day(value) === day(stated.value))) {
    // Declared dates that agree are doubted in three cases only, so the page's lines are read on
    // some pages, not all. Filed in the evening (or late in the UTC day): the day printed with
    // the headline a day or a few after is the one the story came out ("10 décembre 2019" over
    // 2019-12-09T19:00+01:00). Published after the last change, which cannot be: a stamp of the
    // last save written into both, so an earlier day printed with the headline is the
    // publication's when the page's markup (a <time> element, microdata) dates it so too.
    const filedInEvening = Number(stated.value.slice(11, 13)) >= EVENING_HOUR;
    const afterLastChange = changes.some((change) => instant(stated.value) > instant(change));
    // Changed on a later day: the page may show that day as its date, printed alone by the
    // headline with no "Updated" before it ("Monday, 6 January 2020" over a publication declared
    // on the 3rd and a change on the 6th); a reader points at that day. Not when a <time> element
    // or microdata dates the page to the declared day (a theme printing both dates, and hiding
    // the change's with its style).
    const markedOn = (target: string): boolean =>
      MARKUP_DATES.some((source) => {
        const raw = collapseSpace(readings.found(source)?.publishedTime);
        return raw !== '' && day(read(raw) ?? '') === target;
      });
    const shownChange =
      changes.some((change) => day(change) > day(stated.value)) && !markedOn(day(stated.value))
        ? printedAs('headlineDate')
        : null;
    if (shownChange && changedOn.has(day(shownChange)))
      return { value: shownChange, source: 'visible-text' };
    const withHeadline = filedInEvening || afterLastChange ? printed('headlineDate') : null;
    if (!withHeadline) return null;
    const restamped =
      afterLastChange &&
      instant(withHeadline) < instant(stated.value) &&
      markedOn(day(withHeadline));
    return restamped || (filedInEvening && shortlyAfter(stated.value, withHeadline))
      ? { value: withHeadline, source: 'visible-text' }
      : null;
  }
  const shown = printed('publishedTime');
  if (!shown) return null;
  const agreeing = declared.find(({ value }) => day(value) === day(shown));
  return agreeing ?? (alone ? { value: shown, source: 'visible-text' } : null);
}

/** Sources that date the page in its markup rather than in declared metadata. */
const MARKUP_DATES: readonly FieldSource[] = ['microdata', 'microformats', 'time-element'];

/** Milliseconds since the epoch of an ISO date; one without an offset is read as UTC. */
const instant = (value: string): number =>
  Date.parse(/[Zz]|[+-]\d\d:\d\d$/.test(value) || value.length === 10 ? value : `${value}Z`);

/** From this hour (as the declared time writes it) a story may come out on the next day. */
const EVENING_HOUR = 18;

/** Days a printed date may follow the declared one and still be the same story's. */
const FILED_BEFORE_DAYS = 7;

/** Whether `later`'s day is one to FILED_BEFORE_DAYS days after `earlier`'s. */
function shortlyAfter(earlier: string, later: string): boolean {
  const days = (Date.parse(later.slice(0, 10)) - Date.parse(earlier.slice(0, 10))) / 86_400_000;
  return days >= 1 && days <= FILED_BEFORE_DAYS;
}

/** Authors as a list, from the first source that names at least one. */
export const pickAuthors = (
  readings: Readings,
  siteNames: readonly (string | null | undefined)[] = [],
  articleText = '',
): Picked<string[]> | null => {
  // A source whose "author" is the publication itself ("ABC News") credits no one: ask the next.
  // It is kept only when no source names a person.
  // A site name that is "Headline | Publication" names the publication in one of its parts.
  const parts = siteNames.flatMap((name) => [name, ...(name?.split(SITE_NAME_PARTS) ?? [])]);
  const sites = new Set(parts.map(nameKey).filter(Boolean));
  let publication: Picked<string[]> | null = null;
  let handles: Picked<string[]> | null = null;
  let phrases: Picked<string[]> | null = null;
  const person = pick(readings, 'authors', (found, source) => {
    const names = splitAuthors((found.authors ?? []).map(plainText));
    if (!names.length) return null;
    // A phrase ("deinen Hochzeitsbloggern", "our Editors") names no one: the last resort.
    if (names.every(isPhrase)) {
      phrases ??= { value: names, source };
      return null;
    }
    if (names.every((name) => isPublication(name, sites))) {
      publication ??= { value: names, source };
      // The page credits the publication first and its writer further down ("Written by: X").
      const writer = splitAuthors((found.laterCredits ?? []).map(plainText)).find(
        (name) => !isPublication(name, sites) && !isPhrase(name) && !isHandle(name),
      );
      return writer ? [writer] : null;
    }
    // A login ("mikecason", "CC7567") is who posted it; a later source may spell the name.
    if (names.every(isHandle)) {
      handles ??= { value: names, source };
      return null;
    }
    return names;
  });
  if (person) return withCoauthors(readings, person);
  return (handles && spelledHandles(handles, articleText)) ?? handles ?? publication ?? phrases;
};

/**
 * The people logins name ("christian.stadtfeld", "anna_berg"), as the article spells them
 * ("Christian P. Stadtfeld"), when its text writes every login's parts as a name.
 */
function spelledHandles(handles: Picked<string[]>, text: string): Picked<string[]> | null {
  const names = handles.value.map((handle) => spelledHandle(handle, text));
  return names.every((name) => name !== null)
    ? { value: names as string[], source: 'visible-text' }
    : null;
}

/**
 * A login's parts written as a name in `text` ("christian.stadtfeld" → "Christian P. Stadtfeld"):
 * each part capitalised, up to two middle names or initials between them.
 */
function spelledHandle(handle: string, text: string): string | null {
  const parts = handle.replace(/^@/, '').split(/[._-]+/);
  if (parts.length < 2 || parts.length > 3 || !parts.every((part) => /^\p{Ll}{2,}$/u.test(part)))
    return null;
  const capitalised = parts.map((part) => (part[0] ?? '').toUpperCase() + part.slice(1));
  const between = "(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,2}\\s+";
  const name = new RegExp(`(?<!\\p{L})${capitalised.join(between)}(?!\\p{L})`, 'u').exec(text);
  return name ? name[0].replace(/\s+/g, ' ') : null;
}

/** Sources asked for co-authors the picked one left out: already read on every page. */
const COAUTHOR_SOURCES: ReadonlySet<FieldSource> = new Set<FieldSource>([
  ...DECLARED,
  'readability',
]);

/**
 * The picked authors with the co-authors another source adds: JSON-LD naming only the first of
 * two writers that the article:author tags and the printed byline both credit. Only a source
 * that names every picked author and more counts, so no one is swapped for someone else.
 */
function withCoauthors(readings: Readings, picked: Picked<string[]>): Picked<string[]> {
  const keys = picked.value.map((name) => name.toLowerCase());
  const fuller = pick(
    readings,
    'authors',
    (found, source) => {
      if (source === picked.source) return null;
      const names = splitAuthors((found.authors ?? []).map(plainText));
      const have = new Set(names.map((name) => name.toLowerCase()));
      return names.length > keys.length && keys.every((key) => have.has(key)) ? names : null;
    },
    COAUTHOR_SOURCES,
  );
  return fuller ?? picked;
}

/**
 * A name that is the publication or an organisation rather than a writer: the site's name, a
 * name with the site's name as one of its words ("OÖ Volksblatt", "Die FURCHE" on furche.at), a
 * web address ("jungefreiheit.de"), a registered body's legal form ("… e.V.", "… GmbH"), or a
 * public body ("Bayerische Landesanstalt für Wald und Forstwirtschaft").
 */
export function isPublication(name: string, sites: ReadonlySet<string>): boolean {
  if (
    sites.has(nameKey(name)) ||
    WEB_ADDRESS.test(name) ||
    LEGAL_FORM.test(name) ||
    namesOrganisation(name)
  )
    return true;
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((word) => word.length >= 3 && sites.has(word));
}

const SITE_NAME_PARTS = /\s+[|·•–—-]\s+|:\s+/u;
const WEB_ADDRESS = /(?:^|\s)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:[a-z]{2,6})(?:\s|\/|$)/iu;
const LEGAL_FORM =
  /\s(?:e\.\s?V\.|GmbH|gGmbH|AG|KG|SE|Inc\.?|Ltd\.?|LLC|S\.A\.|S\.L\.|SAS|SARL|plc)$/u;

/** Lowercase words that may begin a person's name ("de la Cruz", "van Gogh", "al-Amin"). */
const NAME_PARTICLE =
  /^(?:de|del|della|der|den|di|da|das|dos|du|van|von|le|la|al|el|bin|ibn|ten|ter|zu|y)$/u;

/**
 * Words that begin lowercase and go on capitalised, not a name ("deinen Hochzeitsbloggern",
 * "our Editors"): a person's name starts with a capital or a particle.
 */
export const isPhrase = (name: string): boolean => {
  const words = name.split(/\s+/);
  const first = words[0] ?? '';
  return (
    words.length > 1 &&
    /^\p{Ll}/u.test(first) &&
    !NAME_PARTICLE.test(first.split(/[-’']/)[0] ?? '') &&
    words.slice(1).some((word) => /^\p{Lu}/u.test(word))
  );
};

/** A user name rather than a person's name: one Latin token, all lowercase or with digits. */
export const isHandle = (name: string): boolean =>
  /^@?[A-Za-z0-9_.-]+$/.test(name) && (/\d|^@/.test(name) || name === name.toLowerCase());

/** Conjunctions that join the last of several names ("A, B and C"). */
const NAME_JOINERS = /(?:^|\s)(?:and|et|und|y|e|og|och|en|&)(?=\s|$)/giu;

/**
 * The authors as one line: as the page wrote it when a single credit line named them all
 * ("A, B and C"), else the names joined with commas.
 */
export function bylineOf(names: readonly string[], raw: readonly string[]): string | null {
  if (!names.length) return null;
  const lines = raw.map(plainText).filter(Boolean);
  const line =
    names.length > 1 && lines.length === 1 ? cleanByline(withoutPlaces(lines[0] ?? '')) : null;
  const letters = (text: string): string =>
    text
      .replace(NAME_JOINERS, ' ')
      .replace(/[^\p{L}\p{N}]+/gu, '')
      .toLowerCase();
  return line && letters(line) === letters(names.join(' ')) ? line : names.join(', ');
}

/**
 * Letters and digits only, lowercase, without "the" or "Staff", for comparing names with the
 * site's.
 */
const nameKey = (text: string | null | undefined): string =>
  (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(
      /\s+(?:staff|team|editors|editorial|newsroom|desk|rédaction|redaktion|redacción|redazione)$/u,
      '',
    )
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** A plain text field, whitespace collapsed. */
export const pickText = (
  readings: Readings,
  field: 'siteName' | 'description' | 'image' | 'lang',
): Picked<string> | null => pick(readings, field, (found) => plainText(found[field]) || null);

/** Records `picked`'s source for `field` in `sources`, and returns its value. */
export function record<T>(
  sources: FieldSources,
  field: keyof FieldSources,
  picked: Picked<T> | null,
): T | null {
  if (!picked) return null;
  sources[field] = picked.source;
  return picked.value;
}
