// The batch side of the extract CLI, exported so tests and benchmarks can run it without a child process.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractArticle } from '../../src/content/extract/index.ts';
import type { ArticleSnapshot } from '../../src/shared/article.ts';
import { loadPageDom, type PageSource } from './page-dom.ts';

export interface ManifestEntry {
  id: string;
  url: string;
  file: string;
  contentType?: string;
}

export type BatchLine = { id: string; record: ArticleSnapshot } | { id: string; error: string };

/** Extracts one saved page with the extension's own extraction code, then frees its window. */
export function extractPage(source: PageSource): ArticleSnapshot {
  const dom = loadPageDom(source);
  try {
    return extractArticle(dom.window.document);
  } finally {
    dom.window.close();
  }
}

/** Reads a manifest: one JSON object per line with id, url, file (relative to the manifest) and contentType. Other keys (gold) are never read. */
export function readManifest(
  manifestPath: string,
): (ManifestEntry | { id: string; error: string })[] {
  const dir = path.dirname(manifestPath);
  const entries: (ManifestEntry | { id: string; error: string })[] = [];
  readFileSync(manifestPath, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (!line.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        entries.push({ id: `line-${index + 1}`, error: 'manifest line is not JSON' });
        return;
      }
      const obj = (typeof value === 'object' && value !== null ? value : {}) as Record<
        string,
        unknown
      >;
      const id = typeof obj.id === 'string' ? obj.id : `line-${index + 1}`;
      if (typeof obj.file !== 'string' || typeof obj.url !== 'string') {
        entries.push({ id, error: 'manifest line needs string "url" and "file"' });
        return;
      }
      entries.push({
        id,
        url: obj.url,
        file: path.resolve(dir, obj.file),
        ...(typeof obj.contentType === 'string' ? { contentType: obj.contentType } : {}),
      });
    });
  return entries;
}

/** Runs every page of the manifest, calling `write` with one line per page; errors do not stop the run. */
export async function runBatch(
  manifestPath: string,
  write: (line: BatchLine) => void,
): Promise<void> {
  for (const entry of readManifest(manifestPath)) {
    if ('error' in entry) {
      write(entry);
      continue;
    }
    try {
      write({ id: entry.id, record: extractPage(entry) });
    } catch (error) {
      write({ id: entry.id, error: error instanceof Error ? error.message : String(error) });
    }
    // Let the event loop turn so jsdom can free closed windows.
    await new Promise(setImmediate);
  }
}
