/**
 * Two libraries syncing through a real CouchDB-compatible server (PouchDB Server, in memory, on
 * a free loopback port): what one device saves, highlights, tags, notes and deletes reaches the
 * other; concurrent notes are both kept; a stopped sync resumes without duplicates; every
 * failure is a SyncError with a code and leaves the library as it was; the server holds nothing
 * readable.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation, updateAnnotation } from '../../../src/db/annotations.ts';
import { setArticleNote, setArticleTags } from '../../../src/db/article-notes.ts';
import { saveSnapshot } from '../../../src/db/articles.ts';
import { editArticle } from '../../../src/db/edits.ts';
import { applyImport } from '../../../src/db/import.ts';
import { deleteArticles, setArchived, setRead } from '../../../src/db/library.ts';
import { searchKeys } from '../../../src/db/read/search.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { parseImport } from '../../../src/import/index.ts';
import { noteOf } from '../../../src/shared/annotation.ts';
import type { RangeSelectors } from '../../../src/shared/anchoring/types.ts';
import { CouchClient, type ServerAccount } from '../../../src/sync/couch.ts';
import { TEXT_VERSIONS_SEPARATOR, type ArticleState } from '../../../src/sync/crdt.ts';
import { aesGcmCipher, type Cipher } from '../../../src/sync/crypto.ts';
import {
  TOMBSTONE_DAYS,
  syncOnce,
  type Replica,
  type SyncProgress,
} from '../../../src/sync/engine.ts';
import { SyncError } from '../../../src/sync/errors.ts';
import { readCopies } from '../../../src/sync/local-copies.ts';
import { encodeState, packState } from '../../../src/sync/codec.ts';
import { canonical } from '../../../src/sync/mapping.ts';
import { createVault } from '../../../src/sync/vault.ts';
import { startCouchServer, type CouchServer } from '../../e2e/harness/couch-server.ts';
import { readerFor } from '../helpers/reader.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

const URL = 'https://obscure-gazette.example/2024/zeppelin-referendum';
const TITLE = 'Quixotic zeppelin referendum';
const BODY = 'Marmalade archipelago filibuster overshadowed the harbour commission on Tuesday.';
const NOTE = 'Xylophonic reminder to reread';
const HIGHLIGHT_NOTE = 'Pelican musings';
const TAG = 'ornithology';
/** What the server must never be able to read. */
const SECRETS = [
  URL,
  'obscure-gazette',
  'zeppelin',
  'quixotic',
  'marmalade',
  'archipelago',
  'filibuster',
  'harbour',
  'xylophonic',
  'pelican',
  TAG,
];

let server: CouchServer;
let cipher: Cipher;
let serial = 0;

