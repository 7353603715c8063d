/**
 * Instapaper's CSV export, both versions: the old `URL,Title,Selection,Folder` and the newer one
 * that adds `Timestamp` (Unix seconds) and then `Tags` (a JSON array of names, e.g.
 * `["news","long reads"]`; a plain comma-separated list is accepted as well).
 *
 * Decisions:
 * - Folder "Archive" → archived; "Unread" is the inbox and says nothing; every other folder
 *   ("Starred" and the user's own) becomes a tag, as it is how the user sorted the item.
 * - Selection → a highlight known by its quote, and the excerpt. It is the text the user had
 *   selected when saving: the one passage of the article they marked, so it is kept as a
 *   highlight (placed by its quote once the article's text is saved, listed as not placed until
 *   then, and as could-not-be-placed when the text does not hold it), and, as Instapaper shows it
 *   as the item's description, as the excerpt too. Instapaper's CSV carries no other highlights.
 */
import { BREATHE_EVERY } from '../context.ts';
import type { FormatContext } from '../context.ts';
import { cell, columnsOf, readCsv } from '../csv.ts';
import { plainText, splitList } from '../text.ts';
import type { ImportedItem } from '../types.ts';

const COLUMNS = ['url', 'title', 'selection', 'folder', 'timestamp', 'tags'] as const;

/** `["a","b"]` as its strings; anything else as a comma-separated list. */
function tagsOf(raw: string): string[] {
  const text = raw.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) {
        return parsed.filter((tag): tag is string => typeof tag === 'string');
      }
    } catch {
      // Not JSON after all: read it as a list below.
    }
  }
  return splitList(text, ',');
}

export async function parseInstapaperCsv(
  text: string,
  context: FormatContext,
): Promise<ImportedItem[]> {
  const table = readCsv(text, (fraction) => context.progress.report(fraction / 2));
  const column = columnsOf(table.header, COLUMNS);
  for (const [index, row] of table.rows.entries()) {
    const origin = `line ${row.line}`;
    if (row.errors.length) context.problems.warn(origin, 'malformed-row', row.errors.join(','));
    const folder = cell(row, column.folder).trim();
    const isArchive = folder.toLowerCase() === 'archive';
    const isInbox = folder.toLowerCase() === 'unread' || folder === '';
    const selection = plainText(cell(row, column.selection));
    const savedAt = context.dates.unixSeconds(cell(row, column.timestamp), origin, 'Timestamp');
    context.items.add(origin, {
      url: cell(row, column.url),
      title: plainText(cell(row, column.title)),
      excerpt: selection,
      // Selected when the page was saved, so it was made then.
      highlights: selection ? [{ quote: selection, note: '', created: savedAt }] : [],
      savedAt,
      tags: [...(isArchive || isInbox ? [] : [folder]), ...tagsOf(cell(row, column.tags))],
      archived: isArchive,
    });
    if (index % BREATHE_EVERY === 0) {
      context.progress.report(0.5 + index / table.rows.length / 2);
      await context.progress.breathe();
    }
  }
  context.progress.report(1);
  return context.items.items;
}
