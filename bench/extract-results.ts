/**
 * bench/results/extract.json, shared by the jsdom run and the `--browser` run: each rewrites only
 * its own figures per corpus (the jsdom scores and times, or the `browser` key) and keeps the rest.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const EXTRACT_RESULTS = 'bench/results/extract.json';

export type ExtractResults = Record<string, Record<string, unknown>>;

export function readExtractResults(root: string): ExtractResults {
  const file = resolve(root, EXTRACT_RESULTS);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ExtractResults) : {};
}

/** Reads the file again and applies `change` to each measured corpus's entry before writing. */
export function updateExtractResults(
  root: string,
  measured: Record<string, unknown>,
  change: (entry: Record<string, unknown>, result: unknown) => Record<string, unknown>,
): void {
  const results = readExtractResults(root);
  for (const [name, result] of Object.entries(measured)) {
    results[name] = change(results[name] ?? {}, result);
  }
  const file = resolve(root, EXTRACT_RESULTS);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
