import type { ArticleImagesRow } from '../../db/images.ts';
import type { LibraryReader } from '../../db/read/idb.ts';
import { formatCount, plural, t } from '../../shared/i18n.ts';
import { countImages } from '../../ui/image-counts.ts';
import { useLiveQuery } from '../../ui/use-live-query.ts';

/**
 * Under a save's outcome: the article's images as they arrive after its text, then how many
 * stayed on the publisher's site (the reader can load them from there).
 */
export function SavedImages({ reader, articleId }: { reader: LibraryReader; articleId: string }) {
  const state = useLiveQuery(
    ['articleImages'],
    () => reader.get<ArticleImagesRow>('articleImages', articleId),
    [reader, articleId],
  );
  const row = state.status === 'ready' ? state.value : undefined;
  if (!row || row.images.length === 0) return null;
  const counts = countImages(row.images);
  const text =
    counts.waiting > 0
      ? t('images_waiting', [
          formatCount(row.images.length - counts.waiting),
          formatCount(row.images.length),
        ])
      : counts.remote > 0
        ? plural('images_remote', counts.remote)
        : plural('popup_images_kept', counts.stored);
  return (
    <p class="saved-images" data-testid="saved-images">
      {text}
    </p>
  );
}
