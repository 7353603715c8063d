/**
 * Several authors arrive as one string ("A and B", "A, B & C") or as a list; the snapshot keeps
 * them apart.
 */
import { cleanByline } from './byline.ts';

const JOINERS = /\s*(?:;|\||\s&\s|\s+(?:and|et|und|y|e|og|och|en|i)\s+)\s*/iu;
const JOB_TITLE =
  /\b(?:reporter|editor|correspondent|writer|columnist|contributor|staff|journalist|analyst|producer|director|professor|chief|senior|deputy|bureau|editorial|scientist|researcher|engineer|fellow|vp|president|founder|ceo|cto|officer|manager|rédact\w*|journaliste|envoyée? spéciale?|korrespondent\w*|redakteur\w*|periodista|corresponsal|giornalista|inviat[oa]|jornalista)\b/iu;
const SUFFIX = /^(?:jr|sr|ii|iii|iv|phd|md)\.?$/i;
/** Where a reporter filed from or the section they wrote in ("Jane Doe in Kyiv", "X in Valve"). */
const PLACE =
  /\s+(?:in|à|aus)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}(?=$|\s*[,;]|\s+(?:and|et|und|&)\s)/gu;

/** A word for a public body or an association, alone or closing a compound ("Caritasverband"). */
const ORGANISATION =
  /(?:\p{L}*(?:anstalt|ministerium|verband|stiftung|behörde|kammer|pressestelle|bundesamt|landesamt)|institut|universität|hochschule|ministry|department|agency|institute|university|association|foundation|council|press office)(?!\p{L})/iu;

/**
 * True when a credit names an institution ("Bayerische Landesanstalt für Wald und
 * Forstwirtschaft"), whose "und" joins no two people.
 */
export const namesOrganisation = (credit: string): boolean => ORGANISATION.test(credit);

/**
 * True when `text` names a job ("Research Scientist", "VP and Senior Fellow") rather than a person.
 */
export const isJobTitle = (text: string): boolean => JOB_TITLE.test(text);

/** A credit line without the places its reporters wrote from. */
export const withoutPlaces = (text: string): string => text.replace(PLACE, '');

/** Splits a comma list only when each part looks like a full name, so "Doe, Jane" stays whole. */
function splitCommas(text: string): string[] {
  // "Gillman, Steve": a catalogue-style surname first, reordered to how the name is read.
  const inverted = /^(\p{Lu}[\p{L}'’-]+),\s*(\p{Lu}[\p{L}'’-]+)$/u.exec(text);
  if (inverted && !JOB_TITLE.test(text)) return [`${inverted[2]} ${inverted[1]}`];
  const parts = text.split(/\s*,\s*/);
  if (parts.length < 2) return [text];
  const kept = parts.filter((part) => !JOB_TITLE.test(part) && !SUFFIX.test(part));
  const names = kept.length ? kept : [parts[0] ?? ''];
  return names.every((part) => part.split(/\s+/).length >= 2) ? names : [kept.join(', ')];
}

/** Each author of `raw` on their own: labels, dates and job titles removed; duplicates dropped. */
export function splitAuthors(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of raw) {
    const clean = cleanByline(withoutPlaces(value));
    if (!clean) continue;
    // A parenthesised aside ("X (avec Y et Z)") is one credit line, not a list to split; so is
    // an institution's name.
    const parts =
      /[()]/.test(clean) || namesOrganisation(clean)
        ? [clean]
        : clean.split(JOINERS).flatMap(splitCommas);
    for (const part of parts) {
      const name = cleanByline(part.replace(/^[,\s]+|[,\s]+$/g, ''));
      const key = name?.toLowerCase();
      if (!name || !key || seen.has(key) || (JOB_TITLE.test(name) && name.split(/\s+/).length > 3))
        continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out.slice(0, 20);
}
