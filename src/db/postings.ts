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
 * Records are also cut into shards by first save date, so a save rewrites only the records of
 * its own recent shard, never lists as long as the whole collection.
 *
 * Pure data and functions: the popup's reader (no Dexie) builds its key ranges from here too.
 */
import type { Table } from 'dexie';
import type { SearchDoc } from './derived.ts';

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
  /** Each word of the bucket and the list keys of its articles, ascending. */
  lists: Map<string, Float64Array>;
}

export type PostingId = [PostingField, string, number];

export const POSTING_INDEXES = '[field+bucket+shard]';

const BUCKET_LENGTH = 3;

export function bucketOf(term: string): string {
  return term.slice(0, BUCKET_LENGTH);
}

/**
 * List keys are first-save milliseconds × 1024 (see derived.ts); a shard spans 2^30 ms, about
 * twelve days, so someone saving fifty articles a day has about six hundred per shard.
 */
const KEYS_PER_SHARD = 1024 * 2 ** 30;

export function shardOf(key: number): number {
  return Math.floor(key / KEYS_PER_SHARD);
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

/** The list keys in these records of the words that are `word` or, by prefix, start with it. */
export function keysInPostings(
  postings: readonly Posting[],
  word: string,
  match: 'whole' | 'prefix',
): Set<number> {
  const keys = new Set<number>();
  for (const posting of postings) {
    if (match === 'whole') {
      for (const key of posting.lists.get(word) ?? []) keys.add(key);
      continue;
    }
    for (const [term, list] of posting.lists) {
      if (term.startsWith(word)) for (const key of list) keys.add(key);
    }
  }
  return keys;
}

interface TermChange {
  added: number[];
  removed: number[];
}

interface PendingRecord {
  id: PostingId;
  terms: Map<string, TermChange>;
}

/**
 * Changes to posting lists gathered while derived rows are rewritten, applied once: a refresh
 * that removes an article's words and adds the same words back (marking it read, say) writes
 * nothing, and an import of thousands of articles reads and writes each record once.
 */
export class PostingChanges {
  private readonly pending = new Map<string, PendingRecord>();

  addDoc(doc: SearchDoc): void {
    this.each(doc, (change) => change.added.push(doc.key));
  }

  removeDoc(doc: SearchDoc): void {
    this.each(doc, (change) => change.removed.push(doc.key));
  }

  private each(doc: SearchDoc, record: (change: TermChange) => void): void {
    const shard = shardOf(doc.key);
    const lists: [PostingField, string[]][] = [
      [POSTING_FIELDS.body, doc.terms],
      [POSTING_FIELDS.strong, doc.strongTerms],
      [POSTING_FIELDS.title, doc.titleTerms],
    ];
    for (const [field, terms] of lists) {
      for (const term of terms) record(this.changeFor([field, bucketOf(term), shard], term));
    }
  }

  private changeFor(id: PostingId, term: string): TermChange {
    const name = id.join('\u0000');
    let pending = this.pending.get(name);
    if (!pending) {
      pending = { id, terms: new Map() };
      this.pending.set(name, pending);
    }
    let change = pending.terms.get(term);
    if (!change) {
      change = { added: [], removed: [] };
      pending.terms.set(term, change);
    }
    return change;
  }

  /** Writes the net changes; must run inside the caller's transaction over `postings`. */
  async applyTo(table: Table<Posting, PostingId>): Promise<void> {
    const effective = [...this.pending.values()].flatMap((pending) => {
      const terms = new Map<string, TermChange>();
      for (const [term, change] of pending.terms) {
        const net = netChange(change);
        if (net) terms.set(term, net);
      }
      return terms.size > 0 ? [{ id: pending.id, terms }] : [];
    });
    this.pending.clear();
    for (let at = 0; at < effective.length; at += APPLY_BATCH) {
      const batch = effective.slice(at, at + APPLY_BATCH);
      const current = await table.bulkGet(batch.map((pending) => pending.id));
      const puts: Posting[] = [];
      const deletes: PostingId[] = [];
      batch.forEach(({ id, terms }, index) => {
        const lists = current[index]?.lists ?? new Map<string, Float64Array>();
        for (const [term, change] of terms) {
          const keys = applyChange(lists.get(term), change);
          if (keys.length === 0) lists.delete(term);
          else lists.set(term, keys);
        }
        const [field, bucket, shard] = id;
        if (lists.size === 0) deletes.push(id);
        else puts.push({ field, bucket, shard, lists });
      });
      await Promise.all([table.bulkPut(puts), table.bulkDelete(deletes)]);
    }
  }
}

/** Postings read and written at a time. */
const APPLY_BATCH = 2000;

/** Keys both removed and added cancel out; null when nothing is left to do. */
function netChange(change: TermChange): TermChange | null {
  const removed = new Set(change.removed);
  const added = change.added.filter((key) => !removed.delete(key));
  if (added.length === 0 && removed.size === 0) return null;
  return { added, removed: [...removed] };
}

function applyChange(current: Float64Array | undefined, change: TermChange): Float64Array {
  let kept = current ?? new Float64Array(0);
  if (change.removed.length > 0) {
    const removed = new Set(change.removed);
    kept = kept.filter((key) => !removed.has(key));
  }
  const added = change.added.filter((key) => !containsSorted(kept, key));
  if (added.length === 0) return kept;
  const next = new Float64Array(kept.length + added.length);
  next.set(kept);
  next.set(added, kept.length);
  // A new save's key is the highest, so most of the time this is already in order.
  return next.sort();
}

function containsSorted(keys: Float64Array, key: number): boolean {
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = keys[middle] ?? 0;
    if (value === key) return true;
    if (value < key) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
