/**
 * One sync with the server: pull what changed there since the checkpoint, merge it with what
 * changed here, then push what the server lacks. Both directions work in batches; each batch
 * lands in one local transaction (records, derived rows, synced states, checkpoint), so a worker
 * stopped anywhere resumes from the last batch: nothing twice, nothing lost. Document ids are
 * derived from article ids, so a send repeated after a stop updates the same document.
 */
import {
  ChangedMeanwhileError,
  articlesOfDocuments,
  dropSyncRows,
  outboxInSaveOrder,
  readSyncMeta,
  writeSyncMeta,
  type ReplicaWrite,
  type SyncMetaRow,
} from '../db/replica.ts';
import { BULK_SHARD_ARTICLES } from '../db/posting-shards.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import { decodeState, encodeState, type ServerDocument } from './codec.ts';
import type { CouchClient, Sequence } from './couch.ts';
import {
  articleExists,
  emptyArticleState,
  joinArticle,
  latestStamp,
  type ArticleState,
  type Stamp,
} from './crdt.ts';
import type { Cipher } from './crypto.ts';
import { SyncError } from './errors.ts';
import { canonical, recordLocalChanges, sameRecords } from './mapping.ts';
import {
  mergedState,
  nothingHere,
  renderArrival,
  renderMerge,
  type Merge,
  type Rendered,
} from './merge.ts';
import { VAULT_ID } from './vault.ts';
import { foldDuplicates } from './duplicates.ts';
import {
  deletedStates,
  isUnknownState,
  readCopies,
  writeStates,
  type Copy,
} from './local-copies.ts';

export const CHECKPOINT_KEY = 'checkpoint';
/**
 * The articles whose synced state this version of Margins cannot show (see writeOf): tried
 * again at every sync, so an update of Margins that reads them shows them.
 */
export const UNREADABLE_KEY = 'unreadable';
/**
 * Documents pulled and written per transaction: one bulk posting shard, so a first sync fills
 * each shard in one batch and writes its posting records once, without reading them. Larger
 * batches rewrite fewer posting records (200: 14.9 s, 500: 12.5 s, 1,000: 11.9 s for 1,000
 * articles in Chromium, with 500-article shards then); a worker stopped in the middle does one
 * batch again.
 */
export const PULL_BATCH = BULK_SHARD_ARTICLES;
const PUSH_BATCH = 100;
/** Requests stay well under CouchDB's default 8 MB limits (max_document_size, max_http_request_size). */
const MAX_REQUEST_BYTES = 4_000_000;
/** A batch given up because the user changed an article meanwhile is read again, this often. */
const BATCH_ATTEMPTS = 4;
/** Deleted articles' tombstones leave the server after this long (see the README). */
export const TOMBSTONE_DAYS = 30;
const DAY_MS = 86_400_000;

export interface SyncProgress {
  direction: 'pull' | 'push';
  done: number;
}

export interface Replica {
  db: MarginsDatabase;
  couch: CouchClient;
  cipher: Cipher;
  deviceId: string;
  now: () => number;
  onProgress?: (progress: SyncProgress) => void | Promise<void>;
  /** Documents pulled per batch (PULL_BATCH unless given). */
  pullBatch?: number;
}

export interface SyncReport {
  received: number;
  sent: number;
  /** Articles kept in their synced state that this version cannot show (see writeOf). */
  unreadable: number;
}

/** Local changes are stamped when they happened, and after anything this device has seen. */
function localStamp(replica: Replica, copy: Copy, base: ArticleState): Stamp {
  const changedAt = copy.outbox?.changedAt ?? replica.now();
  return { t: Math.max(changedAt, latestStamp(base).t + 1), d: replica.deviceId };
}

function withLocalChanges(replica: Replica, copy: Copy): ArticleState {
  const base = copy.row?.state ?? emptyArticleState(copy.articleId);
  if (!copy.outbox) return base;
  // Without the synced state, which fields changed here is not known: the copy is stamped older
  // than anything, so the server's values win and what only this device holds (a tag, a
  // highlight, a note's text) is added.
  if (isUnknownState(base)) return recordLocalChanges(base, copy, { t: 0, d: replica.deviceId });
  return recordLocalChanges(base, copy, localStamp(replica, copy, base));
}

/**
 * The write that keeps a merge. A state that cannot be shown here is kept as the synced state,
 * the library's copy left as it is, and the article listed in `unreadable` to be tried again.
 */
