import type { ImportProblem, ImportProblemCode } from './types.ts';

/** Collects the problems of one import, split into skipped entries and warnings on kept ones. */
export class ProblemLog {
  readonly skipped: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];

  skip(origin: string, code: ImportProblemCode, detail: string): void {
    this.skipped.push({ origin, code, detail });
  }

  warn(origin: string, code: ImportProblemCode, detail: string): void {
    this.warnings.push({ origin, code, detail });
  }
}

/** Values quoted in a detail are cut, so one hostile field cannot make the report huge. */
export function quoted(value: string, max = 200): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}
