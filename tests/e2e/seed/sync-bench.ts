/**
 * The seed page's part for `npm run bench:sync`: one sync with Margins' real engine
 * (src/sync/engine.ts) into the extension's own database, with either cipher, timed in the
 * page; and reads of what arrived (card count, a search, a digest of every article's records).
 */
import { toRecord } from '../../../src/db/records.ts';
import { openDatabase, type MarginsDatabase, type StoredArticle } from '../../../src/db/schema.ts';
import type { Annotation } from '../../../src/shared/annotation.ts';
import { LibraryReader, openForReading } from '../../../src/db/read/idb.ts';
import { cardsFor, listKeys, NO_FILTER } from '../../../src/db/read/list.ts';
import { fromBase64 } from '../../../src/sync/base64.ts';
import { CouchClient, type Changes, type Sequence } from '../../../src/sync/couch.ts';
import { aesGcmCipher, plainCipher, type Cipher } from '../../../src/sync/crypto.ts';
import { syncOnce } from '../../../src/sync/engine.ts';
import { recordsDigest } from './records-digest.ts';

export interface EngineSyncOptions {
  serverUrl: string;
  database: string;
  /** 'aes-gcm' with the library's master key (base64), or 'plain' (the baseline). */
  cipher: 'aes-gcm' | 'plain';
  masterKey?: string;
}

export interface EngineSyncTiming {
  ms: number;
  received: number;
  sent: number;
  /** Time inside `_changes` requests (the server, the network, JSON and the answer's check). */
  changesMs: number;
  /** Time inside the cipher's `open` (AES-GCM decryption; nothing for the plain cipher). */
  openMs: number;
  /** Time from start to commit of the read-write transactions (what arrived, written). */
  writeTransactionsMs: number;
  /** The same for the read-only transactions (this device's copies, read). */
  readTransactionsMs: number;
  transactions: number;
  /** Per store, time from each write request until it succeeded (they mostly run one by one). */
  writeRequestsMs: Record<string, number>;
  /** Per store, records put. */
  recordsPut: Record<string, number>;
}

/** `_changes` timed; everything else is the real client. */
class TimedCouch extends CouchClient {
  ms = 0;
  override async changes(since: Sequence, limit: number): Promise<Changes> {
    const started = performance.now();
    try {
      return await super.changes(since, limit);
    } finally {
      this.ms += performance.now() - started;
    }
  }
}

function timedCipher(cipher: Cipher): { cipher: Cipher; ms: () => number } {
  let ms = 0;
  return {
    cipher: {
      ...cipher,
      async open(sealed, associated) {
        const started = performance.now();
        try {
          return await cipher.open(sealed, associated);
        } finally {
          ms += performance.now() - started;
        }
      },
    },
    ms: () => ms,
  };
}

/**
 * A connection of its own to the library whose transactions are timed from their start until
 * they complete (committed) or abort: read-write ones are where what arrived is written with its
 * derived rows; read-only ones read this device's copies.
 */
function timedDatabase() {
  const ms = { readwrite: 0, readonly: 0, transactions: 0 };
  /** Per store: time from a write request (one bulk put or delete) until it succeeded. */
  const writes: Record<string, number> = {};
  /** Per store: records put. */
  const records: Record<string, number> = {};
  const db = openDatabase();
  db.use({
    stack: 'dbcore',
    name: 'bench-timing',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        const transaction = down.transaction(stores, mode, options);
        const started = performance.now();
        const done = () => {
          ms[mode] += performance.now() - started;
          ms.transactions += 1;
        };
        const events = transaction as unknown as EventTarget;
        events.addEventListener('complete', done);
        events.addEventListener('abort', done);
        return transaction;
      },
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          async mutate(request) {
            const started = performance.now();
            const count =
              request.type === 'put' || request.type === 'add' ? request.values.length : 0;
            try {
              return await table.mutate(request);
            } finally {
              writes[name] = (writes[name] ?? 0) + performance.now() - started;
              records[name] = (records[name] ?? 0) + count;
            }
          },
        };
      },
    }),
  });
  return { db, ms, writes, records };
}

export async function engineSync(options: EngineSyncOptions): Promise<EngineSyncTiming> {
  const { db, ms: transactionMs, writes, records } = timedDatabase();
  const couch = new TimedCouch({
    serverUrl: options.serverUrl,
    database: options.database,
    username: '',
    password: '',
  });
  const base =
    options.cipher === 'plain'
      ? plainCipher
      : await aesGcmCipher(fromBase64(options.masterKey ?? ''));
  const timed = timedCipher(base);
  const started = performance.now();
  const report = await syncOnce({
    db,
    couch,
    cipher: timed.cipher,
    deviceId: 'seedpage',
    now: () => Date.now(),
  });
  const ms = performance.now() - started;
  db.close();
  return {
    ms,
    ...report,
    changesMs: couch.ms,
    openMs: timed.ms(),
    writeTransactionsMs: transactionMs.readwrite,
    readTransactionsMs: transactionMs.readonly,
    transactions: transactionMs.transactions,
    writeRequestsMs: writes,
    recordsPut: records,
  };
}

let running: Promise<EngineSyncTiming> | null = null;
let outcome: { timing: EngineSyncTiming } | { error: string } | null = null;

/**
 * Starts `engineSync` and returns at once: a first sync of a large library outlasts the
 * driver's time limit for one call, so the bench asks for the outcome until there is one.
 */
export function startEngineSync(options: EngineSyncOptions): void {
  if (running) throw new Error('an engine sync is already running');
  outcome = null;
  running = engineSync(options);
  running
    .then(
      (timing) => (outcome = { timing }),
      (error: unknown) =>
        (outcome = {
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    )
    .finally(() => (running = null));
}

export function engineSyncOutcome() {
  return outcome;
}

/** Article ids of the cards a search finds, as the popup's search reads them. */
export async function searchArticleIds(text: string): Promise<string[]> {
  const reader = new LibraryReader(await openForReading());
  try {
    const keys = await listKeys(reader, { text, filter: NO_FILTER, sort: 'saved' });
    return (await cardsFor(reader, keys)).map((card) => card.id);
  } finally {
    reader.close();
  }
}

export async function cardCount(db: MarginsDatabase): Promise<number> {
  return db.cards.count();
}

/** Article id → recordsDigest of its article and annotations, for every article stored. */
export async function libraryDigest(db: MarginsDatabase): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  const PAGE = 500;
  let after: string | null = null;
  for (;;) {
    const from = after === null ? db.articles.orderBy('id') : db.articles.where('id').above(after);
    const articles: StoredArticle[] = await from.limit(PAGE).toArray();
    const last = articles[articles.length - 1];
    if (!last) return digests;
    const byArticle = new Map<string, Annotation[]>();
    const annotations = await db.annotations
      .where('articleId')
      .anyOf(articles.map((article) => article.id))
      .toArray();
    for (const annotation of annotations) {
      byArticle.set(annotation.articleId, [
        ...(byArticle.get(annotation.articleId) ?? []),
        annotation,
      ]);
    }
    for (const stored of articles) {
      digests[stored.id] = await recordsDigest({
        article: toRecord(stored),
        annotations: byArticle.get(stored.id) ?? [],
      });
    }
    after = last.id;
  }
}