function writeOf(merge: Merge, unreadable: Set<string>): ReplicaWrite<ArticleState> {
  const { copy, docId, rev, remote } = merge;
  // With nothing of its own on this device, the merge is what arrived: that state is kept, so
  // the packed form it came in is stored as it is (see writeStates).
  const state = mergedState(merge);
  const unsent = remote === null || (!nothingHere(merge) && canonical(state) !== canonical(remote));
  const rendered = renderMerge(merge);
  if (rendered) unreadable.delete(copy.articleId);
  else unreadable.add(copy.articleId);
  return {
    articleId: copy.articleId,
    row: { articleId: copy.articleId, docId, rev, state, unsent },
    records: rendered === null || sameRecords(rendered, copy) ? undefined : rendered,
    readChangedAt: copy.outbox?.changedAt,
    keepInOutbox: unsent,
  };
}

async function decode(replica: Replica, doc: ServerDocument): Promise<ArticleState> {
  try {
    return await decodeState(replica.cipher, doc);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // The vault opened with this key, so a document it does not open was not written with it.
    throw new SyncError('foreign-data', detail);
  }
}

interface Arrival {
  articleId: string;
  docId: string;
  rev: string;
  state: ArticleState;
  /** What `state` renders to (merge.ts `renderArrival`); absent for a deletion. */
  rendered?: Rendered | null;
}

/** A document deleted on the server (an old tombstone removed): the article stays deleted. */
function deletedOnServer(copy: Copy): ArticleState {
  const base = copy.row?.state ?? emptyArticleState(copy.articleId);
  return joinArticle(base, {
    ...emptyArticleState(copy.articleId),
    alive: { v: false, s: { t: latestStamp(base).t, d: '\uffff' } },
  });
}

/**
 * Documents deleted on the server, as arrivals for the articles this device holds of them; read
 * together, since a library emptied on another device sends thousands at once.
 */
async function deletionsOf(
  replica: Replica,
  docs: readonly ServerDocument[],
): Promise<Map<string, Arrival>> {
  const arrivals = new Map<string, Arrival>();
  if (docs.length === 0) return arrivals;
  const articleOf = await articlesOfDocuments(
    replica.db,
    docs.map((doc) => doc._id),
  );
  const copies = await readCopies(replica.db, [...articleOf.values()]);
  const copyOf = new Map(copies.map((copy) => [copy.articleId, copy]));
  for (const doc of docs) {
    const copy = copyOf.get(articleOf.get(doc._id) ?? '');
    if (!copy || !doc._rev) continue;
    const state = deletedOnServer(copy);
    arrivals.set(doc._id, { articleId: copy.articleId, docId: doc._id, rev: doc._rev, state });
  }
  return arrivals;
}

async function arrivalsOf(replica: Replica, docs: readonly ServerDocument[]): Promise<Arrival[]> {
  const articles = docs.filter(
    (doc) => doc._id !== VAULT_ID && !doc._id.startsWith('_design/') && doc._rev,
  );
  const [deletions, decoded] = await Promise.all([
    deletionsOf(
      replica,
      articles.filter((doc) => doc._deleted),
    ),
    Promise.all(
      articles.map(async (doc): Promise<Arrival | undefined> => {
        if (doc._deleted) return undefined;
        const state = await decode(replica, doc);
        const rendered = renderArrival(state);
        return { articleId: state.id, docId: doc._id, rev: doc._rev as string, state, rendered };
      }),
    ),
  ]);
  return articles.flatMap((doc, at) => {
    const arrival = doc._deleted ? deletions.get(doc._id) : decoded[at];
    return arrival ? [arrival] : [];
  });
}

async function unreadableIds(replica: Replica): Promise<Set<string>> {
  const stored = await readSyncMeta(replica.db, UNREADABLE_KEY);
  const ids = Array.isArray(stored) ? stored : [];
  return new Set(ids.filter((id): id is string => typeof id === 'string'));
}

/** Merges arrivals into the library; read again if the user changed one of them meanwhile. */
async function applyArrivals(
  replica: Replica,
  arrivals: readonly Arrival[],
  checkpoint?: Sequence,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const unreadable = await unreadableIds(replica);
    const copies = await readCopies(
      replica.db,
      arrivals.map((arrival) => arrival.articleId),
    );
    const merges = copies.map((copy, at): Merge => {
      const arrival = arrivals[at] as Arrival;
      const state = joinArticle(arrival.state, withLocalChanges(replica, copy));
      const { docId, rev, rendered: arrived } = arrival;
      return { copy, state, docId, rev, remote: arrival.state, arrived };
    });
    const folded = await foldDuplicates(replica, merges, (copy) => withLocalChanges(replica, copy));
    const writes = folded.map((merge) => writeOf(merge, unreadable));
    const meta: SyncMetaRow[] = [{ key: UNREADABLE_KEY, value: [...unreadable] }];
    if (checkpoint !== undefined) meta.push({ key: CHECKPOINT_KEY, value: checkpoint });
    try {
      await writeStates(replica.db, writes, meta);
      return;
    } catch (error) {
      if (!(error instanceof ChangedMeanwhileError) || attempt >= BATCH_ATTEMPTS) throw error;
    }
  }
}

