/**
 * The checks of the images e2e files, the same in both browsers: what a save stored of the
 * story's images, and what the reader shows of them.
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { ArticleImagesRow } from '../../../src/db/images.ts';
import { DB_NAME, message, readRowsInExtension } from './records.ts';
import { waitFor } from './util.ts';

/** The article's images row once every image has been tried, read from a Margins page. */
export function finishedImages(page: Page, articleId: string): Promise<ArticleImagesRow> {
  return waitFor(
    'the images of the saved story to be fetched',
    async () => {
      const rows = (await page.evaluate(
        readRowsInExtension,
        DB_NAME,
        'articleImages',
      )) as ArticleImagesRow[];
      const row = rows.find((item) => item.articleId === articleId);
      return row?.state === 'done' && row;
    },
    30_000,
  );
}

/** Each image's address and what became of it. */
export function statusesOf(row: ArticleImagesRow): Record<string, string> {
  return Object.fromEntries(row.images.map((image) => [image.url, image.status]));
}

interface ShownImage {
  source: string;
  /** The picture shown is a stored one (a blob: URL) and the browser decoded it. */
  shown: boolean;
  remote: boolean;
  src: string | null;
}

/** The body's images as the reader shows them. */
export function readerImages(reader: Page): Promise<ShownImage[]> {
  return reader.$$eval('[data-testid=article-body] img', (images) =>
    (images as HTMLImageElement[]).map((img) => ({
      source: img.dataset.marginsSource ?? '',
      shown: img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0,
      remote: img.classList.contains('image-remote'),
      src: img.getAttribute('src'),
    })),
  );
}

/** Waits until the reader shows exactly `stored` as stored pictures and the rest as frames. */
export async function expectReaderShows(
  reader: Page,
  stored: readonly string[],
  remote: readonly string[],
): Promise<void> {
  const images = await waitFor(
    'the reader to show the stored pictures',
    async () => {
      const shown = await readerImages(reader);
      const ready = shown.filter((image) => image.shown).length === stored.length;
      return ready && shown;
    },
    20_000,
  );
  expect(images.filter((image) => image.shown).map((image) => image.source)).toEqual(stored);
  const frames = images.filter((image) => !image.shown);
  expect(frames.map((image) => image.source)).toEqual(remote);
  // A frame points nowhere: no address of the publisher is left in the page.
  for (const frame of frames) expect(frame).toMatchObject({ remote: true, src: null });
}

/** The note over the body says how many images stayed on the publisher's site. */
export async function expectRemoteNote(reader: Page, count: number): Promise<void> {
  const note = await reader.waitForSelector('[data-testid=images-note] [data-testid=images-load]');
  const text = await note?.evaluate((el) => el.parentElement?.textContent ?? '');
  expect(text).toContain(
    message(`reader_images_remote_${count === 1 ? 'one' : 'other'}`, `${count}`),
  );
}
