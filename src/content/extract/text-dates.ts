/**
 * Dates written out in page text ("Publié le 18 juin 2024 à 20h17") are read with chrono-node's
 * locale parsers.
 */
import * as chrono from 'chrono-node';
import { parseDate } from './dates.ts';

type Parser = { parse: typeof chrono.en.parse };
const PARSERS: Record<string, Parser> = {
  en: chrono.en,
  fr: chrono.fr,
  de: chrono.de,
  es: chrono.es,
  it: chrono.it,
  pt: chrono.pt,
  nl: chrono.nl,
  sv: chrono.sv,
  ja: chrono.ja,
  zh: chrono.zh,
};
const ORDER = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'];
/** A fixed reference instant and UTC, so neither the clock nor the machine's zone leak in. */
const REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * ISO 8601 of chrono's first result, as precise as the text is; null unless the full date is
 * stated.
 */
function fromChrono(text: string, parser: Parser): string | null {
  const result = parser.parse(text, REFERENCE)[0];
  if (!result || !/\d{4}|\d{2}年/.test(result.text)) return null;
  const s = result.start;
  if (!s.isCertain('year') || !s.isCertain('month') || !s.isCertain('day')) return null;
  const year = s.get('year') ?? 0;
  if (year < 1990 || year > 2099) return null;
  const date = `${year}-${pad(s.get('month') ?? 0)}-${pad(s.get('day') ?? 0)}`;
  if (!s.isCertain('hour')) return date;
  const time = `${pad(s.get('hour') ?? 0)}:${pad(s.get('minute') ?? 0)}${s.isCertain('second') ? `:${pad(s.get('second') ?? 0)}` : ''}`;
  if (!s.isCertain('timezoneOffset')) return `${date}T${time}`;
  const offset = s.get('timezoneOffset') ?? 0;
  const zone =
    offset === 0
      ? 'Z'
      : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${date}T${time}${zone}`;
}

/**
 * The first letters of each month name and abbreviation chrono knows per language. Without one
 * of them, or a numeric date, a language's parser cannot find a full date, so it is not run:
 * chrono is the slowest part of reading a page's metadata.
 */
const MONTH_STEMS: Record<string, string> = {
  en: 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec',
  fr: 'jan|fév|fev|mar|avr|mai|jui|jun|jul|aoû|aou|sep|oct|nov|déc|dec',
  de: 'jan|jän|feb|mär|mae|mrz|apr|mai|jun|jul|aug|sep|okt|nov|dez',
  es: 'ene|feb|mar|abr|may|jun|jul|ago|sep|set|oct|nov|dic',
  it: 'gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic',
  pt: 'jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|dez',
  nl: 'jan|feb|maa|mar|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec',
};
const MONTH_WORD = Object.fromEntries(
  Object.entries(MONTH_STEMS).map(([code, stems]) => [
    code,
    new RegExp(`(?<!\\p{L})(?:${stems})`, 'iu'),
  ]),
);
/** "18/06/2024", "2024.06.18": a date in digits, which every language's parser may read. */
const NUMERIC_DATE = /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/;

/** Whether `code`'s parser can find a full date in `text` at all. */
const mayHoldDate = (text: string, code: string, numeric: boolean): boolean =>
  numeric || !MONTH_WORD[code] || MONTH_WORD[code].test(text);

/** Dates already read, by language and text: nested elements repeat the same line. */
const memo = new Map<string, string | null>();
const MEMO_SIZE = 2000;

/**
 * "28.01.22": day, month and a two-digit year, written with dots as German, Austrian, Swiss,
 * Finnish and Scandinavian pages print them. Neither a version number ("1.2.19.4") nor part of a
 * longer numeric date.
 */
const SHORT_YEAR_DATE =
  /(?<![\d.]|[Vv]\s?|[Vv]ersion\s)(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.(\d{2})(?![\d.]*\d)/;

/** The day of a dotted two-digit-year date; years 70–99 are the 1900s, the rest the 2000s. */
function shortYearDate(text: string): string | null {
  const m = SHORT_YEAR_DATE.exec(text);
  if (!m) return null;
  const short = Number(m[3]);
  const year = short >= 70 ? 1900 + short : 2000 + short;
  return parseDate(`${m[1]}.${m[2]}.${year}${text.slice(m.index + m[0].length)}`);
}

/**
 * The first full date stated in `text`, read in the page's language first, then the common ones.
 */
export function parseTextDate(text: string, lang: string | null): string | null {
  // Only a stated year makes a date: skip the parsers on lines without one ("2 hours ago").
  if (!/(?<!\d)(?:19[9]\d|20\d\d)(?!\d)|\d{2}年/.test(text)) return shortYearDate(text);
  // Nor without a day: "March 2024" is a month, and reading it in every language is slow.
  if (!/(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)|日/.test(text)) return null;
  const key = `${lang ?? ''}\u0000${text}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (memo.size >= MEMO_SIZE) memo.clear();
  const date = readTextDate(text, lang);
  memo.set(key, date);
  return date;
}

/** A date in digits ("07.11.2023", "2.9.2020", "08/08/2017"). */
const DIGITS_DATE = /(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?!\d)/;

function readTextDate(text: string, lang: string | null): string | null {
  const iso = /\d{4}-\d{1,2}-\d{1,2}/.test(text) ? parseDate(text, lang) : null;
  if (iso) return iso;
  // chrono's English parser reads every numeric date month first ("07.11.2023" as 11 July), and
  // it is the one asked on pages in a language chrono lacks (Finnish, Bosnian) or of none. Dots
  // and dashes are day first wherever they are written; slashes are month first only in US
  // English: parseDate knows both (and reads a date with its month named first, when the line
  // has one).
  const inDigits = DIGITS_DATE.test(text) ? parseDate(text, lang) : null;
  if (inDigits) return inDigits;
  const primary = (lang ?? '').slice(0, 2).toLowerCase();
  const order = PARSERS[primary] ? [primary, ...ORDER.filter((l) => l !== primary)] : ORDER;
  const numeric = NUMERIC_DATE.test(text);
  for (const code of order) {
    const parser = PARSERS[code];
    const date = parser && mayHoldDate(text, code, numeric) ? fromChrono(text, parser) : null;
    if (date) return date;
  }
  return parseDate(text, lang);
}