interface PulledBatch {
  arrivals: Arrival[];
  /** Changes the server listed: fewer than asked for means the pull has reached its end. */
  listed: number;
  lastSeq: Sequence;
}

async function fetchBatch(replica: Replica, since: Sequence, size: number): Promise<PulledBatch> {
  const changes = await replica.couch.changes(since, size);
  const docs = changes.results.flatMap((result) =>
    result.doc ? [result.doc] : result.deleted ? [{ _id: result.id, _deleted: true }] : [],
  );
  const arrivals = await arrivalsOf(replica, docs as ServerDocument[]);
  return { arrivals, listed: changes.results.length, lastSeq: changes.last_seq };
}

/**
 * Pulls in batches, each written with its checkpoint. The next batch is fetched and decrypted
 * while the current one is written: the browser writes IndexedDB in another process, so a first
 * sync's network, decryption and parsing mostly hide behind its writes. An arrival read before
 * the write of the batch ahead of it may be older than what that batch wrote; merging is a
 * join, so what is written stays the newest of both.
 */
export async function pull(replica: Replica): Promise<number> {
  await retryUnreadable(replica);
  const size = replica.pullBatch ?? PULL_BATCH;
  const since = ((await readSyncMeta(replica.db, CHECKPOINT_KEY)) ?? 0) as Sequence;
  let next = fetchBatch(replica, since, size);
  let received = 0;
  for (;;) {
    const batch = await next;
    const more = batch.listed >= size;
    if (more) {
      next = fetchBatch(replica, batch.lastSeq, size);
      // Awaited on the next round; a failure of this batch's write must not leave it unheard.
      next.catch(() => undefined);
    }
    await applyArrivals(replica, dedupe(batch.arrivals), batch.lastSeq);
    received += batch.arrivals.length;
    await replica.onProgress?.({ direction: 'pull', done: received });
    if (!more) return received;
  }
}

/** The articles this version could not show before are shown if it can now (see writeOf). */
async function retryUnreadable(replica: Replica): Promise<void> {
  const ids = [...(await unreadableIds(replica))];
  if (ids.length === 0) return;
  const kept = (await readCopies(replica.db, ids)).flatMap((copy): Arrival[] =>
    copy.row?.rev
      ? [
          {
            articleId: copy.articleId,
            docId: copy.row.docId,
            rev: copy.row.rev,
            state: copy.row.state,
          },
        ]
      : [],
  );
  // An article whose synced state is gone (turned off, deleted for good) is not tried again.
  const stillKept = kept.map((arrival) => arrival.articleId);
  if (stillKept.length < ids.length) await writeSyncMeta(replica.db, UNREADABLE_KEY, stillKept);
  if (kept.length > 0) await applyArrivals(replica, kept);
}

/** The last arrival of each article: one batch may name a document twice. */
function dedupe(arrivals: readonly Arrival[]): Arrival[] {
  return [...new Map(arrivals.map((arrival) => [arrival.articleId, arrival])).values()];
}

interface Outgoing {
  copy: Copy;
  state: ArticleState;
  doc: ServerDocument;
}

