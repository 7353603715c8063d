/**
 * The article's images row and its stored pictures as object URLs, kept current while images
 * arrive; every URL made is revoked when the pictures change or the reader closes.
 */
import { useEffect, useState } from 'preact/hooks';
import { articleImagesOf, imageBlobsOf, type ArticleImagesRow } from '../db/images.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import { useLiveQuery } from '../ui/use-live-query.ts';

export interface ArticleImagesView {
  row: ArticleImagesRow | null;
  /** Image address → object URL of its stored picture. */
  shown: ReadonlyMap<string, string>;
}

const NONE: ArticleImagesView = { row: null, shown: new Map() };

export function useArticleImages(db: MarginsDatabase, articleId: string): ArticleImagesView {
  const state = useLiveQuery(
    ['articleImages', 'imageBlobs'],
    async () => {
      const row = await articleImagesOf(db, articleId);
      return { row, blobs: await imageBlobsOf(db, row?.hashes ?? []) };
    },
    [db, articleId],
  );
  const [view, setView] = useState<ArticleImagesView>(NONE);
  useEffect(() => {
    if (state.status !== 'ready') return;
    const { row, blobs } = state.value;
    const shown = new Map<string, string>();
    const made: string[] = [];
    for (const image of row?.images ?? []) {
      const blob = image.hash ? blobs.get(image.hash) : undefined;
      if (!blob) continue;
      const url = URL.createObjectURL(new Blob([blob.data], { type: blob.type }));
      made.push(url);
      shown.set(image.url, url);
    }
    setView({ row, shown });
    // The body shows the next set before these go: the effect of the next answer runs first.
    return () => {
      setTimeout(() => made.forEach((url) => URL.revokeObjectURL(url)), 1_000);
    };
  }, [state]);
  return view;
}
