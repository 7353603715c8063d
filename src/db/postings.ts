/**
 * The search index proper: for each word, the list keys of the articles that hold it (a
 * "posting"). Search reads one record per word instead of one index entry per article that has
 * it: in Chromium each index entry read costs about as much as reading a whole small record, so
 * a common word's tens of thousands of entries cost tens of milliseconds per keystroke, while
 * its posting is one record holding an array of numbers.
 *
 * Postings are cut into shards by first save date, so a save only rewrites the postings of its
 * own recent shard (short lists), never a list as long as the whole collection.
 *
 * Pure data and functions: the popup's reader (no Dexie) builds its key ranges from here too.
 */
import type { Table } from 'dexie';
import type { SearchDoc } from './derived.ts';

/** Which words of an article a posting lists it under (see SearchDoc). */
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
  term: string;
  shard: number;
  /** List keys, ascending. */
  keys: Float64Array;
}

export type PostingId = [PostingField, string, number];

export const POSTING_INDEXES = '[field+term+shard]';

/**
 * List keys are first-save milliseconds × 1024 (see derived.ts); a shard spans 2^30 ms, about
 * twelve days, so someone saving fifty articles a day has about six hundred per shard.
 */
const KEYS_PER_SHARD = 1024 * 2 ** 30;

export function shardOf(key: number): number {
  return Math.floor(key / KEYS_PER_SHARD);
}

/** Every shard of the postings of one word. */
export function wordRange(field: PostingField, term: string): IDBKeyRange {
  return IDBKeyRange.bound([field, term, -Infinity], [field, term, Infinity]);
}

/** Every shard of the postings of the words that start with `prefix`. */
export function prefixRange(field: PostingField, prefix: string): IDBKeyRange {
  // Every string that starts with `prefix` sorts between it and it followed by the highest code
  // unit; the shard number after it keeps `prefix` itself inside.
  return IDBKeyRange.bound([field, prefix, -Infinity], [field, `${prefix}\uffff`, -Infinity]);
}

interface PendingChange {
  id: PostingId;
  added: number[];
  removed: number[];
}

/**
 * Changes to postings gathered while derived rows are rewritten, applied once: a refresh that
 * removes an article's words and adds the same words back (marking it read, say) writes nothing,
 * and an import of thousands of articles reads and writes each posting once.
 */
export class PostingChanges {
  private readonly pending = new Map<string, PendingChange>();

  addDoc(doc: SearchDoc): void {
    this.each(doc, (change) => change.added.push(doc.key));
  }

  removeDoc(doc: SearchDoc): void {
    this.each(doc, (change) => change.removed.push(doc.key));
  }

  private each(doc: SearchDoc, record: (change: PendingChange) => void): void {
    const shard = shardOf(doc.key);
    const lists: [PostingField, string[]][] = [
      [POSTING_FIELDS.body, doc.terms],
      [POSTING_FIELDS.strong, doc.strongTerms],
      [POSTING_FIELDS.title, doc.titleTerms],
    ];
    for (const [field, terms] of lists) {
      for (const term of terms) record(this.changeFor([field, term, shard]));
    }
  }

  private changeFor(id: PostingId): PendingChange {
    const name = id.join('\u0000');
    let change = this.pending.get(name);
    if (!change) {
      change = { id, added: [], removed: [] };
      this.pending.set(name, change);
    }
    return change;
  }

  /** Writes the net changes; must run inside the caller's transaction over `postings`. */
  async applyTo(table: Table<Posting, PostingId>): Promise<void> {
    const effective = [...this.pending.values()].flatMap((change) => {
      const net = netChange(change);
      return net ? [net] : [];
    });
    this.pending.clear();
    for (let at = 0; at < effective.length; at += APPLY_BATCH) {
      const batch = effective.slice(at, at + APPLY_BATCH);
      const current = await table.bulkGet(batch.map((change) => change.id));
      const puts: Posting[] = [];
      const deletes: PostingId[] = [];
      batch.forEach((change, index) => {
        const keys = applyChange(current[index]?.keys, change);
        const [field, term, shard] = change.id;
        if (keys.length === 0) deletes.push(change.id);
        else puts.push({ field, term, shard, keys });
      });
      await Promise.all([table.bulkPut(puts), table.bulkDelete(deletes)]);
    }
  }
}

/** Postings read and written at a time. */
const APPLY_BATCH = 2000;

/** Keys both removed and added cancel out; null when nothing is left to do. */
function netChange(change: PendingChange): PendingChange | null {
  const removed = new Set(change.removed);
  const added = change.added.filter((key) => !removed.delete(key));
  if (added.length === 0 && removed.size === 0) return null;
  return { id: change.id, added, removed: [...removed] };
}

function applyChange(current: Float64Array | undefined, change: PendingChange): Float64Array {
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
