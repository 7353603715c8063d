/**
 * What became of an article's images, counted for the lines that tell the user (the popup after
 * a save, the note over the reader's article).
 */
import type { ArticleImage } from '../db/images.ts';

export interface ImageCounts {
  stored: number;
  waiting: number;
  /** Not stored: refused, failed, too large or removed. */
  remote: number;
  tooLarge: number;
}

export function countImages(images: readonly ArticleImage[]): ImageCounts {
  const counts: ImageCounts = { stored: 0, waiting: 0, remote: 0, tooLarge: 0 };
  for (const image of images) {
    if (image.status === 'stored') counts.stored += 1;
    else if (image.status === 'waiting') counts.waiting += 1;
    else counts.remote += 1;
    if (image.status === 'too-large') counts.tooLarge += 1;
  }
  return counts;
}
