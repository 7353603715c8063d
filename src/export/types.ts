/**
 * What every export format has in common: a writer that turns the articles, one at a time, into
 * the bytes of a file, so a large library never has to be one giant string.
 */
import type { ExportedArticle, PictureReader } from '../shared/export-format.ts';

export type ExportFormatId =
  'margins-json' | 'markdown-zip' | 'annotations-jsonld' | 'csv' | 'bookmarks-html';

/**
 * The words an export puts in front of a reader. The export page passes them translated
 * (browser.i18n); the defaults only keep the writers usable on their own, e.g. in tests.
 */
export interface ExportLabels {
  /** Markdown: the heading above an article's highlights. */
  highlights: string;
  /** Markdown: the heading above the article's own note. */
  pageNote: string;
  /** Markdown: the heading of the index file that lists every article. */
  index: string;
  /** Bookmarks HTML: the title of the bookmark file. */
  bookmarks: string;
  /** Bookmarks HTML: the folder the articles are put in when a browser imports the file. */
  bookmarksFolder: string;
  /** Annotations JSON-LD: the collection's label. */
  annotationCollection: string;
}

export const DEFAULT_EXPORT_LABELS: ExportLabels = {
  highlights: 'Highlights',
  pageNote: 'Note',
  index: 'Margins',
  bookmarks: 'Bookmarks',
  bookmarksFolder: 'Margins',
  annotationCollection: 'Margins highlights and notes',
};

export interface ExportContext {
  /** When the export was made: dates the file name and the file's own header. */
  now: Date;
  labels?: Partial<ExportLabels>;
  /**
   * Given when the export is to carry the stored pictures (a format with `imagesByDefault`):
   * reads them by hash. The articles then list their images (`ExportedArticle.images`).
   */
  pictures?: PictureReader;
}

/**
 * A piece of the export file: bytes, or text that the Blob encodes as UTF-8 itself (natively,
 * about twice as fast as a TextEncoder in JavaScript, which a 200 MB export feels).
 */
export type ExportChunk = Uint8Array<ArrayBuffer> | string;

export interface ExportFormat {
  id: ExportFormatId;
  /** Without the dot: `json`, `zip`. */
  extension: string;
  mimeType: string;
  /**
   * Present when the format can carry the stored pictures: whether the export page offers them
   * ticked. Absent: the format has no place for them.
   */
  imagesByDefault?: boolean;
  write(
    articles: AsyncIterable<ExportedArticle>,
    context: ExportContext,
  ): AsyncGenerator<ExportChunk>;
}

export function labelsOf(context: ExportContext): ExportLabels {
  return { ...DEFAULT_EXPORT_LABELS, ...context.labels };
}
