/**
 * What reading an import file produces: validated data for the writer to merge, and every
 * problem met on the way, each naming where in the file it is.
 *
 * This layer has no user-facing sentences: problems and errors carry a code (the page turns it
 * into words in the user's language) and a technical detail (a field, a value, a byte offset).
 */
import type { ExportedArticle, ExportedPicture } from '../shared/export-format.ts';

export const IMPORT_FORMATS = [
  'margins-json',
  'pocket-zip',
  'pocket-csv',
  'pocket-html',
  'omnivore-zip',
  'instapaper-csv',
  'netscape-html',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A highlight as other services export it: the quoted text, without any position. */
export interface ImportedHighlight {
  quote: string;
  /** The user's note on the highlight, or ''. */
  note: string;
  /** When it was made (ISO 8601, UTC), when the file says. */
  created: string | null;
}

/** One saved page from another service, in Margins' terms. */
export interface ImportedItem {
  /** Where in the file it came from, e.g. "part_000000.csv, line 12" or "bookmark 3". */
  origin: string;
  /** An http(s) address, serialised by the URL parser. */
  url: string;
  /** Plain text: markup stripped, entities decoded, never HTML; the address when there was none. */
  title: string;
  /** When it was saved in the other service (ISO 8601, UTC). */
  savedAt: string | null;
  /** Trimmed, without duplicates (compared case-insensitively), in the file's order. */
  tags: string[];
  /** Read / archived in the other service. */
  archived: boolean;
  byline: string | null;
  /** ISO 8601 as precise as the file states it (matches ISO_DATE_PATTERN). */
  publishedTime: string | null;
  siteName: string | null;
  excerpt: string | null;
  /** An http(s) address of the article's image, when the file names one. */
  leadImageUrl: string | null;
  /** The saved body as the other service stored it: untrusted HTML, sanitised by the writer. */
  contentHtml: string | null;
  /** The user's note on the whole article, or ''. */
  note: string;
  highlights: ImportedHighlight[];
}

/**
 * `skipped` problems mean an entry (or part of one) was left out; `warnings` mean the entry was
 * kept without the value named (e.g. a date that does not parse).
 */
export const IMPORT_PROBLEM_CODES = [
  /** Skipped: the entry has no address. */
  'missing-url',
  /** Skipped: the address is not an http(s) URL (ftp:, file:, garbage, too long). */
  'invalid-url',
  /** Skipped: a `javascript:` address, a bookmarklet: a script to run, not a page to read. */
  'bookmarklet',
  /** Skipped: a `place:` address, a query in Firefox's bookmarks (Most Visited, Recent Tags). */
  'bookmark-query',
  /** Skipped: an address without its site (`/news/a`, `page.html`), so it leads nowhere. */
  'relative-url',
  /** Skipped: an earlier entry has the same address; its tags and highlights were merged there. */
  'duplicate-url',
  /** Skipped: an earlier article or annotation in the file has the same id. */
  'duplicate-id',
  /** Skipped: the entry does not have the shape the format defines; detail names the field. */
  'invalid-entry',
  /** Skipped: one annotation of a Margins article is invalid; the article itself was kept. */
  'invalid-annotation',
  /** Skipped: highlights for an address (or a file) that no entry of the export has. */
  'orphan-highlights',
  /** Skipped: a file inside the archive could not be read; detail says where it broke. */
  'corrupt-entry',
  /** Warning: a date that does not parse was dropped; the entry was kept. */
  'bad-date',
  /** Warning: a CSV row with broken quoting or the wrong number of fields; it was read as is. */
  'malformed-row',
  /** Warning: a text longer than Margins stores was cut to fit. */
  'text-truncated',
  /**
   * Skipped: a picture of a Margins export that is not what the file says (not base64, not an
   * image type, bytes that do not match its hash, one no picture of the file has); the article
   * was kept, and its image keeps its web address.
   */
  'invalid-image',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export interface ImportProblem {
  origin: string;
  code: ImportProblemCode;
  detail: string;
}

interface ProblemLists {
  skipped: ImportProblem[];
  warnings: ImportProblem[];
}

export type ImportParse =
  | ({
      kind: 'items';
      format: Exclude<ImportFormat, 'margins-json'>;
      items: ImportedItem[];
    } & ProblemLists)
  | ({
      kind: 'margins';
      format: 'margins-json';
      /** The version the file declares (every version up to EXPORT_VERSION is read). */
      version: number;
      /**
       * Complete records, each validated with the shared schemas, annotations included; `images`
       * when the file carries pictures, each hash then one of `pictures`' or null.
       */
      articles: ExportedArticle[];
      /**
       * The pictures the file carries, by hash, each checked against it; absent or empty when
       * it carries none.
       */
      pictures?: ReadonlyMap<string, ExportedPicture>;
    } & ProblemLists);

export const IMPORT_ERROR_CODES = [
  /** The content is none of the formats Margins reads. */
  'unknown-format',
  /** An HTML document that is neither a bookmark file nor Pocket's export: a saved web page. */
  'html-without-bookmarks',
  /** A truncated or damaged zip or JSON file; detail and origin say where it broke. */
  'corrupt-file',
  /** A Margins export from a later version of Margins (or a version number that never existed). */
  'unsupported-version',
  /** A Margins JSON document whose top level is not an export (no articles list, wrong types). */
  'invalid-document',
  /** Larger than MAX_IMPORT_BYTES, or an archive that would unpack to more than that. */
  'too-large',
  /** Zero bytes, or only white space. */
  'empty',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** A problem that stops the whole import: nothing from the file can be trusted or read. */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    readonly detail: string,
    readonly origin?: string,
  ) {
    super(`${code}: ${detail}${origin ? ` (${origin})` : ''}`);
  }
}

/** Reports how far parsing has gone, from 0 to 1. */
export type ProgressCallback = (fraction: number) => void;
