/**
 * Collects an export's chunks into one Blob without holding the export twice. Chunks are folded
 * into the Blob every few megabytes: the browser may keep a Blob's bytes outside the JavaScript
 * heap (or on disk), and the folded chunks become garbage, so memory holds at most one batch of
 * chunks beyond the Blob itself.
 */

import type { ExportChunk } from './types.ts';

/** How much is gathered before it is folded into the Blob. */
const FOLD_BYTES = 4 * 1024 * 1024;

/** Roughly how much memory a chunk holds: text is counted in UTF-16 code units. */
const sizeOf = (chunk: ExportChunk) =>
  typeof chunk === 'string' ? chunk.length : chunk.byteLength;

export async function collectToBlob(
  chunks: AsyncIterable<ExportChunk>,
  mimeType: string,
): Promise<Blob> {
  let blob = new Blob([], { type: mimeType });
  let pending: ExportChunk[] = [];
  let pendingBytes = 0;
  for await (const chunk of chunks) {
    pending.push(chunk);
    pendingBytes += sizeOf(chunk);
    if (pendingBytes >= FOLD_BYTES) {
      blob = new Blob([blob, ...pending], { type: mimeType });
      pending = [];
      pendingBytes = 0;
    }
  }
  return pending.length > 0 ? new Blob([blob, ...pending], { type: mimeType }) : blob;
}
