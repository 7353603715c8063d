/**
 * Which format a file is, from its content alone (the name and type a browser reports are the
 * user's or the operating system's guess, and the parsers must not depend on them).
 */
import Papa from 'papaparse';
import { decodeUtf8 } from './text.ts';
import { ImportError } from './types.ts';
import type { ImportFormat } from './types.ts';
import { listZip, ZIP_MAGIC } from './zip.ts';
import type { ZipEntryInfo } from './zip.ts';

/** Enough of a text file to see its header, doctype or first keys. */
const HEAD_BYTES = 64 * 1024;

/** Archive entries, matched at the root or under one folder (an export unpacked and zipped again). */
export const ZIP_ENTRY = {
  pocketPart: /^(?:[^/]+\/)?part_\d+\.csv$/i,
  pocketAnnotations: /^(?:[^/]+\/)?annotations\/part_\d+\.json$/i,
  omnivoreMetadata: /^(?:[^/]+\/)?metadata(?:_[^/]*)?\.json$/i,
  omnivoreContent: /^(?:[^/]+\/)?content\/([^/]+)\.html$/i,
  omnivoreHighlights: /^(?:[^/]+\/)?highlights\/([^/]+)\.md$/i,
} as const;

/** macOS adds `__MACOSX/._name` shadow files when it zips a folder; they are never content. */
export function isShadowEntry(name: string): boolean {
  return name.startsWith('__MACOSX/') || /(^|\/)\._/.test(name);
}

export const POCKET_CSV_COLUMNS = ['title', 'url', 'time_added'] as const;
export const INSTAPAPER_CSV_COLUMNS = ['url', 'title', 'selection', 'folder'] as const;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

function detectZip(entries: readonly ZipEntryInfo[]): ImportFormat | null {
  const names = entries.map((entry) => entry.name).filter((name) => !isShadowEntry(name));
  if (names.some((name) => ZIP_ENTRY.omnivoreMetadata.test(name))) return 'omnivore-zip';
  if (names.some((name) => ZIP_ENTRY.pocketPart.test(name))) return 'pocket-zip';
  return null;
}

function csvHeader(head: string): string[] {
  const firstRow = Papa.parse<string[]>(head, { preview: 1, header: false }).data[0] ?? [];
  return firstRow.map((name) => name.trim().toLowerCase());
}

const NETSCAPE_DOCTYPE = /<!DOCTYPE\s+NETSCAPE-Bookmark-file-1\s*>/i;

/**
 * A bookmark link as Netscape's format writes it: `<DT><A … HREF=`, attributes in any order.
 * `[^<>]` keeps each try within one tag, so the search stays linear on any input.
 */
const BOOKMARK_LINK = /<dt\b[^<>]*>\s*<a\s[^<>]*?\bhref\s*=/i;
const BOOKMARK_LIST = /<dl\b/i;

/**
 * A bookmark file is known by its structure, not by its first line: the tools that write one
 * (bookmarking services, scripts, people by hand) may leave the DOCTYPE out or write the tags in
 * lower case, but all list `<DT><A HREF>` entries in `<DL>` lists.
 */
function hasBookmarkStructure(text: string): boolean {
  return BOOKMARK_LIST.test(text) && BOOKMARK_LINK.test(text);
}

function isPocketHtml(text: string): boolean {
  return (
    /<title>\s*Pocket Export\s*<\/title>/i.test(text) ||
    /<h1>\s*(?:Unread|Read Archive)\s*<\/h1>/i.test(text)
  );
}

/** How an HTML document (a page saved from the web) begins, once comments are set aside. */
const HTML_START = /^<(?:!DOCTYPE\s+html|html|head|body|meta|title)\b/i;

function isHtmlDocument(text: string): boolean {
  let rest = text;
  while (rest.startsWith('<!--')) {
    const end = rest.indexOf('-->');
    if (end < 0) return false;
    rest = rest.slice(end + 3).trimStart();
  }
  return HTML_START.test(rest);
}

function detectText(text: string): ImportFormat | null {
  if (text.startsWith('{')) {
    // Margins writes the format first; a hand-edited file may not, within reason.
    return /"format"\s*:\s*"margins-export"/.test(text) ? 'margins-json' : null;
  }
  if (NETSCAPE_DOCTYPE.test(text)) return 'netscape-html';
  if (!text.startsWith('<')) {
    const header = csvHeader(text);
    if (POCKET_CSV_COLUMNS.every((column) => header.includes(column))) return 'pocket-csv';
    if (INSTAPAPER_CSV_COLUMNS.every((column) => header.includes(column))) return 'instapaper-csv';
  } else if (isPocketHtml(text)) {
    return 'pocket-html';
  }
  // Last, as the loosest test: a CSV or Pocket list whose titles quote such markup stays itself.
  return hasBookmarkStructure(text) ? 'netscape-html' : null;
}

/**
 * The file's format. Throws 'empty' for a file of only white space, 'corrupt-file' for a ZIP
 * whose directory cannot be read, 'html-without-bookmarks' for a web page, and 'unknown-format'
 * for anything else Margins does not read.
 */
export function detectFormat(bytes: Uint8Array): ImportFormat {
  if (bytes.length === 0) throw new ImportError('empty', '0 bytes');
  if (startsWith(bytes, ZIP_MAGIC)) {
    const format = detectZip(listZip(bytes));
    if (format) return format;
    throw new ImportError('unknown-format', 'zip without part_*.csv or metadata_*.json');
  }
  const head = decodeUtf8(bytes.subarray(0, HEAD_BYTES));
  if (!head.trim() && bytes.length <= HEAD_BYTES) {
    throw new ImportError('empty', `${bytes.length} bytes of white space`);
  }
  // Text formats never hold NUL; images, PDFs and other binaries almost always do.
  if (head.includes('\u0000')) throw new ImportError('unknown-format', 'binary content');
  const text = head.trimStart();
  const format = detectText(text);
  if (format) return format;
  const start = `starts with ${JSON.stringify(text.slice(0, 40))}`;
  if (isHtmlDocument(text)) {
    throw new ImportError('html-without-bookmarks', `no <DT><A HREF> bookmark; ${start}`);
  }
  throw new ImportError('unknown-format', start);
}
