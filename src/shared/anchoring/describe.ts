// Why: a highlight is stored as selectors measured on the text, so it can be found again later.
import { CONTEXT_LENGTH, type RangeSelectors } from './types.ts';

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Describes `text[start, end)` by a quote with about 32 characters of context and by position. */
export function describeRange(text: string, start: number, end: number): RangeSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
    throw new RangeError(`range ${start}..${end} is outside the text (length ${text.length})`);
  }
  if (start >= end) throw new RangeError('cannot describe an empty range');
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  // Never cut a surrogate pair in half: the stored context must stay valid text.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart -= 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd += 1;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}
