// Why: an edited quote has no exact occurrence, so it is looked for approximately (Myers' algorithm).
import search from 'approx-string-match';
import { refineCandidate } from './boundaries.ts';
import type { Candidate, Target } from './candidates.ts';
import type { NormalizedText } from './normalize.ts';

/** A fuzzy match may differ from the quote by at most this share of its characters. */
export const MAX_ERROR_RATE = 0.25;
/** Characters on each side of the recorded position searched first for an edited quote. */
const WINDOW_MARGIN = 256;
/** At most this many fuzzy matches are scored, nearest the recorded position first. */
const MAX_FUZZY_CANDIDATES = 40;

/**
 * Matches of the quote inside the best approximate matches of prefix + quote + suffix: finds an
 * edited quote whose unedited copies elsewhere would win a search for the quote alone.
 */
function contextualMatches(text: string, target: Target, maxErrors: number) {
  const { prefix, quote, suffix } = target;
  const whole = prefix + quote + suffix;
  if (whole.length === quote.length) return [];
  const found: { start: number; end: number }[] = [];
  for (const match of search(text, whole, Math.floor(whole.length * MAX_ERROR_RATE))) {
    // The quote lies between the matched context, give or take the quote's own edits.
    const from = Math.max(match.start, match.start + prefix.length - maxErrors);
    const to = Math.min(match.end, match.end - suffix.length + maxErrors);
    if (to <= from) continue;
    for (const inner of search(text.slice(from, to), quote, maxErrors)) {
      found.push({ start: inner.start + from, end: inner.end + from });
    }
  }
  return found;
}

export function fuzzyCandidates(normalized: NormalizedText, target: Target): Candidate[] {
  const text = normalized.text;
  const maxErrors = Math.max(1, Math.floor(target.quote.length * MAX_ERROR_RATE));
  const matches: { start: number; end: number }[] = [];
  if (target.expected !== null) {
    // Search near the old place first: a lone search only returns the best matches overall,
    // which would hide an edited quote behind an unedited copy elsewhere.
    const from = Math.max(0, target.expected - WINDOW_MARGIN);
    const to = Math.min(text.length, target.expected + target.quote.length + WINDOW_MARGIN);
    for (const match of search(text.slice(from, to), target.quote, maxErrors)) {
      matches.push({ start: match.start + from, end: match.end + from });
    }
  }
  matches.push(...search(text, target.quote, maxErrors));
  matches.push(...contextualMatches(text, target, maxErrors));
  const expected = target.expected ?? 0;
  const seen = new Set<string>();
  return matches
    .filter(({ start, end }) => {
      const key = `${start}:${end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => Math.abs(a.start - expected) - Math.abs(b.start - expected))
    .slice(0, MAX_FUZZY_CANDIDATES)
    .map(({ start, end }) => refineCandidate(normalized, target, start, end));
}
