/**
 * Pocket's CSV export (2023–2025): `title,url,time_added,cursor,tags,status`, one row per saved
 * page, `time_added` in Unix seconds, `tags` joined by `|`, `status` "unread" or "archive"
 * (as Pocket's exporter wrote it; confirmed in Pocket's open-sourced list-export service).
 */
import { BREATHE_EVERY } from '../context.ts';
import type { FormatContext } from '../context.ts';
import { cell, columnsOf, readCsv } from '../csv.ts';
import { plainText, splitList } from '../text.ts';
import type { ImportedItem } from '../types.ts';

const COLUMNS = ['title', 'url', 'time_added', 'tags', 'status'] as const;

/**
 * Adds the rows of one Pocket CSV to the context's items. `source` names the file inside an
 * archive ("part_000000.csv"), so origins read "part_000000.csv, line 12".
 */
export async function addPocketCsvRows(
  text: string,
  source: string | null,
  context: FormatContext,
  progress: (fraction: number) => void,
): Promise<void> {
  const table = readCsv(text, (fraction) => progress(fraction / 2));
  const column = columnsOf(table.header, COLUMNS);
  for (const [index, row] of table.rows.entries()) {
    const origin = source ? `${source}, line ${row.line}` : `line ${row.line}`;
    if (row.errors.length) context.problems.warn(origin, 'malformed-row', row.errors.join(','));
    context.items.add(origin, {
      url: cell(row, column.url),
      title: plainText(cell(row, column.title)),
      savedAt: context.dates.unixSeconds(cell(row, column.time_added), origin, 'time_added'),
      tags: splitList(cell(row, column.tags), '|'),
      archived: cell(row, column.status).trim().toLowerCase() === 'archive',
    });
    if (index % BREATHE_EVERY === 0) {
      progress(0.5 + index / table.rows.length / 2);
      await context.progress.breathe();
    }
  }
  progress(1);
}

export async function parsePocketCsv(
  text: string,
  context: FormatContext,
): Promise<ImportedItem[]> {
  await addPocketCsvRows(text, null, context, context.progress.report);
  return context.items.items;
}
