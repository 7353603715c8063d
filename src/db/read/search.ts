/**
 * Search over the words derived from each article (see ../derived.ts). Every query word must
 * appear in the article; the word being typed matches as a prefix. Results come back as list
 * keys, ranked: articles whose title, author, site, tags, notes or highlights hold the words
 * come before those that only have them in the body text, then newest first.
 */
import { parseQuery, type ParsedQuery } from '../../search/tokenize.ts';
import type { LibraryReader } from './idb.ts';

type TermIndex = 'terms' | 'strongTerms';

/**
 * A one-letter prefix matches a large part of the collection's vocabulary; while the user is
 * still at the first letter, only the strong words (titles, tags, highlights…) are searched.
 */
const MIN_BODY_PREFIX = 2;

/** Every string that starts with `prefix` sorts between it and it followed by the highest code unit. */
function prefixRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, `${prefix}\uffff`, false, true);
}

async function keysWith(
  reader: LibraryReader,
  index: TermIndex,
  term: string,
  asPrefix: boolean,
): Promise<Set<number>> {
  const keys = await reader.keysByIndex('searchDocs', index, asPrefix ? prefixRange(term) : term);
  return new Set(keys as number[]);
}

function intersect(sets: Set<number>[]): Set<number> {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  if (!smallest) return new Set();
  const result = new Set<number>();
  for (const key of smallest) if (rest.every((set) => set.has(key))) result.add(key);
  return result;
}

function queryTerms(query: ParsedQuery): { term: string; asPrefix: boolean }[] {
  const terms = query.words.map((term) => ({ term, asPrefix: false }));
  if (query.prefix !== null) terms.push({ term: query.prefix, asPrefix: true });
  return terms;
}

/** Keys of the articles matching the query, best first; null when the query has no words. */
export async function searchKeys(reader: LibraryReader, input: string): Promise<number[] | null> {
  const lookups = queryTerms(parseQuery(input));
  if (lookups.length === 0) return null;
  const bodyIndex = (term: string, asPrefix: boolean): TermIndex =>
    asPrefix && term.length < MIN_BODY_PREFIX ? 'strongTerms' : 'terms';
  const [all, strong] = await Promise.all([
    Promise.all(
      lookups.map(({ term, asPrefix }) =>
        keysWith(reader, bodyIndex(term, asPrefix), term, asPrefix),
      ),
    ),
    Promise.all(
      lookups.map(({ term, asPrefix }) => keysWith(reader, 'strongTerms', term, asPrefix)),
    ),
  ]);
  const strongHits = (key: number) => strong.filter((set) => set.has(key)).length;
  // Keys grow with the first save date, so a higher key is a newer article.
  return [...intersect(all)].sort((a, b) => strongHits(b) - strongHits(a) || b - a);
}
