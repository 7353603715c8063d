/**
 * One row per article, for spreadsheets: RFC 4180 (fields quoted when they hold a comma, quote or
 * line break; rows end in CRLF), in UTF-8 with a byte-order mark so spreadsheet apps read accented
 * and non-Latin text correctly.
 *
 * Column names are fixed identifiers, not translated, so other tools can rely on them:
 * id, kind, title, url, canonical_url, original_source_url, byline, site_name, published,
 * modified, saved, updated, read_at, archived_at, lang, tags, highlight_count, note_count, note, word_count, excerpt.
 *
 * - `tags` are joined with `|` (as Pocket's export did); a `|` or `\` inside a tag is written
 *   `\|` or `\\`, so the list can always be split back.
 * - `highlight_count` counts every annotation; `note_count` those that carry a note; `note` is the
 *   article's own note.
 * - Formula injection: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 *   return would run as a formula when the file is opened in a spreadsheet (a title like
 *   `=HYPERLINK(...)` could send data elsewhere), so such a cell is written with a `'` in front,
 *   which spreadsheets show as text. Counts are numbers and never prefixed.
 */
import Papa from 'papaparse';
import { noteOf } from '../shared/annotation.ts';
import type { ExportedArticle } from '../shared/export-format.ts';
import { textChunks } from './text-chunks.ts';
import type { ExportFormat } from './types.ts';

export const CSV_COLUMNS = [
  'id',
  'kind',
  'title',
  'url',
  'canonical_url',
  'original_source_url',
  'byline',
  'site_name',
  'published',
  'modified',
  'saved',
  'updated',
  'read_at',
  'archived_at',
  'lang',
  'tags',
  'highlight_count',
  'note_count',
  'note',
  'word_count',
  'excerpt',
] as const;

export const TAG_SEPARATOR = '|';

/** The text a cell must not start with, lest a spreadsheet run it as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

const ROWS_PER_BATCH = 500;
const BYTE_ORDER_MARK = '\uFEFF';
const NEWLINE = '\r\n';

type CsvCell = string | number;

export function joinTags(tags: readonly string[]): string {
  return tags
    .map((tag) => tag.replace(/[\\|]/g, (character) => `\\${character}`))
    .join(TAG_SEPARATOR);
}

export function csvRow(article: ExportedArticle): CsvCell[] {
  const cells: Record<(typeof CSV_COLUMNS)[number], CsvCell | null> = {
    id: article.id,
    kind: article.kind,
    title: article.title,
    url: article.url,
    canonical_url: article.canonicalUrl,
    original_source_url: article.originalSourceUrl,
    byline: article.byline,
    site_name: article.siteName,
    published: article.publishedTime,
    modified: article.modifiedTime,
    saved: article.savedAt,
    updated: article.updatedAt,
    read_at: article.readAt,
    archived_at: article.archivedAt,
    lang: article.lang,
    tags: joinTags(article.tags),
    highlight_count: article.annotations.length,
    note_count: article.annotations.filter((annotation) => noteOf(annotation).trim()).length,
    note: article.note,
    word_count: article.wordCount,
    excerpt: article.excerpt,
  };
  return CSV_COLUMNS.map((column) => cells[column] ?? '');
}

function unparse(rows: CsvCell[][]): string {
  return Papa.unparse(rows, { newline: NEWLINE, escapeFormulae: FORMULA_START }) + NEWLINE;
}

async function* csvPieces(articles: AsyncIterable<ExportedArticle>): AsyncGenerator<string> {
  yield BYTE_ORDER_MARK + unparse([[...CSV_COLUMNS]]);
  let batch: CsvCell[][] = [];
  for await (const article of articles) {
    batch.push(csvRow(article));
    if (batch.length >= ROWS_PER_BATCH) {
      yield unparse(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield unparse(batch);
}

export const csvFormat: ExportFormat = {
  id: 'csv',
  extension: 'csv',
  mimeType: 'text/csv;charset=utf-8',
  write: (articles) => textChunks(csvPieces(articles)),
};
