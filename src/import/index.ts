/**
 * Reading an import file: the format is detected from the content, the matching parser turns it
 * into validated data, and every problem is reported with where it is. Nothing here touches the
 * database; the writer merges what comes out.
 *
 * Runs in an extension page (DOMParser reads the HTML formats and markup in titles).
 */
import { detectFormat } from './detect.ts';
import { FormatContext } from './context.ts';
import { parseInstapaperCsv } from './formats/instapaper-csv.ts';
import { parseMarginsJson } from './formats/margins-json.ts';
import { parseNetscapeHtml } from './formats/netscape-html.ts';
import { parseOmnivoreZip } from './formats/omnivore-zip.ts';
import { parsePocketCsv } from './formats/pocket-csv.ts';
import { parsePocketHtml } from './formats/pocket-html.ts';
import { parsePocketZip } from './formats/pocket-zip.ts';
import { Progress } from './progress.ts';
import { decodeUtf8 } from './text.ts';
import { ImportError } from './types.ts';
import type { ImportedItem, ImportFormat, ImportParse, ProgressCallback } from './types.ts';

export { detectFormat } from './detect.ts';
export * from './types.ts';

/**
 * The largest file Margins reads: 400 MB. A JavaScript string holds at most about 512 MB
 * (V8's limit, 2^29 − 24 UTF-16 units) and a text file is decoded into one string, so a larger
 * file could not be read at all; an archive may not unpack to more than this either.
 */
export const MAX_IMPORT_BYTES = 400 * 1024 * 1024;

export interface ParseImportOptions {
  onProgress?: ProgressCallback;
  /** Lowers the size limit (tests); never above MAX_IMPORT_BYTES. */
  maxBytes?: number;
}

type ItemsFormat = Exclude<ImportFormat, 'margins-json'>;

const ITEM_PARSERS: Record<
  ItemsFormat,
  (bytes: Uint8Array, context: FormatContext) => Promise<ImportedItem[]>
> = {
  'pocket-zip': parsePocketZip,
  'omnivore-zip': parseOmnivoreZip,
  'pocket-csv': (bytes, context) => parsePocketCsv(decodeUtf8(bytes), context),
  'pocket-html': (bytes, context) => parsePocketHtml(decodeUtf8(bytes), context),
  'instapaper-csv': (bytes, context) => parseInstapaperCsv(decodeUtf8(bytes), context),
  'netscape-html': (bytes, context) => parseNetscapeHtml(decodeUtf8(bytes), context),
};

/**
 * Reads an import file. Throws ImportError for a file that cannot be read at all (too large,
 * empty, unknown, corrupt, a later Margins version); otherwise returns what it holds with the
 * entries skipped and the warnings on those kept.
 */
export async function parseImport(
  bytes: Uint8Array,
  options: ParseImportOptions = {},
): Promise<ImportParse> {
  const maxBytes = Math.min(options.maxBytes ?? MAX_IMPORT_BYTES, MAX_IMPORT_BYTES);
  // Checked before anything is decoded: the length alone decides.
  if (bytes.byteLength > maxBytes) {
    throw new ImportError('too-large', `${bytes.byteLength} bytes, limit ${maxBytes}`);
  }
  const progress = new Progress(options.onProgress);
  progress.report(0);
  const format = detectFormat(bytes);
  const context = new FormatContext(progress.range(0.05, 1), maxBytes);
  progress.report(0.05);
  const { skipped, warnings } = context.problems;
  if (format === 'margins-json') {
    const { version, articles, pictures } = await parseMarginsJson(decodeUtf8(bytes), context);
    return { kind: 'margins', format, version, articles, pictures, skipped, warnings };
  }
  const items = await ITEM_PARSERS[format](bytes, context);
  return { kind: 'items', format, items, skipped, warnings };
}
