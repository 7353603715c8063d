/**
 * The checks of the images e2e files, the same in both browsers: what a save stored of the
 * story's images, and what the reader shows of them.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
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
  expect(text).toContain(message(`images_remote_${count === 1 ? 'one' : 'other'}`, `${count}`));
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

/**
 * Exports the Markdown ZIP from the Import & export page (pictures included, its default) and
 * checks it: `pictures` files in images/, each a PNG, and the article's image links are exactly
 * those files, relative to the Markdown file.
 */
export async function expectMarkdownZipWithPictures(
  transfer: Page,
  downloadsDir: string,
  pictures: number,
): Promise<void> {
  await transfer.click('input[name=export-format][value=markdown-zip]');
  expect(await transfer.$eval('input[name=export-images]', (el) => el.checked)).toBe(true);
  await transfer.click('section[aria-labelledby=export-heading] button.primary');
  const name = await waitFor(
    'the Markdown ZIP download',
    async () => (await readdir(downloadsDir)).find((file) => file.endsWith('-markdown.zip')),
    20_000,
  );
  const files = await waitFor('the whole ZIP', async () =>
    unzipSync(new Uint8Array(await readFile(join(downloadsDir, name)))),
  );
  const images = Object.keys(files).filter((file) => file.startsWith('images/'));
  expect(images).toHaveLength(pictures);
  for (const file of images) expect([...(files[file]?.slice(0, 4) ?? [])]).toEqual(PNG_SIGNATURE);
  const story = Object.entries(files).find(([file]) => file.endsWith('.md') && file !== 'index.md');
  const markdown = strFromU8(story?.[1] ?? new Uint8Array());
  const links = [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((link) => link[1]);
  expect(links.sort()).toEqual([...images].sort());
}
