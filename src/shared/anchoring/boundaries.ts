// Why: fuzzy matches end a few characters off; highlights should start and end where words do.
import { scoreCandidate, type Candidate, type Target } from './candidates.ts';
import type { NormalizedText } from './normalize.ts';

/** How far a fuzzy match's ends may move while looking for the best-fitting boundaries. */
const BOUNDARY_SHIFT = 8;
/** Preference for an end that falls at the same kind of boundary (in or between words) as before. */
const BOUNDARY_BONUS = 0.02;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** A boundary's kind: whether the characters on each side of it are word characters. */
const boundaryKind = (before: string | undefined, after: string | undefined) =>
  `${WORD_CHAR.test(before ?? ' ')}${WORD_CHAR.test(after ?? ' ')}`;

/** Whether `start..end` begins and ends at the same kinds of boundary as the recorded quote. */
export function boundariesAgree(text: string, target: Target, start: number, end: number): boolean {
  const { quote, prefix, suffix } = target;
  return (
    boundaryKind(text[start - 1], text[start]) === boundaryKind(prefix.at(-1), quote[0]) &&
    boundaryKind(text[end - 1], text[end]) === boundaryKind(quote.at(-1), suffix[0])
  );
}

/** Moves a fuzzy match's start, then its end, to where quote and context fit best. */
export function refineCandidate(
  normalized: NormalizedText,
  target: Target,
  start: number,
  end: number,
): Candidate {
  const text = normalized.text;
  const { quote, prefix, suffix } = target;
  const startKind = boundaryKind(prefix.at(-1), quote[0]);
  const endKind = boundaryKind(quote.at(-1), suffix[0]);
  const fit = (candidate: Candidate) =>
    candidate.score +
    (boundaryKind(text[candidate.start - 1], text[candidate.start]) === startKind
      ? BOUNDARY_BONUS
      : 0) +
    (boundaryKind(text[candidate.end - 1], text[candidate.end]) === endKind ? BOUNDARY_BONUS : 0);
  let best = scoreCandidate(text, target, start, end);
  for (const side of ['start', 'end'] as const) {
    const base = best;
    for (let shift = -BOUNDARY_SHIFT; shift <= BOUNDARY_SHIFT; shift += 1) {
      const s = side === 'start' ? base.start + shift : base.start;
      const e = side === 'end' ? base.end + shift : base.end;
      if (shift === 0 || s < 0 || e > text.length || s >= e) continue;
      const at = side === 'start' ? s : e;
      const kind = side === 'start' ? startKind : endKind;
      if (boundaryKind(text[at - 1], text[at]) !== kind) continue;
      const candidate = scoreCandidate(text, target, s, e);
      if (fit(candidate) > fit(best)) best = candidate;
    }
  }
  return best;
}
