/**
 * The Node side of `npm run bench:sync`: the generated library (the articles bench:scale
 * generates, with their highlights), written to the sync server as a device that synced them
 * would, through Margins' own sync code (the same states, compression, sealing and document ids
 * a browser writes); and a second device in Node that edits articles on the server and reads the
 * whole library back, to check that it ends equal to the browser's.
 */
import { describeRange } from '../src/shared/anchoring/describe.ts';
import type { Annotation } from '../src/shared/annotation.ts';
import { storedFieldsOf, type ArticleRecord } from '../src/shared/article.ts';
import { htmlText } from '../src/shared/article-html/html-text.ts';
import { highlightAnnotation } from '../src/db/import-records.ts';
import { decodeState, encodeState, type ServerDocument } from '../src/sync/codec.ts';
import type { CouchClient } from '../src/sync/couch.ts';
import {
  emptyArticleState,
  joinArticle,
  latestStamp,
  type ArticleState,
} from '../src/sync/crdt.ts';
import type { Cipher } from '../src/sync/crypto.ts';
import { recordLocalChanges, renderState, type LocalArticle } from '../src/sync/mapping.ts';
import { generateArticle, randomSource } from '../tests/e2e/seed/generate.ts';
import { recordsDigest } from '../tests/e2e/seed/records-digest.ts';

/** Same spacing as bench:scale's library: six saves a day, so postings fall in realistic shards. */
const SAVE_SPACING_MS = 4 * 60 * 60 * 1000;
const FIRST_SAVE = Date.UTC(2022, 0, 1);
const GENERATOR_SEED = 1;
/** Documents per `_bulk_docs` request while seeding (about 1.5 MB). */
const SEED_BATCH = 200;
const NODE_DEVICE = 'node-bench';

/** A random-looking (version 4) UUID, the same for an index every run, as a device makes ids. */
export function benchArticleId(index: number): string {
  const random = randomSource(0x5eed + index);
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/**
 * The order a device sends its library in when sync is turned on (outboxInSaveOrder): oldest
 * save first. Other devices receive it in that order.
 */
export function firstPushOrder(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index).sort(
    (a, b) => savedAtOf(a) - savedAtOf(b),
  );
}

const savedAtOf = (index: number): number => FIRST_SAVE + index * SAVE_SPACING_MS;

/**
 * The generated article `index` and its highlights, as the device that saved it stores them.
 * The article text annotations are measured on is the text of the `<p>` paragraphs end to end.
 */
export function benchArticle(index: number): LocalArticle & { article: ArticleRecord } {
  const generated = generateArticle(index, GENERATOR_SEED);
  const savedAt = new Date(savedAtOf(index)).toISOString();
  const id = benchArticleId(index);
  const article: ArticleRecord = {
    ...storedFieldsOf(generated.snapshot),
    id,
    savedAt,
    updatedAt: savedAt,
    tags: generated.tags,
    note: '',
    readAt: null,
    archivedAt: null,
  };
  const text = generated.snapshot.contentHtml.replace(/<\/?p>/g, '');
  const annotations: Annotation[] = [];
  for (const [at, highlight] of generated.highlights.entries()) {
    const start = text.indexOf(highlight.quote);
    if (start < 0 || !highlight.quote.trim()) continue;
    const serial = (index * 16 + at).toString(16).padStart(12, '0');
    annotations.push(
      highlightAnnotation(
        `00000000-0000-4000-9000-${serial}`,
        article,
        describeRange(text, start, start + highlight.quote.length),
        highlight.note,
        savedAt,
      ),
    );
  }
  return { article, annotations };
}

export interface SeededLibrary {
  articles: number;
  highlights: number;
  /** Sum of the JSON sizes of the documents sent, per cipher. */
  sentBytes: number[];
}

/**
 * Writes the generated articles `indexes`, in that order, to each database, sealed with that
 * database's cipher: every state is made once and encoded once per database.
 */
