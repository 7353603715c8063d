// Why: re-finds a stored highlight in text that may have changed since it was made.
import {
  compareCandidates,
  oneSideSimilarity,
  scoreCandidate,
  type Candidate,
  type Target,
} from './candidates.ts';
import { boundariesAgree } from './boundaries.ts';
import { fuzzyCandidates } from './fuzzy.ts';
import {
  normalizedRangeToRaw,
  normalizeString,
  normalizeText,
  rawToNormalized,
  type NormalizedText,
} from './normalize.ts';
import type { AnchorResult, Selector, TextPositionSelector, TextQuoteSelector } from './types.ts';

/** The least quote similarity for a fuzzy match: a deleted quote must not be "found" elsewhere. */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** The least context similarity for any place other than the recorded position. */
export const MIN_CONTEXT_SIMILARITY = 0.5;
/** The least combined score for a place to be accepted. */
export const MIN_SCORE = 0.8;
/** An exact quote whose context matches this well is taken without trying fuzzy matches. */
const STRONG_CONTEXT = 0.85;
/** A quote this long that occurs once is taken when one side of its context agrees this well. */
const DISTINCTIVE_LENGTH = 32;
const ONE_SIDE_CONTEXT = 0.75;

let cached: { raw: string; normalized: NormalizedText } | null = null;

/** Normalizing is linear in the text; anchoring many annotations on one text reuses it. */
function normalizedOf(raw: string): NormalizedText {
  if (cached?.raw !== raw) cached = { raw, normalized: normalizeText(raw) };
  return cached.normalized;
}

function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

const acceptable = (candidate: Candidate) =>
  candidate.quoteSimilarity >= MIN_QUOTE_SIMILARITY &&
  candidate.contextSimilarity >= MIN_CONTEXT_SIMILARITY &&
  candidate.score >= MIN_SCORE;

function finish(
  normalized: NormalizedText,
  candidate: Candidate,
  method: 'quote' | 'fuzzy',
): AnchorResult {
  const { start, end } = normalizedRangeToRaw(normalized, candidate.start, candidate.end);
  return { start, end, method, score: Math.round(candidate.score * 1000) / 1000 };
}

/**
 * Places a recorded highlight in `text`: at its recorded position if the quote is still there,
 * else at the best exact occurrence of the quote, else at the best approximate match. Returns
 * null (an orphan) when no place fits well enough, in particular when the quote was deleted.
 */
export function anchor(text: string, selectors: readonly Selector[]): AnchorResult | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find(
    (s): s is TextPositionSelector => s.type === 'TextPositionSelector',
  );
  // Without a quote nothing can confirm that a position still holds the same text.
  if (!quote || quote.exact.length === 0) return null;
  const normalized = normalizedOf(text);
  const target: Target = {
    quote: normalizeString(quote.exact),
    prefix: normalizeString(quote.prefix),
    suffix: normalizeString(quote.suffix),
    expected: position ? rawToNormalized(normalized, position.start) : null,
  };
  if (target.quote.trim().length === 0) return null;

  if (position && text.slice(position.start, position.end) === quote.exact) {
    const at = rawToNormalized(normalized, position.start);
    const candidate = scoreCandidate(normalized.text, target, at, at + target.quote.length, 1);
    const agree = boundariesAgree(normalized.text, target, at, at + target.quote.length);
    if (agree && candidate.contextSimilarity >= MIN_CONTEXT_SIMILARITY) {
      return { start: position.start, end: position.end, method: 'position', score: 1 };
    }
  }

  const found = occurrences(normalized.text, target.quote);
  const exact = found
    .filter((start) => boundariesAgree(normalized.text, target, start, start + target.quote.length))
    .map((start) => scoreCandidate(normalized.text, target, start, start + target.quote.length, 1))
    .sort((a, b) => compareCandidates(target, a, b));
  const bestExact = exact[0];
  if (bestExact && bestExact.contextSimilarity >= STRONG_CONTEXT) {
    return finish(normalized, bestExact, 'quote');
  }
  // A long quote found once, whole words and all, needs only one side of its context.
  if (
    bestExact &&
    found.length === 1 &&
    target.quote.length >= DISTINCTIVE_LENGTH &&
    oneSideSimilarity(normalized.text, target, bestExact.start, bestExact.end) >= ONE_SIDE_CONTEXT
  ) {
    return finish(normalized, bestExact, 'quote');
  }

  const fuzzy = fuzzyCandidates(normalized, target).filter(
    (c) => !exact.some((e) => e.start === c.start && e.end === c.end),
  );
  const best = [...exact, ...fuzzy]
    .filter(acceptable)
    .sort((a, b) => compareCandidates(target, a, b))[0];
  if (!best) return null;
  return finish(normalized, best, exact.includes(best) ? 'quote' : 'fuzzy');
}
