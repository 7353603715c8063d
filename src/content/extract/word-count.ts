// Word counts must work for scripts without spaces (Chinese, Japanese, Thai), so use Intl.Segmenter when present.
let segmenter: Intl.Segmenter | null | undefined;

/** Number of words in `text`, by Unicode word segmentation where available. */
export function countWords(text: string, lang?: string | null): number {
  if (!text.trim()) return 0;
  if (segmenter === undefined) {
    segmenter =
      typeof Intl.Segmenter === 'function'
        ? new Intl.Segmenter(undefined, { granularity: 'word' })
        : null;
  }
  const seg = lang && segmenter ? (safeSegmenter(lang) ?? segmenter) : segmenter;
  if (!seg) return text.match(/[\p{L}\p{N}\p{M}]+/gu)?.length ?? 0;
  let count = 0;
  for (const part of seg.segment(text)) if (part.isWordLike) count++;
  return count;
}

function safeSegmenter(lang: string): Intl.Segmenter | null {
  try {
    return new Intl.Segmenter(lang, { granularity: 'word' });
  } catch {
    return null;
  }
}