export async function seedServer(
  targets: readonly { couch: CouchClient; cipher: Cipher }[],
  indexes: readonly number[],
  onProgress: (done: number) => void,
  visit: (article: ArticleRecord) => void = () => undefined,
): Promise<SeededLibrary> {
  let highlights = 0;
  const sentBytes = targets.map(() => 0);
  for (let start = 0; start < indexes.length; start += SEED_BATCH) {
    const states: ArticleState[] = [];
    for (const index of indexes.slice(start, start + SEED_BATCH)) {
      const local = benchArticle(index);
      visit(local.article);
      const stamp = { t: Date.parse(local.article.savedAt), d: NODE_DEVICE };
      const state = recordLocalChanges(emptyArticleState(local.article.id), local, stamp);
      highlights += local.annotations.length;
      states.push(state);
    }
    for (const [at, target] of targets.entries()) {
      const docs = await Promise.all(states.map((state) => encodeState(target.cipher, state)));
      sentBytes[at] = (sentBytes[at] ?? 0) + docs.reduce((sum, doc) => sum + jsonBytes(doc), 0);
      const refused = (await target.couch.bulkDocs(docs)).filter((result) => result.error);
      if (refused.length > 0) throw new Error(`the server refused ${refused.length} documents`);
    }
    onProgress(start + states.length);
  }
  return { articles: indexes.length, highlights, sentBytes };
}

const WORD = /\p{L}{5,}/gu;

/**
 * The rarest word of one article's body (fewest articles hold it), counted over every article
 * shown to `count`: what a search must find once the library has arrived.
 */
export class RareWordProbe {
  private readonly holders = new Map<string, number>();

  constructor(readonly article: ArticleRecord) {
    for (const word of htmlText(article.contentHtml).toLowerCase().match(WORD) ?? []) {
      this.holders.set(word, 0);
    }
  }

  count(article: ArticleRecord): void {
    const words = new Set(htmlText(article.contentHtml).toLowerCase().match(WORD) ?? []);
    for (const word of words) {
      const held = this.holders.get(word);
      if (held !== undefined) this.holders.set(word, held + 1);
    }
  }

  rarest(): { word: string; articles: number } {
    const [word, articles] = [...this.holders].sort(
      ([a, m], [b, n]) => m - n || b.length - a.length || (a < b ? -1 : 1),
    )[0] ?? ['', 0];
    return { word, articles };
  }
}

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/**
 * Another device, in Node: it keeps the states it read or wrote, edits articles as a user of
 * that device would (new stamps after everything it has seen), and reads the server back.
 */
export class NodeReplica {
  private readonly states = new Map<string, { state: ArticleState; rev: string }>();

  constructor(
    private readonly couch: CouchClient,
    private readonly cipher: Cipher,
  ) {}

  /** Reads one article from the server, edits its records with `edit`, and writes it back. */
  async edit(articleId: string, edit: (records: LocalArticle) => LocalArticle): Promise<void> {
    const docId = await this.cipher.documentId(articleId);
    const [doc] = await this.couch.getMany([docId]);
    if (!doc?._rev) throw new Error(`article ${articleId} is not on the server`);
    const known = this.states.get(articleId)?.state ?? emptyArticleState(articleId);
    const base = joinArticle(known, await decodeState(this.cipher, doc));
    const stamp = { t: Math.max(Date.now(), latestStamp(base).t + 1), d: NODE_DEVICE };
    const next = recordLocalChanges(base, edit(renderState(base)), stamp);
    const sealed: ServerDocument = { ...(await encodeState(this.cipher, next)), _rev: doc._rev };
    const [result] = await this.couch.bulkDocs([sealed]);
    if (!result?.rev) throw new Error(`the server refused the edit: ${result?.error ?? ''}`);
    this.states.set(articleId, { state: next, rev: result.rev });
  }

  /**
   * Every article on the server merged with what this device holds: article id → the digest of
   * the records this device would store (deleted articles left out).
   */
  async readLibrary(docs: readonly ServerDocument[]): Promise<Map<string, string>> {
    const library = new Map<string, string>();
    for (const doc of docs) {
      if (doc._deleted || doc.c === undefined) continue;
      const arrived = await decodeState(this.cipher, doc);
      const known = this.states.get(arrived.id)?.state ?? emptyArticleState(arrived.id);
      const merged = joinArticle(known, arrived);
      this.states.set(arrived.id, { state: merged, rev: doc._rev ?? '' });
      const records = renderState(merged);
      if (records.article) library.set(arrived.id, await recordsDigest(records));
    }
    return library;
  }

  /** The records this device holds of an article, as it would store them. */
  recordsOf(articleId: string): LocalArticle | null {
    const known = this.states.get(articleId);
    return known ? renderState(known.state) : null;
  }
}
