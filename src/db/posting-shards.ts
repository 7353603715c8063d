/**
 * Which shard of the search postings (postings.ts) a new article's words are filed in. Shards
 * are filled in the order articles arrive, SHARD_ARTICLES each (BULK_SHARD_ARTICLES when
 * thousands are written at once), whatever their save dates: a
 * library that grew slowly, one imported in a day and one received by a first sync all get the
 * same few large records, where date shards gave a slow reader's library thousands of small
 * ones (each record written costs a request of its own) and a busy day's shard lists too long
 * to rewrite on every save.
 */
import type { MarginsDatabase } from './schema.ts';

/**
 * Articles per shard. A save rewrites the posting records of its words in its shard, so this
 * bounds what a save writes; fewer, larger shards make fewer records to write in a first sync or
 * an import and to read per searched word.
 */
export const SHARD_ARTICLES = 500;

/**
 * Articles per shard when thousands arrive in one write (an import, a first sync's batches). A
 * save only joins a shard holding fewer than SHARD_ARTICLES, so these larger shards never make a
 * save slower, while a library written in bulk gets about half as many posting records (3.7
 * instead of 6.6 per article for bench:sync's library; see bench/README for the first sync).
 */
export const BULK_SHARD_ARTICLES = 1000;

/** Hands out shards to new articles: the newest shard while it has room, then a new one. */
export class ShardFiller {
  private readonly opened = new Set<number>();

  private constructor(
    private shard: number,
    private held: number,
    private readonly capacity: number,
  ) {}

  /**
   * Must run inside the caller's transaction over `searchDocs`. `capacity`: how many articles
   * a shard may hold before this filler opens the next.
   */
  static async open(db: MarginsDatabase, capacity = SHARD_ARTICLES): Promise<ShardFiller> {
    const newest = (await db.searchDocs.orderBy('shard').lastKey()) as number | undefined;
    if (newest === undefined) return new ShardFiller(0, 0, capacity);
    const held = await db.searchDocs.where('shard').equals(newest).count();
    return new ShardFiller(newest, held, capacity);
  }

  next(): number {
    if (this.held >= this.capacity) {
      this.shard += 1;
      this.held = 0;
    }
    if (this.held === 0) this.opened.add(this.shard);
    this.held += 1;
    return this.shard;
  }

  /** The shards handed out that held no article before: their records need not be read. */
  emptyBefore(): number[] {
    return [...this.opened];
  }
}
