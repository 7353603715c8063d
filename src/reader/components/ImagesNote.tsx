import { useState } from 'preact/hooks';
import type { ArticleImagesRow } from '../../db/images.ts';
import { formatCount, plural, t } from '../../shared/i18n.ts';
import { loadImagesFromPublisher } from '../actions.ts';
import { countImages } from '../../ui/image-counts.ts';
import { remoteImageOrigins } from '../images.ts';
import { useAnnounce } from '../status.tsx';

/**
 * What became of the article's images, when it is not simply "all kept": still arriving, or some
 * left on the publisher's site (with why, and a button that fetches them for this article).
 */
export function ImagesNote({
  articleId,
  row,
}: {
  articleId: string;
  row: ArticleImagesRow | null;
}) {
  const announce = useAnnounce();
  const [asking, setAsking] = useState(false);
  if (!row) return null;
  const counts = countImages(row.images);
  const total = row.images.length;
  if (counts.waiting > 0) {
    return (
      <p class="images-note" role="status" data-testid="images-note">
        {t('images_waiting', [formatCount(total - counts.waiting), formatCount(total)])}
      </p>
    );
  }
  if (counts.remote === 0) return null;
  const load = async () => {
    setAsking(true);
    await loadImagesFromPublisher(announce, articleId, remoteImageOrigins(row.images));
    setAsking(false);
  };
  return (
    <p class="images-note" role="status" data-testid="images-note">
      <span>{plural('images_remote', counts.remote)}</span>
      {counts.tooLarge > 0 && (
        <span> {plural('reader_images_too_large', counts.tooLarge)}</span>
      )}{' '}
      <button type="button" data-testid="images-load" disabled={asking} onClick={() => void load()}>
        {t('reader_images_load')}
      </button>
    </p>
  );
}
