/**
 * Which words of a result to mark for the user: those the query matched, found with the same
 * segmenting and folding as the index, so "coree" marks "Corée" in a title.
 */
import { foldText } from './fold.ts';
import { parseQuery } from './tokenize.ts';

export interface TextPiece {
  text: string;
  marked: boolean;
}

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Splits text into marked and unmarked pieces; the pieces joined are the text unchanged. */
export function markMatches(text: string, query: string): TextPiece[] {
  const { words, prefix } = parseQuery(query);
  if (words.length === 0 && prefix === null) return [{ text, marked: false }];
  const whole = new Set(words);
  const matches = (word: string) =>
    foldText(word)
      .split(/['’ʼ]/u)
      .some((part) => whole.has(part) || (prefix !== null && part.startsWith(prefix)));
  const pieces: TextPiece[] = [];
  for (const segment of wordSegmenter.segment(text)) {
    const marked = segment.isWordLike === true && matches(segment.segment);
    const last = pieces.at(-1);
    if (last && last.marked === marked) last.text += segment.segment;
    else pieces.push({ text: segment.segment, marked });
  }
  return pieces;
}
