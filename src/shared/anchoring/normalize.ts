// Why: whitespace and invisible characters change with markup, so matching ignores them.
/** Runs of whitespace become one space; soft hyphens and zero-width spaces are dropped. */
const WHITESPACE = /\s/;
const INVISIBLE = /[\u00AD\u200B\uFEFF]/;

export interface NormalizedText {
  /** The text with whitespace collapsed and invisible characters removed. */
  text: string;
  /** `toRaw[i]` is the raw offset of normalized character i; `toRaw[text.length]` is the raw length. */
  toRaw: Int32Array;
}

/** Normalizes `raw`, keeping a map back to raw offsets. */
export function normalizeText(raw: string): NormalizedText {
  const chars: string[] = [];
  const toRaw = new Int32Array(raw.length + 1);
  let inSpace = false;
  for (let i = 0; i < raw.length; i += 1) {
    const char = raw[i] ?? '';
    if (INVISIBLE.test(char)) continue;
    if (WHITESPACE.test(char)) {
      if (inSpace) continue;
      inSpace = true;
      toRaw[chars.length] = i;
      chars.push(' ');
      continue;
    }
    inSpace = false;
    toRaw[chars.length] = i;
    chars.push(char);
  }
  toRaw[chars.length] = raw.length;
  return { text: chars.join(''), toRaw: toRaw.slice(0, chars.length + 1) };
}

/** Normalizes a short string without keeping the offset map. */
export function normalizeString(raw: string): string {
  return raw.replace(/[\u00AD\u200B\uFEFF]/g, '').replace(/\s+/g, ' ');
}

/** The normalized offset of the first normalized character at or after raw offset `raw`. */
export function rawToNormalized(normalized: NormalizedText, raw: number): number {
  const { toRaw } = normalized;
  let low = 0;
  let high = toRaw.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((toRaw[mid] ?? 0) < raw) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Maps a normalized range back to raw offsets: from its first character to after its last. */
export function normalizedRangeToRaw(
  normalized: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const rawStart = normalized.toRaw[start] ?? 0;
  const rawEnd = end > start ? (normalized.toRaw[end - 1] ?? 0) + 1 : rawStart;
  return { start: rawStart, end: rawEnd };
}
