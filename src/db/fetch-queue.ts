/**
 * The queue of links whose articles Margins fetches in the background (imported links, and any
 * "Link only" record). It lives in IndexedDB so a stopped worker or a restarted browser carries
 * on where it was; a link leaves it in the transaction that stores its article
 * (fillFetchedArticle), or stays in it as failed, with its reason, until the user retries.
 */
import type { FetchFailure } from '../shared/article-fetch.ts';
import { hostOf } from '../shared/url.ts';
import type { MarginsDatabase } from './schema.ts';

export interface FetchQueueRow {
  articleId: string;
  url: string;
  /** The site, for pacing: requests to one site are spaced out. */
  host: string;
  state: 'waiting' | 'failed';
  /** Tries so far (a timeout or a server error is tried again later). */
  attempts: number;
  /** Not tried before this time (ms): a retry waits. */
  notBefore: number;
  /** Why the last try failed; null before any. */
  reason: FetchFailure | null;
  /** When it was queued (ms): the queue is worked oldest first. */
  queuedAt: number;
}

const isWebAddress = (url: string): boolean => /^https?:\/\//i.test(url);

/**
 * Queues every "Link only" record that is not queued yet; failed ones are left for the user's
 * retry. Read from the list cards, which are small, so the bodies of a large library are not
 * read. Returns how many were added.
 */
export async function queueLinkOnlyArticles(db: MarginsDatabase, now: number): Promise<number> {
  return db.transaction('rw', [db.cards, db.fetchQueue], async () => {
    const links = (await db.cards.toArray()).filter(
      (card) => card.kind === 'link' && isWebAddress(card.url),
    );
    const queued = new Set((await db.fetchQueue.toCollection().primaryKeys()) as string[]);
    const rows = links
      .filter((card) => !queued.has(card.id))
      .map((card, at): FetchQueueRow => ({
        articleId: card.id,
        url: card.url,
        host: hostOf(card.url),
        state: 'waiting',
        attempts: 0,
        notBefore: 0,
        reason: null,
        // Oldest save first, as the links were saved.
        queuedAt: now + at,
      }));
    await db.fetchQueue.bulkPut(rows);
    return rows.length;
  });
}

/** The waiting links that may be tried at `now`, oldest first. */
export async function dueLinks(db: MarginsDatabase, now: number): Promise<FetchQueueRow[]> {
  const waiting = await db.fetchQueue.where('state').equals('waiting').toArray();
  return waiting.filter((row) => row.notBefore <= now).sort((a, b) => a.queuedAt - b.queuedAt);
}

/** When the next waiting link may be tried (ms), or null when none waits. */
export async function nextTryAt(db: MarginsDatabase): Promise<number | null> {
  const waiting = await db.fetchQueue.where('state').equals('waiting').toArray();
  return waiting.length === 0 ? null : Math.min(...waiting.map((row) => row.notBefore));
}

/** A try failed: tried again at `retryAt`, or, with null, kept as failed with its reason. */
export async function recordFetchFailure(
  db: MarginsDatabase,
  articleId: string,
  reason: FetchFailure,
  retryAt: number | null,
): Promise<void> {
  await db.transaction('rw', [db.fetchQueue], async () => {
    const row = await db.fetchQueue.get(articleId);
    if (!row) return;
    await db.fetchQueue.put({
      ...row,
      state: retryAt === null ? 'failed' : 'waiting',
      attempts: row.attempts + 1,
      notBefore: retryAt ?? row.notBefore,
      reason,
    });
  });
}

/** A link whose article is gone (deleted meanwhile) leaves the queue. */
export async function dropFromQueue(db: MarginsDatabase, articleId: string): Promise<void> {
  await db.fetchQueue.delete(articleId);
}

/** The failed links wait again, as if never tried. Returns how many. */
export async function retryFailedLinks(db: MarginsDatabase): Promise<number> {
  return db.fetchQueue
    .where('state')
    .equals('failed')
    .modify({ state: 'waiting', attempts: 0, notBefore: 0, reason: null });
}

/** Stops fetching: the waiting links leave the queue (they stay links in the library). */
export async function cancelWaitingLinks(db: MarginsDatabase): Promise<number> {
  return db.fetchQueue.where('state').equals('waiting').delete();
}

export async function queueCounts(
  db: MarginsDatabase,
): Promise<{ waiting: number; failed: number }> {
  const [waiting, failed] = await Promise.all([
    db.fetchQueue.where('state').equals('waiting').count(),
    db.fetchQueue.where('state').equals('failed').count(),
  ]);
  return { waiting, failed };
}

/** The failed links with their titles and reasons, for the user to read (at most `limit`). */
export async function failedLinks(
  db: MarginsDatabase,
  limit: number,
): Promise<{ row: FetchQueueRow; title: string }[]> {
  return db.transaction('r', [db.fetchQueue, db.cards], async () => {
    const rows = await db.fetchQueue.where('state').equals('failed').limit(limit).toArray();
    const cards = await db.cards
      .where('id')
      .anyOf(rows.map((row) => row.articleId))
      .toArray();
    const titles = new Map(cards.map((card) => [card.id, card.title]));
    return rows.map((row) => ({ row, title: titles.get(row.articleId) ?? row.url }));
  });
}

/**
 * The "Link only" records not in the queue: what "Fetch the articles" would queue, with their
 * addresses (the site access to ask for is made from them).
 */
export async function unqueuedLinks(db: MarginsDatabase): Promise<string[]> {
  return db.transaction('r', [db.cards, db.fetchQueue], async () => {
    const queued = new Set((await db.fetchQueue.toCollection().primaryKeys()) as string[]);
    const cards = await db.cards.toArray();
    return cards
      .filter((card) => card.kind === 'link' && isWebAddress(card.url) && !queued.has(card.id))
      .map((card) => card.url);
  });
}
