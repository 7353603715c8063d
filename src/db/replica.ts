/**
 * The library's side of sync: which articles wait to be sent, each article's last synced state,
 * and writing what arrives from other devices. The state's shape belongs to the sync layer
 * (src/sync/crdt.ts); here it is opaque, so the storage layer stays free of sync rules.
 *
 * Everything that arrives is written with its derived rows (list card, search words) and the
 * sync checkpoint in one transaction: a worker stopped in the middle leaves either the whole
 * batch or none of it, and the next sync starts again from the checkpoint.
 */
import type { Annotation } from '../shared/annotation.ts';
import type { ArticleRecord } from '../shared/article.ts';
import { groupBy } from '../shared/group-by.ts';
import { urlKeysOf } from '../shared/url.ts';
import { deriveCreated, refreshInParallel } from './derive-many.ts';
import { writeTables, type SearchWords } from './derived.ts';
import { imageTables, releaseImages } from './images.ts';
import { PostingChanges } from './posting-changes.ts';
import { toRecord } from './records.ts';
import type { MarginsDatabase, StoredArticle } from './schema.ts';

/** An article changed on this device since it was last sent (refreshDerived marks it). */
export interface OutboxEntry {
  articleId: string;
  /** When it last changed (ms): the time its changes are stamped with. */
  changedAt: number;
}

export interface SyncDocRow<State = unknown> {
  articleId: string;
  /** The server document's id (a keyed hash of the article id). */
  docId: string;
  /** The server's revision this state was read or written as; null before the first send. */
  rev: string | null;
  state: State;
  /** The state holds changes the server does not have yet. */
  unsent: boolean;
}

export interface SyncMetaRow {
  key: string;
  value: unknown;
}

export interface LocalCopy<State = unknown> {
  articleId: string;
  article: ArticleRecord | null;
  annotations: Annotation[];
  row: SyncDocRow<State> | undefined;
  outbox: OutboxEntry | undefined;
}

/** The tables a replica write holds besides the library's own. */
function replicaTables(db: MarginsDatabase) {
  return [...writeTables(db), ...imageTables(db), db.syncDocs, db.syncMeta];
}

/** What this device holds of these articles, read together. */
export async function readLocalCopies<State>(
  db: MarginsDatabase,
  articleIds: readonly string[],
): Promise<LocalCopy<State>[]> {
  return db.transaction(
    'r',
    [db.articles, db.annotations, db.syncDocs, db.syncOutbox],
    async () => {
      const ids = [...articleIds];
      const [articles, rows, outbox] = await Promise.all([
        db.articles.bulkGet(ids),
        db.syncDocs.bulkGet(ids),
        db.syncOutbox.bulkGet(ids),
      ]);
      // Annotations are deleted with their article, so only articles held here can have any: a
      // first sync, whose articles are all new, does not look them up in the index.
      const held = ids.filter((_id, at) => articles[at] !== undefined);
      const annotations = groupBy(
        held.length > 0 ? await db.annotations.where('articleId').anyOf(held).toArray() : [],
        (annotation) => annotation.articleId,
      );
      return ids.map((articleId, at) => {
        const article = articles[at];
        return {
          articleId,
          article: article ? toRecord(article) : null,
          annotations: annotations.get(articleId) ?? [],
          row: rows[at] as SyncDocRow<State> | undefined,
          outbox: outbox[at],
        };
      });
    },
  );
}

export interface ReplicaWrite<State> {
  articleId: string;
  /** The synced state to keep, or null when there is none to keep (never sent, now deleted). */
  row: SyncDocRow<State> | null;
  /**
   * The records to store now, or undefined to leave the library's copy as it is. `words`: the
   * article's search words (derived.ts `searchWordsOf`) when the caller made them ahead, for an
   * article new here; otherwise they are made in the transaction.
   */
  records?: { article: ArticleRecord | null; annotations: Annotation[]; words?: SearchWords };
  /** The outbox entry's `changedAt` when the article was read (undefined: it had none). */
  readChangedAt: number | undefined;
  /** The merged state holds local changes the server does not have yet. */
  keepInOutbox: boolean;
}