beforeAll(async () => {
  server = await startCouchServer();
  // One real key derivation for the whole file.
  cipher = await aesGcmCipher((await createVault('a long enough passphrase')).master);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

function couch(database: string, account: Partial<ServerAccount> = {}): CouchClient {
  return new CouchClient({
    serverUrl: server.origin,
    database,
    username: '',
    password: '',
    ...account,
  });
}

function replica(
  db: MarginsDatabase,
  deviceId: string,
  client: CouchClient,
  onProgress?: (progress: SyncProgress) => void,
): Replica {
  return { db, couch: client, cipher, deviceId, now: () => Date.now(), onProgress };
}

interface Pair {
  database: string;
  a: Replica;
  b: Replica;
}

/** Two empty libraries and an empty server database. */
async function pair(): Promise<Pair> {
  serial += 1;
  const database = `library-${serial}`;
  await couch(database).ensureDatabase();
  const a = replica(
    openDatabase(`engine-a-${serial}-${Math.random()}`),
    'device-a',
    couch(database),
  );
  const b = replica(
    openDatabase(`engine-b-${serial}-${Math.random()}`),
    'device-b',
    couch(database),
  );
  return { database, a, b };
}

function quote(exact: string): RangeSelectors {
  const start = BODY.indexOf(exact);
  return [
    { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start, end: start + exact.length },
  ];
}

/** The article saved on A with a highlight, a tag, a note, a corrected title, read. */
async function saveFull(db: MarginsDatabase) {
  const { article } = await saveSnapshot(
    db,
    makeSnapshot({
      url: URL,
      canonicalUrl: URL,
      title: 'Draft title',
      excerpt: BODY,
      contentHtml: `<p>${BODY}</p>`,
      textContent: BODY,
      wordCount: 11,
    }),
    new Date(),
  );
  await createAnnotation(
    db,
    {
      articleId: article.id,
      selector: quote('archipelago filibuster'),
      colour: 'green',
      note: HIGHLIGHT_NOTE,
    },
    new Date(),
  );
  await setArticleTags(db, article.id, [TAG], new Date());
  await setArticleNote(db, article.id, NOTE, new Date());
  await editArticle(db, article.id, { title: TITLE }, new Date());
  await setRead(db, [article.id], true, new Date());
  return article.id;
}

/** The synced state this library keeps of an article, unpacked. */
async function syncedState(db: MarginsDatabase, articleId: string): Promise<ArticleState> {
  const [copy] = await readCopies(db, [articleId]);
  if (!copy?.row) throw new Error(`no synced state for ${articleId}`);
  return copy.row.state;
}

/** Everything a library holds, derived rows and sync bookkeeping included. */
async function contents(db: MarginsDatabase) {
  return {
    articles: await db.articles.toArray(),
    annotations: await db.annotations.toArray(),
    cards: await db.cards.toArray(),
    searchDocs: await db.searchDocs.toArray(),
    postings: await db.postings.toArray(),
    outbox: await db.syncOutbox.toArray(),
    synced: await db.syncDocs.toArray(),
    meta: await db.syncMeta.toArray(),
  };
}

async function titlesFound(db: MarginsDatabase, query: string): Promise<string[]> {
  const reader = await readerFor(db);
  try {
    const keys = (await searchKeys(reader, query)) ?? [];
    return (await db.cards.bulkGet(keys)).map((card) => card?.title ?? '?');
  } finally {
    reader.close();
  }
}

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncError) return error;
    throw error;
  }
  throw new Error('the sync succeeded');
}

async function serverDocuments(database: string): Promise<string> {
  const response = await fetch(`${server.origin}/${database}/_all_docs?include_docs=true`);
  expect(response.status).toBe(200);
  return response.text();
}

async function serverDocCount(database: string): Promise<number> {
  const info = (await server.get(database)) as { doc_count: number };
  return info.doc_count;
}

