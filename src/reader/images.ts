/**
 * The saved body's images as the reader shows them: each `<img>` shows the picture stored for
 * it, or, when none is, stays an empty frame with its alt text. Nothing points an image at the
 * publisher (renderArticleBody took those addresses off), and the page's content security
 * policy (`img-src 'self' blob: data:`) would refuse it anyway: the reader contacts no one.
 */
import { IMAGE_SOURCE_ATTRIBUTE } from '../shared/article-images.ts';
import type { ArticleImage } from '../db/images.ts';
import { siteAccessFor } from '../shared/site-access.ts';

/** Class of an image whose picture is not stored (reader.css draws it as a frame). */
export const REMOTE_IMAGE_CLASS = 'image-remote';

/**
 * Points each image of a rendered body (renderArticleBody) at its stored picture (`shown`: the
 * image's address → an object URL), and frames the others. `title` labels an image that is
 * not stored.
 */
export function showStoredImages(
  root: ParentNode,
  shown: ReadonlyMap<string, string>,
  title: (url: string) => string,
): void {
  for (const img of root.querySelectorAll('img')) {
    // renderArticleBody left the address on the image and took the publisher's off it.
    const source = img.getAttribute(IMAGE_SOURCE_ATTRIBUTE);
    const stored = source ? shown.get(source) : undefined;
    // A data: image was part of the page's own markup and is shown as it is.
    if (!stored && img.getAttribute('src')?.startsWith('data:')) continue;
    if (stored) {
      img.src = stored;
      img.classList.remove(REMOTE_IMAGE_CLASS);
      img.removeAttribute('title');
    } else {
      img.removeAttribute('src');
      img.classList.add(REMOTE_IMAGE_CLASS);
      if (source) img.title = title(source);
    }
  }
}

/** The sites the images that are not stored come from, as host match patterns to ask access to. */
export function remoteImageOrigins(images: readonly ArticleImage[]): string[] {
  return siteAccessFor(
    images
      .filter((image) => image.status !== 'stored' && image.status !== 'waiting')
      .map((image) => image.url),
  );
}
