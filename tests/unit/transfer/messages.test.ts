/**
 * Every code an import can report, and every export format, is explained in every language the
 * extension ships: the page builds these keys from the codes, so the catalogue test cannot see them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_WRITE_PROBLEM_CODES } from '../../../src/db/import.ts';
import { EXPORT_FORMATS } from '../../../src/export/index.ts';
import { IMPORT_ERROR_CODES, IMPORT_PROBLEM_CODES } from '../../../src/import/types.ts';
import {
  exportFormatKey,
  importErrorMessageKey,
  problemMessageKey,
} from '../../../src/transfer/message-keys.ts';

const LOCALES_DIR = join(import.meta.dirname, '../../../public/_locales');
const locales = readdirSync(LOCALES_DIR);

function catalogue(locale: string): Record<string, { message: string }> {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
}

const keys = [
  ...IMPORT_ERROR_CODES.map(importErrorMessageKey),
  ...[...IMPORT_PROBLEM_CODES, ...IMPORT_WRITE_PROBLEM_CODES].map(problemMessageKey),
  ...EXPORT_FORMATS.flatMap(({ id }) => [exportFormatKey(id), `${exportFormatKey(id)}_hint`]),
  'transfer_error_write_failed',
];

describe('import and export messages', () => {
  it.each(locales)('%s explains every import error, problem and export format', (locale) => {
    const messages = catalogue(locale);
    const missing = keys.filter((key) => !messages[key]?.message.trim());
    expect(missing).toEqual([]);
  });

  it('gives every problem its own words', () => {
    const english = catalogue('en');
    const problemTexts = [...IMPORT_PROBLEM_CODES, ...IMPORT_WRITE_PROBLEM_CODES].map(
      (code) => english[problemMessageKey(code)]?.message,
    );
    expect(new Set(problemTexts).size).toBe(problemTexts.length);
  });
});
