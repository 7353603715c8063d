// The title: the page's own metadata title, cleaned of the site's name, and never cut inside the headline.
import type { FieldSource } from '../../shared/article';
import type { Readings } from './fields';
import { cleanTitle, siteNameFromTitle } from './title';
import { plainText } from './urls';

export interface TitleInput {
  readings: Readings;
  parsedTitle: string | null | undefined;
  docTitle: string;
  siteName: string | null;
  host: string;
  heading: string | null;
}

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
  // A JSON-LD headline unlike both the page title and the headline is a description, not the title.
  const key = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const known = [docTitle, heading ?? ''].map(key).filter(Boolean);
  const ld = key(candidates[0]?.[1] ?? '');
  if (ld && known.length && !known.some((k) => k.includes(ld) || ld.includes(k)))
    candidates.shift();
  const [source, raw] = candidates.find(([, value]) => value) ?? ['document-title', ''];
  const headings = heading ? [heading] : [];
  const value = cleanTitle(raw, { siteName, host, headings });
  // The visible headline spells it best (typographic quotes) when it is the same title.
  const quotes = (text: string): string => text.replace(/[‘’‚′`´]/g, "'").replace(/[“”„″]/g, '"');
  const sameAsHeading = heading && heading !== value && quotes(heading) === quotes(value);
  return {
    value: sameAsHeading ? heading : value,
    source,
    siteName: siteNameFromTitle(docTitle, host),
  };
}
