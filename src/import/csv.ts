/**
 * CSV read with papaparse, each row numbered by the line of the file it starts on (a quoted
 * field may span lines, so rows and lines differ).
 */
import Papa from 'papaparse';

export interface CsvRow {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  cells: string[];
  /** Papaparse's codes for this row: InvalidQuotes, MissingQuotes, TooFewFields, TooManyFields. */
  errors: string[];
}

export interface CsvTable {
  /** Header names trimmed and lower-cased, so "URL" and "url" are one column. */
  header: string[];
  rows: CsvRow[];
}

/** Text with CRLF and lone CR line ends as LF, so mixed line ends do not merge rows. */
function unifyLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function rowErrors(errors: Papa.ParseError[], fields: number, expected: number): string[] {
  const codes: string[] = errors.map((error) => error.code);
  if (fields < expected) codes.push('TooFewFields');
  if (fields > expected) codes.push('TooManyFields');
  return codes;
}

/**
 * Rows are read as arrays, never as objects keyed by the file's header: a column named
 * `__proto__` would otherwise reach an object's prototype.
 */
export function readCsv(raw: string, onProgress?: (fraction: number) => void): CsvTable {
  const text = unifyLineEnds(raw);
  const rows: CsvRow[] = [];
  let header: string[] | null = null;
  let scanned = 0;
  let line = 1;
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    header: false,
    newline: '\n',
    skipEmptyLines: 'greedy',
    step: (result) => {
      // Skipped blank lines sit between the previous row's end and this row's first character.
      for (let end = text.indexOf('\n', rowStart); end !== -1; end = text.indexOf('\n', rowStart)) {
        if (text.slice(rowStart, end).trim()) break;
        rowStart = end + 1;
      }
      for (; scanned < rowStart; scanned++) if (text.charCodeAt(scanned) === 10) line++;
      const cells = result.data;
      if (header === null) header = cells.map((name) => name.trim().toLowerCase());
      else
        rows.push({ line, cells, errors: rowErrors(result.errors, cells.length, header.length) });
      rowStart = result.meta.cursor;
      onProgress?.(text.length ? result.meta.cursor / text.length : 1);
    },
  });
  return { header: header ?? [], rows };
}

/** The index of each wanted column in the header, or -1 when the file has none by that name. */
export function columnsOf<const Name extends string>(
  header: string[],
  names: readonly Name[],
): Record<Name, number> {
  return Object.fromEntries(names.map((name) => [name, header.indexOf(name)])) as Record<
    Name,
    number
  >;
}

/** A cell of a row, '' when the row is short or the column is absent. */
export function cell(row: CsvRow, index: number): string {
  return index < 0 ? '' : (row.cells[index] ?? '');
}
