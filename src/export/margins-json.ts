/**
 * The full Margins format (README, "Export format"), streamed one article at a time. The pieces
 * come from src/shared/export-format.ts, so the bytes equal `exportChunks(...).join('')`.
 */
import {
  EXPORT_FOOTER_CHUNK,
  exportArticleChunk,
  exportHeaderChunk,
  type ExportedArticle,
} from '../shared/export-format.ts';
import { textChunks } from './text-chunks.ts';
import type { ExportContext, ExportFormat } from './types.ts';

async function* documentPieces(
  articles: AsyncIterable<ExportedArticle>,
  now: Date,
): AsyncGenerator<string> {
  yield exportHeaderChunk(now);
  let isFirst = true;
  for await (const article of articles) {
    yield exportArticleChunk(article, isFirst);
    isFirst = false;
  }
  yield EXPORT_FOOTER_CHUNK;
}

export const marginsJsonFormat: ExportFormat = {
  id: 'margins-json',
  extension: 'json',
  mimeType: 'application/json',
  write: (articles: AsyncIterable<ExportedArticle>, context: ExportContext) =>
    textChunks(documentPieces(articles, context.now)),
};
