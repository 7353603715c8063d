/**
 * JSON.parse with the place where a broken document stops, read from the engine's message
 * (V8: "at position 123"; SpiderMonkey: "at line 4 column 7").
 */
import type { ProblemLog } from './problems.ts';
import { ImportError } from './types.ts';

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = (before.match(/\n/g)?.length ?? 0) + 1;
  return { line, column: position - before.lastIndexOf('\n') };
}

/** Where a SyntaxError from JSON.parse says the text broke, as "line L, column C". */
export function whereJsonBroke(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const atLine = /line (\d+) column (\d+)/i.exec(message);
  if (atLine) return `line ${atLine[1]}, column ${atLine[2]}`;
  const atPosition = /position (\d+)/i.exec(message);
  // "Unexpected end of JSON input": the text stops before the document does.
  const position = atPosition ? Number(atPosition[1]) : text.length;
  const { line, column } = lineAndColumn(text, Math.min(position, text.length));
  return `line ${line}, column ${column}`;
}

/**
 * Parses JSON or throws 'corrupt-file' naming where it broke (`origin` prefixes the place, e.g.
 * the archive entry).
 */
export function parseJson(text: string, origin?: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const where = whereJsonBroke(text, error);
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError(
      'corrupt-file',
      `json: ${message}`,
      origin ? `${origin}, ${where}` : where,
    );
  }
}

/**
 * For a file inside an archive: its JSON, or undefined after a 'corrupt-entry' problem naming
 * where it broke (the other files of the archive are still read).
 */
export function parseJsonEntry(text: string, entry: string, problems: ProblemLog): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    problems.skip(`${entry}, ${whereJsonBroke(text, error)}`, 'corrupt-entry', 'json');
    return undefined;
  }
}