describe('two libraries syncing through one server', () => {
  it('brings an article saved on A to B with its highlight, tags, note and state, searchable', async () => {
    const { a, b } = await pair();
    const id = await saveFull(a.db);
    expect(await syncOnce(a)).toEqual({ received: 0, sent: 1, unreadable: 0 });
    expect(await syncOnce(b)).toMatchObject({ received: 1, sent: 0 });

    expect(await b.db.articles.toArray()).toEqual(await a.db.articles.toArray());
    expect(await b.db.annotations.toArray()).toEqual(await a.db.annotations.toArray());
    const [article] = await b.db.articles.toArray();
    expect(article).toMatchObject({ id, title: TITLE, note: NOTE, tags: [TAG] });
    expect(article?.fieldSources.title).toBe('user');
    expect(article?.readAt).not.toBeNull();
    const [annotation] = await b.db.annotations.toArray();
    expect(annotation && noteOf(annotation)).toBe(HIGHLIGHT_NOTE);

    // Derived rows were made on B from what arrived.
    const [card] = await b.db.cards.toArray();
    expect(card).toMatchObject({ id, title: TITLE, tags: [TAG], highlightCount: 1, read: 1 });
    for (const word of ['marmalade', 'xylophonic', 'pelican', TAG]) {
      expect(await titlesFound(b.db, word)).toEqual([TITLE]);
    }
    expect(await b.db.syncOutbox.count()).toBe(0);
  });

  it('brings a highlight with a note made on B back to A, and an archive', async () => {
    const { a, b } = await pair();
    const id = await saveFull(a.db);
    await syncOnce(a);
    await syncOnce(b);
    const made = await createAnnotation(
      b.db,
      {
        articleId: id,
        selector: quote('harbour commission'),
        colour: 'pink',
        note: 'From the phone',
      },
      new Date(),
    );
    await setArchived(b.db, [id], true, new Date());
    expect(await syncOnce(b)).toMatchObject({ sent: 1 });
    await syncOnce(a);

    expect(await a.db.annotations.get(made.id)).toEqual(made);
    expect(await a.db.annotations.count()).toBe(2);
    expect((await a.db.articles.get(id))?.archivedAt).not.toBeNull();
    expect(await a.db.cards.toArray()).toEqual([
      expect.objectContaining({ highlightCount: 2, archived: 1 }),
    ]);
    expect(await titlesFound(a.db, 'phone')).toEqual([TITLE]);
  });

  it('takes an article deleted on A off B, with its highlights and search words', async () => {
    const { a, b } = await pair();
    const id = await saveFull(a.db);
    await syncOnce(a);
    await syncOnce(b);
    await deleteArticles(a.db, [id]);
    await syncOnce(a);
    await syncOnce(b);

    const left = await contents(b.db);
    expect(left.articles).toEqual([]);
    expect(left.annotations).toEqual([]);
    expect(left.cards).toEqual([]);
    expect(left.searchDocs).toEqual([]);
    expect(left.postings).toEqual([]);
    expect(await titlesFound(b.db, 'marmalade')).toEqual([]);
  });

  it('removes a tombstone from the server 30 days after the delete, and only then', async () => {
    const { database, a, b } = await pair();
    const deleted = await saveFull(a.db);
    await saveSnapshot(a.db, makeSnapshot({ url: 'https://news.example/kept' }), new Date());
    await syncOnce(a);
    await syncOnce(b);
    await deleteArticles(a.db, [deleted]);
    await syncOnce(a);
    await syncOnce(b);
    expect(await serverDocCount(database)).toBe(2);

    const later = (days: number, side: Replica): Replica => ({
      ...side,
      now: () => Date.now() + days * 86_400_000,
    });
    await syncOnce(later(TOMBSTONE_DAYS - 1, a));
    expect(await serverDocCount(database)).toBe(2);
    await syncOnce(later(TOMBSTONE_DAYS + 1, a));
    // The kept article stays; the deleted article's document is gone.
    expect(await serverDocCount(database)).toBe(1);
    expect(await a.db.syncDocs.count()).toBe(1);
    // B, which had applied the delete, reads the removal and still has only the kept article.
    await syncOnce(later(TOMBSTONE_DAYS + 1, b));
    expect((await b.db.articles.toArray()).map((article) => article.url)).toEqual([
      'https://news.example/kept',
    ]);
    expect(await b.db.syncDocs.count()).toBe(1);
  });

  it('keeps both notes when A and B edit the same note without syncing, on both, newer first', async () => {
    const { a, b } = await pair();
    const id = await saveFull(a.db);
    await syncOnce(a);
    await syncOnce(b);
    const [highlight] = await a.db.annotations.toArray();
    const highlightId = highlight?.id as string;

    await setArticleNote(a.db, id, 'Typed on the laptop', new Date());
    await updateAnnotation(a.db, highlightId, { note: 'Laptop thoughts' }, new Date());
    await setArticleTags(a.db, id, [TAG, 'housing'], new Date());
    await new Promise((resolve) => setTimeout(resolve, 5));
    await setArticleNote(b.db, id, 'Typed on the phone', new Date());
    await updateAnnotation(b.db, highlightId, { note: 'Phone thoughts' }, new Date());
    await setArticleTags(b.db, id, ['politics'], new Date());

    await syncOnce(a);
    await syncOnce(b);
    await syncOnce(a);

    for (const db of [a.db, b.db]) {
      const article = await db.articles.get(id);
      expect(article?.note).toBe(`Typed on the phone${TEXT_VERSIONS_SEPARATOR}Typed on the laptop`);
      // B removed the tag A had; A added one B had not seen: both changes hold.
      expect([...(article?.tags ?? [])].sort()).toEqual(['housing', 'politics']);
      const annotation = await db.annotations.get(highlightId);
      expect(annotation && noteOf(annotation)).toBe(
        `Phone thoughts${TEXT_VERSIONS_SEPARATOR}Laptop thoughts`,
      );
      expect(await titlesFound(db, 'laptop')).toEqual([TITLE]);
    }
    expect(await b.db.articles.toArray()).toEqual(await a.db.articles.toArray());
    expect(await b.db.annotations.toArray()).toEqual(await a.db.annotations.toArray());
    const stateOn = async (db: MarginsDatabase) => canonical(await syncedState(db, id));
    expect(await stateOn(b.db)).toBe(await stateOn(a.db));
    expect(await a.db.syncOutbox.count()).toBe(0);
    expect(await b.db.syncOutbox.count()).toBe(0);
  });

  it('keeps both long notes whole when their merge is longer than one typed note may be', async () => {
    const { a, b } = await pair();
    const id = await saveFull(a.db);
    await syncOnce(a);
    await syncOnce(b);
    const laptop = `Laptop ${'draft '.repeat(9_000)}`;
    const phone = `Phone ${'sketch '.repeat(9_000)}`;
    await setArticleNote(a.db, id, laptop, new Date());
    await new Promise((resolve) => setTimeout(resolve, 5));
    await setArticleNote(b.db, id, phone, new Date());

    await syncOnce(a);
    const onB = await syncOnce(b);
    await syncOnce(a);

    for (const db of [a.db, b.db]) {
      const note = (await db.articles.get(id))?.note ?? '';
      expect(note.length).toBeGreaterThan(65_536);
      expect(note).toBe(`${phone}${TEXT_VERSIONS_SEPARATOR}${laptop}`);
    }
    expect(onB.unreadable).toBe(0);
  });

  it('merges tags added on both devices as a set', async () => {
    const { a, b } = await pair();
    const id = await saveFull(a.db);
    await syncOnce(a);
    await syncOnce(b);
    await setArticleTags(a.db, id, [TAG, 'housing'], new Date());
    await setArticleTags(b.db, id, [TAG, 'politics'], new Date());
    await syncOnce(a);
    await syncOnce(b);
    await syncOnce(a);
    for (const db of [a.db, b.db]) {
      expect([...((await db.articles.get(id))?.tags ?? [])].sort()).toEqual([
        'housing',
        TAG,
        'politics',
      ]);
    }
  });

  it('sends nothing again when nothing changed', async () => {
    const { database, a, b } = await pair();
    await saveFull(a.db);
    expect((await syncOnce(a)).sent).toBe(1);
    const before = await serverDocuments(database);
    expect((await syncOnce(a)).sent).toBe(0);
    expect((await syncOnce(a)).sent).toBe(0);
    await syncOnce(b);
    expect((await syncOnce(b)).sent).toBe(0);
    expect(await serverDocuments(database)).toBe(before);
  });

  it('keeps synced states packed, and still reads one stored unpacked', async () => {
    const { a, b } = await pair();
    const id = await saveFull(a.db);
    await syncOnce(a);
    await syncOnce(b);
    for (const side of [a, b]) {
      const row = await side.db.syncDocs.get(id);
      expect(row?.state).toBeInstanceOf(Uint8Array);
      // Packed, the state takes a fraction of its JSON.
      const json = JSON.stringify(await syncedState(side.db, id));
      expect((row?.state as Uint8Array).length).toBeLessThan(json.length / 2);
    }
    expect(canonical(await syncedState(b.db, id))).toBe(canonical(await syncedState(a.db, id)));

    // A row written before states were packed holds the state itself.
    const row = await a.db.syncDocs.get(id);
    if (!row) throw new Error('no synced row');
    await a.db.syncDocs.put({ ...row, state: await syncedState(a.db, id) });
    await setRead(a.db, [id], false, new Date());
    expect((await syncOnce(a)).sent).toBe(1);
    await syncOnce(b);
    expect((await b.db.articles.get(id))?.readAt).toBeNull();
    expect((await a.db.syncDocs.get(id))?.state).toBeInstanceOf(Uint8Array);
  });

  it('takes a synced state damaged on disk as unknown: the sync goes on, nothing typed is lost', async () => {
    const { a, b } = await pair();
    const id = await saveFull(a.db);
    await syncOnce(a);
    await syncOnce(b);
    const row = await b.db.syncDocs.get(id);
    if (!row) throw new Error('no synced row');
    // Bytes that do not inflate, as a damaged disk or a bug could leave them.
    await b.db.syncDocs.put({ ...row, state: new Uint8Array([7, 1, 255, 0, 42, 13]) });
    await editArticle(a.db, id, { title: 'Renamed on A' }, new Date());
    await syncOnce(a);
    await setArticleTags(b.db, id, [TAG, 'from-b'], new Date());

    expect(await syncOnce(b)).toMatchObject({ received: 1, sent: 1 });
    await syncOnce(a);
    for (const side of [a, b]) {
      const article = await side.db.articles.get(id);
      expect(article?.title).toBe('Renamed on A');
      expect([...(article?.tags ?? [])].sort()).toEqual(['from-b', TAG]);
      expect(await side.db.annotations.where('articleId').equals(id).count()).toBe(1);
    }
    expect((await b.db.syncDocs.get(id))?.state).toBeInstanceOf(Uint8Array);
    expect(canonical(await syncedState(b.db, id))).toBe(canonical(await syncedState(a.db, id)));
  });

  it('leaves the server no address, title, body word, tag or note of the article', async () => {
    const { database, a, b } = await pair();
    await saveFull(a.db);
    await syncOnce(a);
    await syncOnce(b);
    const raw = await serverDocuments(database);
    const { rows } = JSON.parse(raw) as { rows: { id: string }[] };
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{32}$/);
    const lower = raw.toLowerCase();
    for (const secret of SECRETS) expect(lower).not.toContain(secret.toLowerCase());
  });
});

