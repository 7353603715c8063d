/**
 * Word counts must work for scripts without spaces (Chinese, Japanese, Thai); Intl.Segmenter is
 * used only for those.
 */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const segmenters = new Map<string, Intl.Segmenter | null>();

function segmenterFor(lang: string | null | undefined): Intl.Segmenter | null {
  if (typeof Intl.Segmenter !== 'function') return null;
  const key = lang ?? '';
  if (!segmenters.has(key)) {
    try {
      segmenters.set(key, new Intl.Segmenter(lang ?? undefined, { granularity: 'word' }));
    } catch {
      segmenters.set(key, new Intl.Segmenter(undefined, { granularity: 'word' }));
    }
  }
  return segmenters.get(key) ?? null;
}

/**
 * Number of words in `text`: runs of letters and digits (an apostrophe, a dot, a hyphen or a soft
 * hyphen between two runs joins them), or Unicode word segments for unspaced scripts.
 */
export function countWords(text: string, lang?: string | null): number {
  if (!text.trim()) return 0;
  const seg = UNSPACED.test(text) ? segmenterFor(lang) : null;
  if (!seg)
    return text.match(/[\p{L}\p{N}\p{M}]+(?:['’.\u00ad-][\p{L}\p{N}\p{M}]+)*/gu)?.length ?? 0;
  let count = 0;
  for (const part of seg.segment(text)) if (part.isWordLike) count++;
  return count;
}
