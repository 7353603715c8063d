/**
 * "Fetch missing images": goes through the library one article at a time, keeping the images
 * each is missing (articles saved before images were kept, synced from another device, or whose
 * images failed), with a count the settings page shows and a pause. A worker stopped mid-way
 * leaves every article consistent; what it had started is resumed at the next start
 * (resumeImageFetching), and pressing the button again finds the rest.
 */
import { articlesMissingImages, articleImagesOf, retryMissingImages } from '../db/images.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import type { ImageBackfillStatus } from '../shared/protocol.ts';
import { fetchWaitingImages, keepImages } from './article-images.ts';

export class ImageBackfill {
  private status: ImageBackfillStatus = { state: 'idle', done: 0, total: 0 };
  private queue: string[] = [];

  constructor(private readonly db: MarginsDatabase) {}

  current(): ImageBackfillStatus {
    return { ...this.status };
  }

  async start(): Promise<ImageBackfillStatus> {
    if (this.status.state === 'running') return this.current();
    this.queue = await articlesMissingImages(this.db);
    this.status = { state: 'running', done: 0, total: this.queue.length };
    void this.run();
    return this.current();
  }

  /** Stops after the article being fetched; `resume` carries on with the next. */
  pause(): ImageBackfillStatus {
    if (this.status.state === 'running') this.status = { ...this.status, state: 'paused' };
    return this.current();
  }

  resume(): ImageBackfillStatus {
    if (this.status.state === 'paused') {
      this.status = { ...this.status, state: 'running' };
      void this.run();
    }
    return this.current();
  }

  private async run(): Promise<void> {
    while (this.status.state === 'running') {
      const articleId = this.queue.shift();
      if (articleId === undefined) break;
      try {
        await this.fill(articleId);
      } catch (error) {
        // One article's failure (a body the offscreen page could not read) stops no other.
        console.error('Margins: images of', articleId, error);
      }
      this.status = { ...this.status, done: this.status.done + 1 };
    }
    if (this.queue.length === 0) this.status = { ...this.status, state: 'idle' };
  }

  private async fill(articleId: string): Promise<void> {
    if (await articleImagesOf(this.db, articleId)) {
      await retryMissingImages(this.db, [articleId], new Date());
      await fetchWaitingImages(this.db, articleId);
      return;
    }
    const article = await this.db.articles.get(articleId);
    if (article) await keepImages(this.db, article);
  }
}

const backfills = new WeakMap<MarginsDatabase, ImageBackfill>();

export function imageBackfillFor(db: MarginsDatabase): ImageBackfill {
  let backfill = backfills.get(db);
  if (!backfill) {
    backfill = new ImageBackfill(db);
    backfills.set(db, backfill);
  }
  return backfill;
}