describe('an article this version of Margins cannot show', () => {
  it('is kept in its synced state without holding up the others, and shown once it can be', async () => {
    const { a, b } = await pair();
    const id = await saveFull(a.db);
    await syncOnce(a);
    // A newer Margins on another device saved a kind of article this version does not know.
    const known = await syncedState(a.db, id);
    const later = { t: Date.now() + 1, d: 'device-c' };
    const futureId = crypto.randomUUID();
    const future: ArticleState = {
      ...known,
      id: futureId,
      fields: {
        ...known.fields,
        url: { v: 'https://obscure-gazette.example/2025/airship-vote', s: later },
        canonicalUrl: { v: null, s: later },
        kind: { v: 'podcast-episode', s: later },
      },
      annotations: {},
    };
    await a.couch.bulkDocs([await encodeState(cipher, future)]);

    const first = await syncOnce(b);
    expect(first).toMatchObject({ received: 2, unreadable: 1 });
    expect((await b.db.articles.toArray()).map((article) => article.id)).toEqual([id]);
    expect(await b.db.annotations.count()).toBe(1);
    expect(canonical(await syncedState(b.db, futureId))).toBe(canonical(future));
    expect((await syncOnce(b)).unreadable).toBe(1);

    // What an update brings: a version that reads the state. Here, a state this one reads is
    // put in the place of the one it could not.
    const readable = { ...future, fields: { ...future.fields, kind: { v: 'article', s: later } } };
    await b.db.syncDocs.update(futureId, { state: await packState(readable) });
    expect((await syncOnce(b)).unreadable).toBe(0);
    expect((await b.db.articles.get(futureId))?.kind).toBe('article');
    expect(await titlesFound(b.db, 'zeppelin')).toEqual([TITLE, TITLE]);
    expect(await b.db.syncOutbox.count()).toBe(0);
  });
});

