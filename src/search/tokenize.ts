/**
 * Words as search sees them. `Intl.Segmenter` finds word boundaries for every script, including
 * those written without spaces (Japanese, Chinese, Thai), so the same rules split the saved text
 * and what the user types.
 */
import { foldText } from './fold.ts';

/** Longer "words" are hashes, URLs or glued text nobody types; they only bloat the index. */
const MAX_TERM_LENGTH = 40;

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Apostrophes join elided articles to words ("l'article", "dell’anno"); each part is a word. */
const APOSTROPHES = /['’ʼ]/u;

/** The folded words of a text, in order, repeats included. */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const segment of wordSegmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    for (const part of foldText(segment.segment).split(APOSTROPHES)) {
      if (part && part.length <= MAX_TERM_LENGTH) words.push(part);
    }
  }
  return words;
}

/** The distinct folded words of some texts. */
export function termSet(...texts: (string | null | undefined)[]): Set<string> {
  const terms = new Set<string>();
  for (const text of texts) {
    if (text) for (const word of tokenize(text)) terms.add(word);
  }
  return terms;
}

export interface ParsedQuery {
  /** Words that must each appear whole. */
  words: string[];
  /** The word being typed: matched as the start of a word. Null once the user typed a space. */
  prefix: string | null;
  /** Every word of the query, for marking matches in results. */
  all: string[];
}

/**
 * "coree du n" → words ["coree", "du"], prefix "n": search runs as the user types, so the last
 * word is usually unfinished.
 */
export function parseQuery(input: string): ParsedQuery {
  const all = [...new Set(tokenize(input))];
  const typingLastWord = /[\p{L}\p{N}]$/u.test(input.trim()) && !/\s$/u.test(input);
  if (all.length === 0) return { words: [], prefix: null, all };
  if (!typingLastWord) return { words: all, prefix: null, all };
  const last = tokenize(input).at(-1) ?? null;
  return { words: all.filter((word) => word !== last), prefix: last, all };
}
