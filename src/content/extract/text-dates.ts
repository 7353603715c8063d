// Dates written out in page text ("Publié le 18 juin 2024 à 20h17") are read with chrono-node's locale parsers.
import * as chrono from 'chrono-node';
import { parseDate } from './dates';

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

/** ISO 8601 of chrono's first result, as precise as the text is; null unless the full date is stated. */
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

/** The first full date stated in `text`, read in the page's language first, then the common ones. */
export function parseTextDate(text: string, lang: string | null): string | null {
  // Only a stated year makes a date: skip the parsers on lines without one ("2 hours ago").
  if (!/(?<!\d)(?:19[9]\d|20\d\d)(?!\d)|\d{2}年/.test(text)) return null;
  const iso = /\d{4}-\d{1,2}-\d{1,2}/.test(text) ? parseDate(text, lang) : null;
  if (iso) return iso;
  const primary = (lang ?? '').slice(0, 2).toLowerCase();
  const order = PARSERS[primary] ? [primary, ...ORDER.filter((l) => l !== primary)] : ORDER;
  for (const code of order) {
    const parser = PARSERS[code];
    const date = parser ? fromChrono(text, parser) : null;
    if (date) return date;
  }
  return parseDate(text, lang);
}
