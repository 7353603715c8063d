/**
 * The full Margins format (README, "Export format"), streamed one article at a time. The pieces
 * come from src/shared/export-format.ts, so without pictures the bytes equal
 * `exportChunks(...).join('')`.
 *
 * With pictures (`context.pictures`), each article lists its images and the stored pictures
 * follow the articles in a top-level `images` object, each once, base64: the hashes seen are
 * remembered while the articles stream by, and the pictures are then read a few at a time.
 */
import {
  EXPORT_FOOTER_CHUNK,
  EXPORT_IMAGES_FOOTER_CHUNK,
  EXPORT_IMAGES_OPENING_CHUNK,
  EXPORT_PICTURE_CLOSING,
  exportArticleChunk,
  exportHeaderChunk,
  exportPictureOpening,
  type ExportedArticle,
  type PictureReader,
} from '../shared/export-format.ts';
import { base64Pieces, pictureHashesOf, readPictures } from './pictures.ts';
import { textChunks } from './text-chunks.ts';
import type { ExportContext, ExportFormat } from './types.ts';

/** The article as the file holds it: its images listed only when the pictures come along. */
function carried(article: ExportedArticle, withImages: boolean): ExportedArticle {
  if (withImages) return { ...article, images: article.images ?? [] };
  if (!article.images) return article;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out of this file.
  const { images, ...rest } = article;
  return rest;
}

async function* picturePieces(read: PictureReader, hashes: Set<string>): AsyncGenerator<string> {
  let isFirst = true;
  for await (const [hash, picture] of readPictures(read, hashes)) {
    yield exportPictureOpening(hash, picture.type, isFirst);
    yield* base64Pieces(picture.data);
    yield EXPORT_PICTURE_CLOSING;
    isFirst = false;
  }
}

async function* documentPieces(
  articles: AsyncIterable<ExportedArticle>,
  context: ExportContext,
): AsyncGenerator<string> {
  const { pictures } = context;
  // Only the hashes are kept while the articles go by, never the pictures.
  const shown = new Set<string>();
  yield exportHeaderChunk(context.now);
  let isFirst = true;
  for await (const article of articles) {
    const written = carried(article, pictures !== undefined);
    for (const hash of pictureHashesOf(written.images)) shown.add(hash);
    yield exportArticleChunk(written, isFirst);
    isFirst = false;
  }
  if (!pictures) {
    yield EXPORT_FOOTER_CHUNK;
    return;
  }
  yield EXPORT_IMAGES_OPENING_CHUNK;
  yield* picturePieces(pictures, shown);
  yield EXPORT_IMAGES_FOOTER_CHUNK;
}

export const marginsJsonFormat: ExportFormat = {
  id: 'margins-json',
  extension: 'json',
  mimeType: 'application/json',
  // Pictures can make the file many times larger; the text is what most exports are for.
  imagesByDefault: false,
  write: (articles: AsyncIterable<ExportedArticle>, context: ExportContext) =>
    textChunks(documentPieces(articles, context)),
};
