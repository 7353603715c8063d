/**
 * Search over the postings of each article's words (see ../postings.ts). Every query word must
 * appear in the article; the word being typed matches as a prefix. Results come back as list
 * keys, ranked: articles whose title, author, site, tags, notes or highlights hold the words
 * come before those that only have them in the body text, then newest first.
 */
import { parseQuery } from '../../search/tokenize.ts';
import {
  POSTING_FIELDS,
  keysInPostings,
  postingRange,
  type Posting,
  type PostingField,
} from '../postings.ts';
import { libraryGeneration } from './changes.ts';
import type { LibraryReader } from './idb.ts';

const { body, strong: strongField, title } = POSTING_FIELDS;

/** The articles listed under one word, or under every word with a prefix. */
async function keysWhere(
  reader: LibraryReader,
  field: PostingField,
  word: string,
  match: 'whole' | 'prefix' = 'whole',
): Promise<Set<number>> {
  const postings = await reader.valuesInRange<Posting>(
    'postings',
    postingRange(field, word, match),
  );
  return keysInPostings(postings, word, match);
}

interface WordHits {
  /** Articles with the word anywhere. */
  anywhere: Set<number>;
  /** Articles with the word in their title, author, site, tags, notes or highlights. */
  strong: Set<number>;
}

/** A finished word must appear whole. */
async function readWholeWordHits(reader: LibraryReader, word: string): Promise<WordHits> {
  const [anywhere, strong] = await Promise.all([
    keysWhere(reader, body, word),
    keysWhere(reader, strongField, word),
  ]);
  for (const key of strong) anywhere.add(key);
  return { anywhere, strong };
}

/**
 * The hits of finished words, kept while the user types the next ones: each keystroke then reads
 * only the word being typed. Emptied as soon as any context commits a write, and when another
 * database is searched.
 */
const finishedWords = {
  reader: null as LibraryReader | null,
  generation: -1,
  hits: new Map<string, Promise<WordHits>>(),
};
const MAX_CACHED_WORDS = 64;

function wholeWordHits(reader: LibraryReader, word: string): Promise<WordHits> {
  const generation = libraryGeneration();
  if (
    finishedWords.reader !== reader ||
    finishedWords.generation !== generation ||
    finishedWords.hits.size >= MAX_CACHED_WORDS
  ) {
    finishedWords.reader = reader;
    finishedWords.generation = generation;
    finishedWords.hits.clear();
  }
  let hits = finishedWords.hits.get(word);
  if (!hits) {
    hits = readWholeWordHits(reader, word);
    finishedWords.hits.set(word, hits);
    // A failed read is not kept: the next keystroke tries again.
    hits.catch(() => finishedWords.hits.delete(word));
  }
  return hits;
}

/**
 * How much of the vocabulary the word being typed is looked up in grows with its length: a
 * two- or three-letter start of a word matches a large share of every body's words (and of
 * highlighted passages), and reading those would cost every keystroke tens of thousands of keys.
 *   1 letter: whole words only;
 *   2–3 letters: the start of title, author, site and tag words, or a whole word anywhere;
 *   4 letters or more: the start of any word.
 */
const MIN_PREFIX = 2;
const MIN_BODY_PREFIX = 4;

async function typedWordHits(reader: LibraryReader, prefix: string): Promise<WordHits> {
  if (prefix.length < MIN_PREFIX) return readWholeWordHits(reader, prefix);
  if (prefix.length < MIN_BODY_PREFIX) {
    const [whole, named] = await Promise.all([
      readWholeWordHits(reader, prefix),
      keysWhere(reader, title, prefix, 'prefix'),
    ]);
    for (const key of named) {
      whole.anywhere.add(key);
      whole.strong.add(key);
    }
    return whole;
  }
  const [anywhere, strong] = await Promise.all([
    keysWhere(reader, body, prefix, 'prefix'),
    keysWhere(reader, strongField, prefix, 'prefix'),
  ]);
  for (const key of strong) anywhere.add(key);
  return { anywhere, strong };
}

function intersect(sets: Set<number>[]): Set<number> {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  if (!smallest) return new Set();
  const result = new Set<number>();
  for (const key of smallest) if (rest.every((set) => set.has(key))) result.add(key);
  return result;
}

/** Keys of the articles matching the query, best first; null when the query has no words. */
export async function searchKeys(reader: LibraryReader, input: string): Promise<number[] | null> {
  const { words, prefix } = parseQuery(input);
  if (words.length === 0 && prefix === null) return null;
  const hits = await Promise.all([
    ...words.map((word) => wholeWordHits(reader, word)),
    ...(prefix === null ? [] : [typedWordHits(reader, prefix)]),
  ]);
  const matches = intersect(hits.map((hit) => hit.anywhere));
  const strength = new Map<number, number>();
  for (const key of matches) {
    strength.set(
      key,
      hits.reduce((count, hit) => count + (hit.strong.has(key) ? 1 : 0), 0),
    );
  }
  // Keys grow with the first save date, so a higher key is a newer article.
  return [...matches].sort((a, b) => (strength.get(b) ?? 0) - (strength.get(a) ?? 0) || b - a);
}