describe('a sync stopped midway', () => {
  /** More than one batch each way when received 100 at a time (100 are sent at a time). */
  const ARTICLES = 210;

  /** Many articles at once, the way an import writes them (each waits to be sent). */
  async function importMany(db: MarginsDatabase) {
    const lines = Array.from(
      { length: ARTICLES },
      (_unused, at) =>
        `Story ${at},https://news.example/story-${at},${1709285400 + at},${at},,unread`,
    );
    const csv = ['title,url,time_added,cursor,tags,status', ...lines].join('\n');
    const parse = await parseImport(new TextEncoder().encode(csv));
    expect(await applyImport(db, parse, new Date())).toMatchObject({ created: ARTICLES });
  }

  const stopOn = (direction: SyncProgress['direction']) => (progress: SyncProgress) => {
    if (progress.direction === direction)
      throw new Error(`the worker was stopped in the ${direction}`);
  };

  it('sends a library oldest save first, whatever the order of its ids', async () => {
    const { database, a } = await pair();
    await importMany(a.db);
    expect((await syncOnce(a)).sent).toBe(ARTICLES);
    const changes = (await server.get(`${database}/_changes`)) as { results: { id: string }[] };
    const articleOf = new Map(
      (await a.db.syncDocs.toArray()).map((row) => [row.docId, row.articleId]),
    );
    const savedAt = new Map(
      (await a.db.articles.toArray()).map((article) => [article.id, article.savedAt]),
    );
    const arrivalOrder = changes.results.flatMap((change) => {
      const articleId = articleOf.get(change.id);
      return articleId ? [savedAt.get(articleId) ?? ''] : [];
    });
    expect(arrivalOrder).toHaveLength(ARTICLES);
    expect(new Set(arrivalOrder).size).toBe(ARTICLES);
    expect(arrivalOrder).toEqual([...arrivalOrder].sort());
  }, 60_000);

  it('resumes from where it stopped, sending and receiving every article exactly once', async () => {
    const { database, a, b } = await pair();
    await importMany(a.db);
    expect(await a.db.syncOutbox.count()).toBe(ARTICLES);

    // A stops after its first batch went to the server, then syncs again.
    await expect(
      syncOnce(replica(a.db, 'device-a', couch(database), stopOn('push'))),
    ).rejects.toThrow('stopped in the push');
    const sentFirst = await serverDocCount(database);
    expect(sentFirst).toBeGreaterThan(0);
    expect(sentFirst).toBeLessThan(ARTICLES);
    expect(await a.db.syncOutbox.count()).toBe(ARTICLES - sentFirst);
    expect((await syncOnce(a)).sent).toBe(ARTICLES - sentFirst);
    expect(await serverDocCount(database)).toBe(ARTICLES);
    expect(await a.db.syncOutbox.count()).toBe(0);

    // B stops after its first batch was written, then syncs again from its checkpoint.
    await expect(
      syncOnce({ ...replica(b.db, 'device-b', couch(database), stopOn('pull')), pullBatch: 100 }),
    ).rejects.toThrow('stopped in the pull');
    const receivedFirst = await b.db.articles.count();
    expect(receivedFirst).toBeGreaterThan(0);
    expect(receivedFirst).toBeLessThan(ARTICLES);
    expect(await b.db.cards.count()).toBe(receivedFirst);
    expect(await syncOnce(b)).toEqual({
      received: ARTICLES - receivedFirst,
      sent: 0,
      unreadable: 0,
    });

    const articles = await b.db.articles.toArray();
    expect(articles).toHaveLength(ARTICLES);
    expect(new Set(articles.map((article) => article.url))).toEqual(
      new Set((await a.db.articles.toArray()).map((article) => article.url)),
    );
    expect(await b.db.cards.count()).toBe(ARTICLES);
    expect(await b.db.syncDocs.count()).toBe(ARTICLES);
    expect(await serverDocCount(database)).toBe(ARTICLES);
  }, 60_000);

  it('gives the receiving library the search rows and postings of the one that sent it', async () => {
    const { database, a, b } = await pair();
    await importMany(a.db);
    await saveFull(a.db);
    await syncOnce(a);
    // Three batches: the first fills a shard that the next two add to.
    await syncOnce({ ...replica(b.db, 'device-b', couch(database)), pullBatch: 100 });

    const rows = async (db: MarginsDatabase) => ({
      searchDocs: await db.searchDocs.toArray(),
      postings: await db.postings.toArray(),
      cards: await db.cards.toArray(),
    });
    const received = await rows(b.db);
    expect(received.searchDocs).toHaveLength(ARTICLES + 1);
    expect(received).toEqual(await rows(a.db));
    expect(await titlesFound(b.db, 'pelican')).toEqual([TITLE]);
  }, 60_000);
});