/**
 * The article changed on this device after it was read for this sync: writing what was merged
 * from the older read would lose that change, so the batch is given up and read again.
 */
export class ChangedMeanwhileError extends Error {
  override name = 'ChangedMeanwhileError';
}

/** An article already stored: its annotations and record replaced by what was merged. */
async function replaceRecords(
  db: MarginsDatabase,
  articleId: string,
  records: NonNullable<ReplicaWrite<unknown>['records']>,
  stored: StoredArticle,
) {
  const keep = new Set(records.annotations.map((annotation) => annotation.id));
  await db.annotations
    .where('articleId')
    .equals(articleId)
    .filter((annotation) => !keep.has(annotation.id))
    .delete();
  if (!records.article) {
    await db.articles.delete(articleId);
    await releaseImages(db, [articleId]);
    return;
  }
  const urlKeys = [...new Set([...stored.urlKeys, ...urlKeysOf(records.article)])];
  await db.articles.put({ ...records.article, urlKeys });
  await db.annotations.bulkPut(records.annotations);
}

/**
 * Writes synced states (and the records they render to) in one transaction, with the sync's own
 * values given (its checkpoint). Articles new to this device are written in bulk with their derived rows
 * made in memory (a first sync brings thousands); the others are refreshed side by side. The
 * search postings of the whole batch are applied once.
 */
export async function writeReplicaBatch<State>(
  db: MarginsDatabase,
  writes: readonly ReplicaWrite<State>[],
  meta: readonly SyncMetaRow[] = [],
): Promise<void> {
  // Nothing to write: no read-write transaction over every table, which would hold up readers.
  if (writes.length === 0 && meta.length === 0) return;
  await db.transaction('rw', replicaTables(db), async () => {
    const ids = writes.map((write) => write.articleId);
    const [entries, stored] = await Promise.all([
      db.syncOutbox.bulkGet(ids),
      db.articles.bulkGet(ids),
    ]);
    const created: StoredArticle[] = [];
    const createdAnnotations: Annotation[] = [];
    const madeWords = new Map<string, SearchWords>();
    const refreshed: StoredArticle[] = [];
    const leaveOutbox: string[] = [];
    const stayInOutbox: OutboxEntry[] = [];
    for (const [at, write] of writes.entries()) {
      const unchanged = entries[at]?.changedAt === write.readChangedAt;
      const before = stored[at];
      if (write.records) {
        if (!unchanged) throw new ChangedMeanwhileError(write.articleId);
        const { article, annotations, words } = write.records;
        if (!before && article) {
          created.push({ ...article, urlKeys: urlKeysOf(article) });
          createdAnnotations.push(...annotations);
          if (words) madeWords.set(article.id, words);
        } else if (before) {
          await replaceRecords(db, write.articleId, write.records, before);
          refreshed.push(before);
        }
      }
      if (write.keepInOutbox) {
        stayInOutbox.push({
          articleId: write.articleId,
          changedAt: write.readChangedAt ?? Date.now(),
        });
      } else if ((unchanged || write.records) && (entries[at] || (write.records && before))) {
        // Only an entry that exists, or that the refresh below adds, is taken out: deleting
        // thousands of absent entries cost a first sync a second per 10,000 articles.
        leaveOutbox.push(write.articleId);
      }
    }
    const postings = new PostingChanges();
    await db.articles.bulkPut(created);
    await db.annotations.bulkPut(createdAnnotations);
    const derived = await deriveCreated(db, created, createdAnnotations, postings, madeWords);
    await Promise.all([db.cards.bulkPut(derived.cards), db.searchDocs.bulkPut(derived.searchDocs)]);
    await refreshInParallel(db, refreshed, postings, () => undefined);
    await db.syncDocs.bulkPut(writes.flatMap((write) => (write.row ? [write.row] : [])));
    // After the refreshes, which mark every article they touch: what arrived is not a local change.
    await db.syncOutbox.bulkDelete(leaveOutbox);
    await db.syncOutbox.bulkPut(stayInOutbox);
    await postings.applyTo(db.postings);
    await db.syncMeta.bulkPut(meta);
  });
}

