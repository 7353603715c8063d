/**
 * Fetches the articles of "Link only" records in the background, politely: a few pages at once,
 * one at a time per site, and a second between the end of one request to a site and the next. The queue is in
 * IndexedDB (db/fetch-queue.ts) and the wanted state (running or paused) in local storage, so a
 * worker stopped mid-way, or a restarted browser, carries on from where it was: the background
 * resumes it when it wakes, and an alarm wakes it while work is left.
 */
import { fillFetchedArticle } from '../db/articles.ts';
import {
  cancelWaitingLinks,
  dropFromQueue,
  dueLinks,
  nextTryAt,
  queueCounts,
  queueLinkOnlyArticles,
  recordFetchFailure,
  retryFailedLinks,
  type FetchQueueRow,
} from '../db/fetch-queue.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import { browser } from '../platform/browser.ts';
import type { ArticleRecord, ArticleSnapshot } from '../shared/article.ts';
import {
  FETCH_STATUS_KEY,
  parseFetchStatus,
  type ArticleFetchStatus,
  type FetchFailure,
} from '../shared/article-fetch.ts';
import { MarginsError } from '../shared/protocol.ts';
import { sitePatternOf } from '../shared/site-access.ts';
import { keepingWorkerAlive } from '../sync/keep-alive.ts';
import { fetchFailure, FetchFailureError, isTransient, type FetchedPage } from './fetch-page.ts';

/** Pages fetched at once, across sites. */
export const FETCH_CONCURRENCY = 3;
/** Between two requests to one site. */
export const SITE_GAP_MS = 1_000;
/** A timeout or server error is tried this many times in all. */
export const MAX_ATTEMPTS = 3;
/** The first retry waits this long, the next twice as long. */
export const RETRY_AFTER_MS = 60_000;
/** Wakes a stopped worker while links wait (Chrome's shortest period is half a minute). */
export const FETCH_ALARM = 'margins-fetch-articles';

export interface FetcherDeps {
  load(url: string): Promise<FetchedPage>;
  extract(page: FetchedPage): Promise<ArticleSnapshot>;
  now(): number;
  /** Resolves after `ms` (tests pass a clock of their own). */
  sleep(ms: number): Promise<void>;
  /** Called once the queue has nothing left to do (Chrome closes its offscreen document). */
  onDone?(): Promise<void>;
  /** Called with each article filled in, whose images are then kept (article-images.ts). */
  onFilled?(article: ArticleRecord): void;
}