/** A tiny HTTP server that answers every request the same way. */
async function answering(
  status: number,
  body: string,
): Promise<{ origin: string; server: Server }> {
  const http = createServer((_request, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(body);
  });
  await new Promise<void>((listening) => http.listen(0, '127.0.0.1', listening));
  return { origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, server: http };
}

describe('a failed sync', () => {
  it.each([
    { answer: 'garbage', status: 200, body: '<html>not CouchDB</html>', code: 'bad-response' },
    {
      answer: 'JSON of another shape',
      status: 200,
      body: '{"hello":"world"}',
      code: 'bad-response',
    },
    { answer: '500 with garbage', status: 500, body: 'Internal error', code: 'server-error' },
    { answer: '500 with JSON', status: 500, body: '{"error":"unknown"}', code: 'server-error' },
    { answer: '401', status: 401, body: '{"error":"unauthorized"}', code: 'unauthorized' },
  ])(
    'says $code when the server answers $answer, and changes nothing here',
    async ({ status, body, code }) => {
      const fake = await answering(status, body);
      try {
        const db = openDatabase(`engine-fake-${Math.random()}`);
        await saveFull(db);
        const before = await contents(db);
        const client = new CouchClient({
          serverUrl: fake.origin,
          database: 'library',
          username: '',
          password: '',
        });
        expect((await failure(syncOnce(replica(db, 'device-a', client)))).code).toBe(code);
        expect(await contents(db)).toEqual(before);
      } finally {
        await new Promise((closed) => fake.server.close(closed));
      }
    },
  );

  it('says foreign-data when the documents were sealed with another key, and writes nothing', async () => {
    const { database, a } = await pair();
    await saveFull(a.db);
    await syncOnce(a);
    const db = openDatabase(`engine-other-key-${Math.random()}`);
    const otherKey = await aesGcmCipher(crypto.getRandomValues(new Uint8Array(32)));
    const intruder: Replica = { ...replica(db, 'device-c', couch(database)), cipher: otherKey };
    expect((await failure(syncOnce(intruder))).code).toBe('foreign-data');
    expect(await contents(db)).toEqual(
      await contents(openDatabase(`engine-empty-${Math.random()}`)),
    );
  });

  // Near the end: an admin ends PouchDB Server's "admin party" for the rest of the file.
  it('says unauthorized for a wrong password, and changes nothing here', async () => {
    await server.addAdmin('admin', 'right password');
    const wrong = { username: 'admin', password: 'wrong password' };
    const right = { username: 'admin', password: 'right password' };
    await expect(couch('locked', wrong).ensureDatabase()).rejects.toMatchObject({
      code: 'unauthorized',
    });

    const db = openDatabase(`engine-locked-${Math.random()}`);
    await saveFull(db);
    const before = await contents(db);
    expect((await failure(syncOnce(replica(db, 'device-a', couch('locked', wrong))))).code).toBe(
      'unauthorized',
    );
    expect(await contents(db)).toEqual(before);

    // The same account with its password creates the database and syncs.
    await couch('locked', right).ensureDatabase();
    expect((await syncOnce(replica(db, 'device-a', couch('locked', right)))).sent).toBe(1);
  });

  // Last of all.
  it('says the server is unreachable when it is stopped, and changes nothing here', async () => {
    const db = openDatabase(`engine-offline-${Math.random()}`);
    await saveFull(db);
    const before = await contents(db);
    // Stopped for good: the server is in memory, and starting it again costs seconds.
    await server.stop();
    expect((await failure(syncOnce(replica(db, 'device-a', couch('library'))))).code).toBe(
      'unreachable',
    );
    expect(await contents(db)).toEqual(before);
  }, 60_000);
});
