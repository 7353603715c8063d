/**
 * How writes change the search postings (see postings.ts): every change gathered first, then
 * each record read and written once.
 */
import type { Table } from 'dexie';
import type { SearchDoc } from './derived.ts';
import {
  POSTING_FIELDS,
  bucketOf,
  listsOf,
  wordListOf,
  wordsOf,
  type Posting,
  type PostingField,
  type PostingId,
} from './postings.ts';

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
  /** By shard, then by field and bucket: no key is built per word, an import meets millions. */
  private readonly pending = new Map<number, Map<string, PendingRecord>>();
  /** Shards that held no article before these changes (see `shardsWereEmpty`). */
  private readonly emptyShards = new Set<number>();

  /**
   * These shards held no article before the changes: their records are written without being
   * read first. A first sync or an import fills shard after shard, and reading hundreds of
   * thousands of records that are not there costs as much as a third of writing them.
   */
  shardsWereEmpty(shards: Iterable<number>): void {
    for (const shard of shards) this.emptyShards.add(shard);
  }

  addDoc(doc: SearchDoc): void {
    this.each(doc, (change) => change.added.push(doc.key));
  }

  removeDoc(doc: SearchDoc): void {
    this.each(doc, (change) => change.removed.push(doc.key));
  }

  private each(doc: SearchDoc, record: (change: TermChange) => void): void {
    const { shard } = doc;
    let records = this.pending.get(shard);
    if (!records) {
      records = new Map();
      this.pending.set(shard, records);
    }
    const lists: [PostingField, string][] = [
      [POSTING_FIELDS.body, doc.terms],
      [POSTING_FIELDS.strong, doc.strongTerms],
      [POSTING_FIELDS.title, doc.titleTerms],
    ];
    for (const [field, words] of lists) {
      for (const term of wordsOf(words)) {
        const bucket = bucketOf(term);
        const name = field + bucket;
        let pending = records.get(name);
        if (!pending) {
          pending = { id: [field, bucket, shard], terms: new Map() };
          records.set(name, pending);
        }
        let change = pending.terms.get(term);
        if (!change) {
          change = { added: [], removed: [] };
          pending.terms.set(term, change);
        }
        record(change);
      }
    }
  }

  /**
   * Writes the net changes; must run inside the caller's transaction over `postings`.
   * `onProgress` hears the share of records written (0–1) after each batch.
   */
  async applyTo(
    table: Table<Posting, PostingId>,
    onProgress?: (fraction: number) => void,
  ): Promise<void> {
    const effective = [...this.pending.values()]
      .flatMap((records) => [...records.values()])
      .flatMap((pending) => {
        const terms = new Map<string, TermChange>();
        for (const [term, change] of pending.terms) {
          const net = netChange(change);
          if (net) terms.set(term, net);
        }
        return terms.size > 0 ? [{ id: pending.id, terms }] : [];
      });
    const unread = new Set(this.emptyShards);
    this.pending.clear();
    this.emptyShards.clear();
    for (let at = 0; at < effective.length; at += APPLY_BATCH) {
      const batch = effective.slice(at, at + APPLY_BATCH);
      const toRead = batch.filter((pending) => !unread.has(pending.id[2]));
      const read = await table.bulkGet(toRead.map((pending) => pending.id));
      const found = new Map(toRead.map((pending, index) => [pending, read[index]]));
      const current = batch.map((pending) => found.get(pending));
      const puts: Posting[] = [];
      const deletes: PostingId[] = [];
      batch.forEach(({ id, terms }, index) => {
        const stored = current[index];
        const lists = new Map(stored ? listsOf(stored) : []);
        for (const [term, change] of terms) {
          const keys = applyChange(lists.get(term), change);
          if (keys.length === 0) lists.delete(term);
          else lists.set(term, keys);
        }
        if (lists.size === 0) deletes.push(id);
        else puts.push(postingOf(id, lists));
      });
      await Promise.all([table.bulkPut(puts), table.bulkDelete(deletes)]);
      onProgress?.(Math.min(1, (at + batch.length) / effective.length));
    }
  }
}

/** A record of these words' lists, in the shape postings.ts reads. */
function postingOf([field, bucket, shard]: PostingId, lists: Map<string, Float64Array>): Posting {
  const ordered = [...lists].sort(([a], [b]) => (a < b ? -1 : 1));
  const counts = Uint32Array.from(ordered, ([, list]) => list.length);
  const keys = new Float64Array(counts.reduce((total, count) => total + count, 0));
  let start = 0;
  for (const [, list] of ordered) {
    keys.set(list, start);
    start += list.length;
  }
  return { field, bucket, shard, words: wordListOf(ordered.map(([word]) => word)), counts, keys };
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
