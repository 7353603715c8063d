/**
 * Words as search sees them: runs of letters and digits, folded (see fold.ts). Scripts written
 * without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese) are split with
 * `Intl.Segmenter`'s dictionaries; every other script is split at spaces and punctuation, which is
 * what the segmenter would do there too, at a small fraction of its cost (it is the slowest step of
 * a save). The same rules split the saved text and what the user types.
 */
import { foldText } from './fold.ts';

/** Longer "words" are hashes, URLs or glued text nobody types; they only bloat the index. */
const MAX_TERM_LENGTH = 40;

/**
 * Letters (with their marks) and digits; an apostrophe or hyphen ends a word. A soft hyphen
 * ("Ver\u00adant\u00adwor\u00adtung", a point where a browser may break the word) does not: the
 * reader sees one word and types it whole.
 */
const WORD_RUN = /[\p{L}\p{M}\p{N}]+(?:\u00ad[\p{L}\p{M}\p{N}]+)*/gu;
const SOFT_HYPHEN = /\u00ad/g;
const WITHOUT_SPACES =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Already folded: most words of most pages, which need none of foldText's passes. */
const FOLDED_ASCII = /^[a-z0-9]+$/;

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The folded words of one run of letters and digits, in order. */
function eachWordOfRun(found: string, use: (word: string) => void): void {
  const run = found.replace(SOFT_HYPHEN, '');
  if (!WITHOUT_SPACES.test(run)) {
    const word = FOLDED_ASCII.test(run) ? run : foldText(run);
    if (word && word.length <= MAX_TERM_LENGTH) use(word);
    return;
  }
  for (const segment of wordSegmenter.segment(run)) {
    const word = segment.isWordLike ? foldText(segment.segment) : '';
    if (word && word.length <= MAX_TERM_LENGTH) use(word);
  }
}

/** The folded words of a text, in order, repeats included. */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const [run] of text.matchAll(WORD_RUN)) eachWordOfRun(run, (word) => words.push(word));
  return words;
}

/**
 * The distinct folded words of some texts. A run met before is not folded or segmented again:
 * an article repeats most of its words, and this runs for every article saved or synced.
 */
export function termSet(...texts: (string | null | undefined)[]): Set<string> {
  const terms = new Set<string>();
  const runs = new Set<string>();
  const add = (word: string) => terms.add(word);
  for (const text of texts) {
    if (!text) continue;
    for (const [run] of text.matchAll(WORD_RUN)) {
      if (runs.has(run)) continue;
      runs.add(run);
      eachWordOfRun(run, add);
    }
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
