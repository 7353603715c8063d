/**
 * The Netscape bookmark file every browser and bookmarking service can import: one folder holding
 * a bookmark per article, with the date it was saved and its tags. Every value is HTML-escaped,
 * attributes included, since titles and addresses come from web pages.
 *
 * - `ADD_DATE` / `LAST_MODIFIED`: when the article was saved / last changed, in Unix seconds.
 * - `TAGS`: comma-separated, as Firefox and Pinboard write them; a comma inside a tag becomes a
 *   space, since the attribute has no way to escape it.
 * - The article's own note, when it has one, is the bookmark's description (`<DD>`).
 */
import type { ExportedArticle } from '../shared/export-format.ts';
import { textChunks } from './text-chunks.ts';
import { labelsOf, type ExportContext, type ExportFormat } from './types.ts';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // Line-based importers read one bookmark per line; a character reference keeps it on one.
  '\n': '&#10;',
  '\r': '&#13;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\n\r]/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Unix seconds, or nothing when the date does not parse (the attribute is then left out). */
function unixSeconds(iso: string): number | null {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : Math.floor(time / 1000);
}

function attribute(name: string, value: string | number | null): string {
  return value === null || value === '' ? '' : ` ${name}="${escapeHtml(String(value))}"`;
}

export function bookmarkLines(article: ExportedArticle): string {
  const tags = article.tags
    .map((tag) => tag.replace(/,/g, ' ').trim())
    .filter(Boolean)
    .join(',');
  const link =
    `<DT><A${attribute('HREF', article.url)}${attribute('ADD_DATE', unixSeconds(article.savedAt))}` +
    `${attribute('LAST_MODIFIED', unixSeconds(article.updatedAt))}${attribute('TAGS', tags)}>` +
    `${escapeHtml(article.title || article.url)}</A>`;
  const note = article.note.trim();
  return `    ${link}\n${note ? `    <DD>${escapeHtml(note)}\n` : ''}`;
}

function fileHead(context: ExportContext): string {
  const labels = labelsOf(context);
  const now = attribute('ADD_DATE', Math.floor(context.now.getTime() / 1000));
  return [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    `<TITLE>${escapeHtml(labels.bookmarks)}</TITLE>`,
    `<H1>${escapeHtml(labels.bookmarks)}</H1>`,
    '<DL><p>',
    `  <DT><H3${now}${attribute('LAST_MODIFIED', Math.floor(context.now.getTime() / 1000))}>${escapeHtml(labels.bookmarksFolder)}</H3>`,
    '  <DL><p>',
    '',
  ].join('\n');
}

async function* bookmarkPieces(
  articles: AsyncIterable<ExportedArticle>,
  context: ExportContext,
): AsyncGenerator<string> {
  yield fileHead(context);
  for await (const article of articles) yield bookmarkLines(article);
  yield '  </DL><p>\n</DL><p>\n';
}

export const bookmarksHtmlFormat: ExportFormat = {
  id: 'bookmarks-html',
  extension: 'html',
  mimeType: 'text/html;charset=utf-8',
  write: (articles, context) => textChunks(bookmarkPieces(articles, context)),
};
