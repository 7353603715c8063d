/**
 * The search index proper: for each word, the list keys of the articles that hold it (its
 * "posting list"). Search reads a few records per word instead of one index entry per article
 * that has it: in Chromium every index entry read costs about as much as a small record, so a
 * common word's thousands of entries cost tens of milliseconds per keystroke.
 *
 * Lists are grouped into records by the word's first three letters (a "bucket"), because each
 * record written costs a request of its own: one record per word made an import of ten thousand
 * articles write two hundred thousand records. A word, or a prefix of three letters or more, is
 * in one bucket; a shorter prefix is a small range of buckets.
 *
 * Records are also cut into shards of a few hundred articles (posting-shards.ts; each search row
 * says which), so a save rewrites only the records of its own shard, never lists as long as the
 * whole collection.
 *
 * Shapes and lookups only: the popup's reader (no Dexie) reads with these, and the code that
 * writes postings is in posting-changes.ts, so the popup never loads it.
 */

/** Which words of an article a list files it under (see SearchDoc). */
export const POSTING_FIELDS = {
  /** Body words that are not among the strong ones. */
  body: 'b',
  /** Title, author, site, tags, notes and highlighted passages. */
  strong: 's',
  /** Title, author, site and tags only: what short prefixes are looked up in. */
  title: 't',
} as const;
export type PostingField = (typeof POSTING_FIELDS)[keyof typeof POSTING_FIELDS];

export interface Posting {
  field: PostingField;
  bucket: string;
  shard: number;
  /**
   * The bucket's words, and the list keys of each word's articles: the
   * lists one after another in the words' order, each ascending, `counts` saying how long each
   * is. Three values: a map of one typed array per word made every write and every search
   * clone several times as many objects (see listsOf).
   */
  words: WordList;
  counts: Uint32Array;
  keys: Float64Array;
}

export type PostingId = [PostingField, string, number];

/**
 * Words separated by spaces (no word holds one): how a search row keeps its lists of words and
 * a posting record its words. One string is stored and read far faster than hundreds.
 */
export type WordList = string;

export function wordListOf(words: Iterable<string>): WordList {
  return [...words].join(' ');
}

export function wordsOf(list: WordList): string[] {
  return list === '' ? [] : list.split(' ');
}

const BUCKET_LENGTH = 3;

export function bucketOf(term: string): string {
  return term.slice(0, BUCKET_LENGTH);
}

/** The records that may hold `word` (whole) or words that start with it (prefix), all shards. */
export function postingRange(
  field: PostingField,
  word: string,
  match: 'whole' | 'prefix',
): IDBKeyRange {
  if (match === 'whole' || word.length >= BUCKET_LENGTH) {
    const bucket = bucketOf(word);
    return IDBKeyRange.bound([field, bucket, -Infinity], [field, bucket, Infinity]);
  }
  // Every bucket that starts with `word` sorts between it and it followed by the highest code
  // unit; the shard number after it keeps the bucket `word` itself inside.
  return IDBKeyRange.bound([field, word, -Infinity], [field, `${word}\uffff`, -Infinity]);
}

/** Each word of a record with its list keys (views into the record's keys, not copies). */
export function* listsOf(posting: Posting): Generator<[string, Float64Array]> {
  let start = 0;
  for (const [index, word] of wordsOf(posting.words).entries()) {
    const end = start + (posting.counts[index] ?? 0);
    yield [word, posting.keys.subarray(start, end)];
    start = end;
  }
}

/** The list keys in these records of the words that are `word` or, by prefix, start with it. */
export function keysInPostings(
  postings: readonly Posting[],
  word: string,
  match: 'whole' | 'prefix',
): Set<number> {
  const keys = new Set<number>();
  for (const posting of postings) {
    for (const [term, list] of listsOf(posting)) {
      const matches = match === 'whole' ? term === word : term.startsWith(word);
      if (matches) for (const key of list) keys.add(key);
    }
  }
  return keys;
}