function failureOf(error: unknown): FetchFailure {
  if (error instanceof FetchFailureError) return error.failure;
  if (error instanceof MarginsError) {
    return error.code === 'page-too-large'
      ? { code: 'too-large', detail: error.detail.slice(0, 500) }
      : { code: 'unreadable', detail: error.detail.slice(0, 500) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'unreadable', detail: detail.slice(0, 500) };
}

export class ArticleFetcher {
  private draining: Promise<void> | null = null;
  /** What the user wants now; the loop stops taking links when it is no longer 'running'. */
  private wanted: ArticleFetchStatus['state'] = 'idle';
  /** Links turned into articles since the fetch was started (kept in the stored status). */
  private fetched = 0;
  /** When each site was last asked for a page (ms). */
  private readonly lastRequest = new Map<string, number>();
  private readonly busyHosts = new Set<string>();

  constructor(
    private readonly db: MarginsDatabase,
    private readonly deps: FetcherDeps,
  ) {}

  /** Queues every "Link only" record not queued yet and starts (or resumes) fetching. */
  async start(): Promise<ArticleFetchStatus> {
    const before = await this.readStatus();
    const fresh = before.state === 'idle' && before.waiting === 0;
    await queueLinkOnlyArticles(this.db, this.deps.now());
    return this.run(fresh ? 0 : before.fetched);
  }

  async pause(): Promise<ArticleFetchStatus> {
    const status = await this.publish('paused');
    await browser.alarms.clear(FETCH_ALARM);
    return status;
  }

  async resume(): Promise<ArticleFetchStatus> {
    return this.run((await this.readStatus()).fetched);
  }

  /** The failed links are tried again. */
  async retryFailed(): Promise<ArticleFetchStatus> {
    await retryFailedLinks(this.db);
    return this.run((await this.readStatus()).fetched);
  }

  /** Stops and forgets the links still waiting (they stay links; failed ones stay listed). */
  async cancel(): Promise<ArticleFetchStatus> {
    await this.publish('idle');
    await browser.alarms.clear(FETCH_ALARM);
    await this.draining;
    await cancelWaitingLinks(this.db);
    return this.publish('idle');
  }

  async status(): Promise<ArticleFetchStatus> {
    return this.readStatus();
  }

  /** The worker woke (started, or by the alarm): carries on if the user left it running. */
  async resumeIfRunning(): Promise<boolean> {
    const status = await this.readStatus();
    if (status.state !== 'running') return false;
    await this.run(status.fetched);
    return true;
  }

  /** Resolves when the current work is over (tests, and cancel). */
  async settled(): Promise<void> {
    await this.draining;
  }

  private async run(fetched: number): Promise<ArticleFetchStatus> {
    this.fetched = fetched;
    const status = await this.publish('running');
    await browser.alarms.create(FETCH_ALARM, { periodInMinutes: 1 });
    if (!this.draining) {
      this.draining = keepingWorkerAlive(() => this.drain()).finally(() => {
        this.draining = null;
      });
    }
    return status;
  }

  private async readStatus(): Promise<ArticleFetchStatus> {
    const stored = await browser.storage.local.get(FETCH_STATUS_KEY);
    const status = parseFetchStatus(stored[FETCH_STATUS_KEY]);
    return { ...status, ...(await queueCounts(this.db)) };
  }

  private async publish(state: ArticleFetchStatus['state']): Promise<ArticleFetchStatus> {
    this.wanted = state;
    const status: ArticleFetchStatus = {
      state,
      fetched: this.fetched,
      ...(await queueCounts(this.db)),
    };
    await browser.storage.local.set({ [FETCH_STATUS_KEY]: status });
    return status;
  }

  /** The next link whose site is free and was not asked in the last SITE_GAP_MS. */
  private pick(due: FetchQueueRow[], now: number): FetchQueueRow | undefined {
    const at = due.findIndex(
      (row) =>
        !this.busyHosts.has(row.host) &&
        now - (this.lastRequest.get(row.host) ?? -Infinity) >= SITE_GAP_MS,
    );
    return at < 0 ? undefined : due.splice(at, 1)[0];
  }

  private async drain(): Promise<void> {
    const working = new Set<Promise<void>>();
    let due = await dueLinks(this.db, this.deps.now());
    while (this.wanted === 'running') {
      const now = this.deps.now();
      const next = working.size < FETCH_CONCURRENCY ? this.pick(due, now) : undefined;
      if (next) {
        this.busyHosts.add(next.host);
        this.lastRequest.set(next.host, now);
        const task: Promise<void> = this.fetchOne(next).finally(() => {
          // The pause between two requests to one site counts from the end of the first.
          this.lastRequest.set(next.host, this.deps.now());
          this.busyHosts.delete(next.host);
          working.delete(task);
        });
        working.add(task);
        continue;
      }
      if (due.length === 0 && working.size === 0) {
        due = await dueLinks(this.db, now);
        if (due.length > 0) continue;
        const later = await nextTryAt(this.db);
        if (later === null) {
          await this.publish('idle');
          await browser.alarms.clear(FETCH_ALARM);
          await this.deps.onDone?.();
          break;
        }
        // Retries wait; a worker that sleeps meanwhile is woken by the alarm.
        await this.deps.sleep(Math.min(later - now, RETRY_AFTER_MS));
        due = await dueLinks(this.db, this.deps.now());
        continue;
      }
      await Promise.race([...working, this.deps.sleep(SITE_GAP_MS / 4)]);
    }
    await Promise.allSettled(working);
  }

  private async fetchOne(row: FetchQueueRow): Promise<void> {
    try {
      const site = sitePatternOf(row.url);
      if (!site || !(await browser.permissions.contains({ origins: [site] }))) {
        throw fetchFailure('no-access', row.host);
      }
      const page = await this.deps.load(row.url);
      const snapshot = await this.deps.extract(page);
      if (snapshot.kind !== 'article') throw fetchFailure('not-article', page.url);
      const filled = await fillFetchedArticle(
        this.db,
        row.articleId,
        snapshot,
        new Date(this.deps.now()),
      );
      if (filled) {
        this.fetched += 1;
        this.deps.onFilled?.(filled);
      }
    } catch (error) {
      const failure = failureOf(error);
      const retry =
        isTransient(failure) && row.attempts + 1 < MAX_ATTEMPTS
          ? this.deps.now() + RETRY_AFTER_MS * 2 ** row.attempts
          : null;
      if (await this.db.articles.get(row.articleId)) {
        await recordFetchFailure(this.db, row.articleId, failure, retry);
      } else {
        await dropFromQueue(this.db, row.articleId);
      }
    }
    if (this.wanted === 'running') await this.publish('running');
  }
}
