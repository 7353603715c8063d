/**
 * The message key for each code the import reports and each export format. One key per code,
 * so a test can check that every code is explained in every language.
 */
import type { ImportWriteProblemCode } from '../db/import.ts';
import type { ExportFormatId } from '../export/types.ts';
import type { ImportErrorCode, ImportProblemCode } from '../import/types.ts';

const keyOf = (code: string) => code.replace(/-/g, '_');

export function problemMessageKey(code: ImportProblemCode | ImportWriteProblemCode): string {
  return `transfer_problem_${keyOf(code)}`;
}

export function importErrorMessageKey(code: ImportErrorCode): string {
  return `transfer_error_${keyOf(code)}`;
}

export function exportFormatKey(id: ExportFormatId): string {
  return `transfer_format_${keyOf(id)}`;
}
