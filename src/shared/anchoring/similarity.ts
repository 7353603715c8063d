// Why: candidates are ranked by how closely their quote and surrounding text match the record.

/** Levenshtein distance between `a` and `b`, in UTF-16 code units. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/**
 * Fewest edits turning `pattern` into some prefix of `text` (the rest of `text` is free).
 * Used for context: the recorded suffix must line up with what now follows the candidate.
 */
export function prefixAlignDistance(pattern: string, text: string): number {
  if (pattern.length === 0) return 0;
  let previous = new Uint32Array(text.length + 1);
  let current = new Uint32Array(text.length + 1);
  for (let j = 0; j <= text.length; j += 1) previous[j] = j;
  for (let i = 1; i <= pattern.length; i += 1) {
    current[0] = i;
    const cp = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= text.length; j += 1) {
      const cost = cp === text.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    [previous, current] = [current, previous];
  }
  return Math.min(...previous);
}

const reverse = (value: string) => [...value].reverse().join('');

/** 1 when the recorded suffix follows `after` exactly, falling towards 0 as it differs. */
export function suffixSimilarity(recorded: string, after: string): number {
  if (recorded.length === 0) return 1;
  return 1 - prefixAlignDistance(recorded, after) / recorded.length;
}

/** 1 when the recorded prefix precedes `before` exactly, falling towards 0 as it differs. */
export function prefixSimilarity(recorded: string, before: string): number {
  if (recorded.length === 0) return 1;
  return 1 - prefixAlignDistance(reverse(recorded), reverse(before)) / recorded.length;
}