function chunksBySize(items: readonly Outgoing[]): Outgoing[][] {
  const chunks: Outgoing[][] = [];
  let current: Outgoing[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = (item.doc.c?.length ?? 0) + 200;
    if (current.length > 0 && bytes + size > MAX_REQUEST_BYTES) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** What one article needs sent, or a write that takes it out of the outbox when nothing is. */
async function prepare(
  replica: Replica,
  copy: Copy,
): Promise<Outgoing | ReplicaWrite<ArticleState>> {
  const next = withLocalChanges(replica, copy);
  const settled = copy.row && !copy.row.unsent && canonical(next) === canonical(copy.row.state);
  const neverSent = !copy.row && !articleExists(next);
  if (settled || neverSent) {
    return {
      articleId: copy.articleId,
      row: null,
      readChangedAt: copy.outbox?.changedAt,
      keepInOutbox: false,
    };
  }
  const doc = await encodeState(replica.cipher, next);
  if (copy.row?.rev) doc._rev = copy.row.rev;
  return { copy, state: next, doc };
}

async function sendChunk(replica: Replica, chunk: readonly Outgoing[]): Promise<string[]> {
  const results = await replica.couch.bulkDocs(chunk.map((item) => item.doc));
  const writes: ReplicaWrite<ArticleState>[] = [];
  const conflicts: string[] = [];
  results.forEach((result, at) => {
    const { copy, state, doc } = chunk[at] as Outgoing;
    if (result.error === 'conflict') {
      conflicts.push(doc._id);
    } else if (result.error || !result.rev) {
      const code =
        result.error === 'forbidden'
          ? 'forbidden'
          : result.error === 'unauthorized'
            ? 'unauthorized'
            : 'bad-response';
      throw new SyncError(code, `${result.error ?? 'no revision'}: ${result.reason ?? ''}`);
    } else {
      writes.push({
        articleId: copy.articleId,
        row: { articleId: copy.articleId, docId: doc._id, rev: result.rev, state, unsent: false },
        readChangedAt: copy.outbox?.changedAt,
        keepInOutbox: false,
      });
    }
  });
  await writeStates(replica.db, writes);
  return conflicts;
}

/**
 * The server changed these documents since this device last read them: read them, merge, and
 * leave the merge in the outbox for the next round. A document deleted on the server is written
 * again from scratch.
 */
async function resolveConflicts(
  replica: Replica,
  docIds: readonly string[],
  byDoc: Map<string, Copy>,
) {
  const current = await replica.couch.getMany(docIds);
  await applyArrivals(replica, await arrivalsOf(replica, current));
  const present = new Set(current.map((doc) => doc._id));
  const gone = docIds.filter((id) => !present.has(id)).flatMap((id) => byDoc.get(id) ?? []);
  await writeStates(
    replica.db,
    gone.flatMap((copy) =>
      copy.row
        ? [
            {
              articleId: copy.articleId,
              row: { ...copy.row, rev: null, unsent: true },
              readChangedAt: copy.outbox?.changedAt,
              keepInOutbox: true,
            },
          ]
        : [],
    ),
  );
}

/** Sends these articles (one batch): the settled ones only leave the outbox. */
async function pushBatch(replica: Replica, ids: readonly string[]): Promise<number> {
  const copies = await readCopies(replica.db, ids);
  const outgoing: Outgoing[] = [];
  const settled: ReplicaWrite<ArticleState>[] = [];
  for (const copy of copies) {
    const prepared = await prepare(replica, copy);
    if ('doc' in prepared) outgoing.push(prepared);
    else settled.push(prepared);
  }
  await writeStates(replica.db, settled);
  const byDoc = new Map(outgoing.map((item) => [item.doc._id, item.copy]));
  let sent = 0;
  for (const chunk of chunksBySize(outgoing)) {
    const conflicts = await sendChunk(replica, chunk);
    if (conflicts.length > 0) await resolveConflicts(replica, conflicts, byDoc);
    sent += chunk.length - conflicts.length;
  }
  return sent;
}

/**
 * Sends the outbox, oldest save first (see outboxInSaveOrder); each pass sends what was waiting
 * when it began, and the next pass what changed meanwhile or came back from a conflict.
 */
export async function push(replica: Replica): Promise<number> {
  let sent = 0;
  const maxPasses = 50;
  for (let pass = 0; pass < maxPasses; pass += 1) {
    const waiting = await outboxInSaveOrder(replica.db, PUSH_BATCH);
    if (waiting.length === 0) return sent;
    for (let at = 0; at < waiting.length; at += PUSH_BATCH) {
      sent += await pushBatch(replica, waiting.slice(at, at + PUSH_BATCH));
      await replica.onProgress?.({ direction: 'push', done: sent });
    }
  }
  throw new SyncError('server-error', 'the server kept refusing changes as conflicts');
}

/**
 * Tombstones of articles deleted more than TOMBSTONE_DAYS ago are deleted from the server (and
 * forgotten here): every device that synced within that time has applied them.
 */
export async function removeOldTombstones(replica: Replica): Promise<number> {
  const limit = replica.now() - TOMBSTONE_DAYS * DAY_MS;
  const old = (await deletedStates(replica.db)).filter(
    (row) => row.rev && !row.unsent && !articleExists(row.state) && row.state.alive.s.t < limit,
  );
  if (old.length === 0) return 0;
  const results = await replica.couch.bulkDocs(
    old.map((row) => ({ _id: row.docId, _rev: row.rev ?? undefined, _deleted: true })),
  );
  const removed = old.filter((_row, at) => !results[at]?.error).map((row) => row.articleId);
  await dropSyncRows(replica.db, removed);
  return removed.length;
}

export async function syncOnce(replica: Replica): Promise<SyncReport> {
  const received = await pull(replica);
  const sent = await push(replica);
  await removeOldTombstones(replica);
  return { received, sent, unreadable: (await unreadableIds(replica)).size };
}
