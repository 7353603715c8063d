// Why: the anchoring stages share one way to score a candidate place for a quote.
import { editDistance, prefixSimilarity, suffixSimilarity } from './similarity.ts';

/** The normalized quote and context being looked for, and where it used to be. */
export interface Target {
  quote: string;
  prefix: string;
  suffix: string;
  /** Normalized offset the quote started at when it was recorded, if known. */
  expected: number | null;
}

export interface Candidate {
  start: number;
  end: number;
  quoteSimilarity: number;
  contextSimilarity: number;
  score: number;
}

/** Weights of quote, context and position; position only separates otherwise equal places. */
const QUOTE_WEIGHT = 0.6;
const CONTEXT_WEIGHT = 0.35;
const POSITION_WEIGHT = 0.05;
/** Distance, in characters, at which the position score has halved. */
const POSITION_SCALE = 500;

/** Room for inserted characters when lining the recorded context up with the text. */
const contextSlack = (length: number) => 8 + Math.ceil(length / 4);

/** How well the recorded prefix and suffix match around `start..end`, weighted by length. */
export function contextSimilarity(
  text: string,
  target: Target,
  start: number,
  end: number,
): number {
  const { prefix, suffix } = target;
  if (prefix.length + suffix.length === 0) return 1;
  const before = text.slice(
    Math.max(0, start - prefix.length - contextSlack(prefix.length)),
    start,
  );
  const after = text.slice(end, end + suffix.length + contextSlack(suffix.length));
  const prefixScore = prefixSimilarity(prefix, before);
  const suffixScore = suffixSimilarity(suffix, after);
  return (
    (prefixScore * prefix.length + suffixScore * suffix.length) / (prefix.length + suffix.length)
  );
}

/** Context shorter than this (once normalized) says little, unless both sit at the text's edge. */
const INFORMATIVE_CONTEXT = 8;

/**
 * The better of the two sides' similarity, counting only sides that tell places apart: a
 * paragraph inserted just before a quote spoils its prefix but leaves its suffix whole.
 */
export function oneSideSimilarity(text: string, target: Target, start: number, end: number) {
  const { prefix, suffix } = target;
  const before = text.slice(
    Math.max(0, start - prefix.length - contextSlack(prefix.length)),
    start,
  );
  const after = text.slice(end, end + suffix.length + contextSlack(suffix.length));
  const sides: number[] = [];
  if (prefix.length >= INFORMATIVE_CONTEXT || (prefix.trim() === '' && before.trim() === '')) {
    sides.push(prefixSimilarity(prefix, before));
  }
  if (suffix.length >= INFORMATIVE_CONTEXT || (suffix.trim() === '' && after.trim() === '')) {
    sides.push(suffixSimilarity(suffix, after));
  }
  return Math.max(0, ...sides);
}

export function positionSimilarity(target: Target, start: number): number {
  if (target.expected === null) return 0.5;
  return 1 / (1 + Math.abs(start - target.expected) / POSITION_SCALE);
}

/** Scores the candidate `text[start..end)` (normalized text) against the target. */
export function scoreCandidate(
  text: string,
  target: Target,
  start: number,
  end: number,
  quoteSimilarity?: number,
): Candidate {
  const quote =
    quoteSimilarity ??
    1 - editDistance(target.quote, text.slice(start, end)) / Math.max(1, target.quote.length);
  const context = contextSimilarity(text, target, start, end);
  const score =
    QUOTE_WEIGHT * quote +
    CONTEXT_WEIGHT * context +
    POSITION_WEIGHT * positionSimilarity(target, start);
  return { start, end, quoteSimilarity: quote, contextSimilarity: context, score };
}

/** Orders candidates best first: by score, then by closeness to the recorded position. */
export function compareCandidates(target: Target, a: Candidate, b: Candidate): number {
  if (Math.abs(a.score - b.score) > 1e-9) return b.score - a.score;
  if (target.expected === null) return a.start - b.start;
  return Math.abs(a.start - target.expected) - Math.abs(b.start - target.expected);
}