/**
 * The articles waiting to be sent, oldest first save first, then deleted ones. A device that
 * receives a whole library then gets it in the order it grew, so posting shards
 * (posting-shards.ts), which fill in arrival order, hold articles saved around the same time.
 * When no more than `unordered` wait (the usual push after a change), any order will do and the
 * library's save-date index is not read.
 */
export async function outboxInSaveOrder(db: MarginsDatabase, unordered: number): Promise<string[]> {
  return db.transaction('r', [db.articles, db.syncOutbox], async () => {
    const waiting = (await db.syncOutbox.toCollection().primaryKeys()) as string[];
    if (waiting.length <= unordered) return waiting;
    const left = new Set(waiting);
    const bySave = (await db.articles.orderBy('savedAt').primaryKeys()) as string[];
    const ordered = bySave.filter((id) => left.delete(id));
    return [...ordered, ...left];
  });
}

export async function outboxSize(db: MarginsDatabase): Promise<number> {
  return db.syncOutbox.count();
}

/** Every article waits to be sent: turning sync on sends the whole library once. */
export async function markAllForSync(db: MarginsDatabase): Promise<number> {
  return db.transaction('rw', [db.articles, db.syncOutbox, db.syncDocs], async () => {
    const ids = (await db.articles.toCollection().primaryKeys()) as string[];
    const changedAt = Date.now();
    await db.syncOutbox.bulkPut(ids.map((articleId) => ({ articleId, changedAt })));
    return ids.length;
  });
}

/** The article of each of these server documents that this device has synced, by document id. */
export async function articlesOfDocuments(
  db: MarginsDatabase,
  docIds: readonly string[],
): Promise<Map<string, string>> {
  const articles = new Map<string, string>();
  // Keys only: the rows hold whole synced states.
  await db.syncDocs
    .where('docId')
    .anyOf([...docIds])
    .eachKey((docId, cursor) => articles.set(String(docId), String(cursor.primaryKey)));
  return articles;
}

export async function readSyncMeta(db: MarginsDatabase, key: string): Promise<unknown> {
  return (await db.syncMeta.get(key))?.value;
}

export async function writeSyncMeta(db: MarginsDatabase, key: string, value: unknown) {
  await db.syncMeta.put({ key, value });
}

/** Turning sync off forgets the server's side; the library itself is untouched. */
export async function forgetReplica(db: MarginsDatabase): Promise<void> {
  await db.transaction('rw', [db.syncDocs, db.syncMeta, db.syncOutbox], async () => {
    await Promise.all([db.syncDocs.clear(), db.syncMeta.clear(), db.syncOutbox.clear()]);
  });
}

/**
 * The synced states of articles this library no longer holds (deleted here or on another
 * device), to find the tombstones that may leave the server. Only keys are read to find them:
 * every sync asks, and reading every state would read every article's body again.
 */
export async function deletedArticleRows<State>(db: MarginsDatabase): Promise<SyncDocRow<State>[]> {
  return db.transaction('r', [db.syncDocs, db.articles], async () => {
    const [synced, held] = await Promise.all([
      db.syncDocs.toCollection().primaryKeys(),
      db.articles.toCollection().primaryKeys(),
    ]);
    const here = new Set(held);
    const gone = (synced as string[]).filter((articleId) => !here.has(articleId));
    const rows = await db.syncDocs.bulkGet(gone);
    return rows.filter((row) => row !== undefined) as SyncDocRow<State>[];
  });
}

export async function dropSyncRows(db: MarginsDatabase, articleIds: readonly string[]) {
  await db.syncDocs.bulkDelete([...articleIds]);
}

/**
 * The server was set up again (its documents are gone or new): read it from the start, and
 * send every article again as if never sent.
 */
export async function resetReplicaRevisions(db: MarginsDatabase, checkpointKey: string) {
  await db.transaction('rw', [db.articles, db.syncDocs, db.syncMeta, db.syncOutbox], async () => {
    await db.syncMeta.delete(checkpointKey);
    await db.syncDocs.toCollection().modify({ rev: null, unsent: true });
    const ids = (await db.articles.toCollection().primaryKeys()) as string[];
    const changedAt = Date.now();
    await db.syncOutbox.bulkPut(ids.map((articleId) => ({ articleId, changedAt })));
  });
}
