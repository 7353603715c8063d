/**
 * The export formats, and the one call the export page needs: articles in, a Blob of the chosen
 * format out, with progress in articles and bytes.
 */
import type { ExportedArticle } from '../shared/export-format.ts';
import { annotationsJsonLdFormat } from './annotations-jsonld.ts';
import { bookmarksHtmlFormat } from './bookmarks-html.ts';
import { csvFormat } from './csv.ts';
import { markdownZipFormat } from './markdown-zip.ts';
import { marginsJsonFormat } from './margins-json.ts';
import { countingArticles } from './progress.ts';
import { collectToBlob } from './sink.ts';
import type { ExportContext, ExportFormat, ExportFormatId } from './types.ts';

export { exportFileNameFor } from './file-name.ts';
export { collectToBlob } from './sink.ts';
export {
  DEFAULT_EXPORT_LABELS,
  type ExportChunk,
  type ExportContext,
  type ExportFormat,
  type ExportFormatId,
  type ExportLabels,
} from './types.ts';

/** In the order the export page offers them: the lossless format first. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  marginsJsonFormat,
  markdownZipFormat,
  annotationsJsonLdFormat,
  csvFormat,
  bookmarksHtmlFormat,
];

const FORMATS_BY_ID = new Map(EXPORT_FORMATS.map((format) => [format.id, format]));

export function exportFormat(id: ExportFormatId): ExportFormat {
  const format = FORMATS_BY_ID.get(id);
  if (!format) throw new Error(`Unknown export format: ${id}`);
  return format;
}

export interface ExportProgress {
  /** Articles taken into the file so far (the writer reads them as it goes). */
  articles: number;
}

export async function exportToBlob(
  format: ExportFormat,
  articles: AsyncIterable<ExportedArticle>,
  context: ExportContext,
  onProgress?: (progress: ExportProgress) => void,
): Promise<Blob> {
  const counted = countingArticles(articles, (count) => onProgress?.({ articles: count }));
  return collectToBlob(format.write(counted, context), format.mimeType);
}
