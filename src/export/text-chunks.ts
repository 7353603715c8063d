/**
 * Text pieces become UTF-8 chunks of a useful size: a format may produce one small piece per
 * line, and thousands of tiny chunks would cost more to collect than the text itself.
 */
import type { ExportChunk } from './types.ts';

const TARGET_CHUNK_CHARS = 64 * 1024;

const encoder = new TextEncoder();

export async function* encodeText(
  pieces: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<ExportChunk> {
  let pending: string[] = [];
  let pendingLength = 0;
  for await (const piece of pieces) {
    pending.push(piece);
    pendingLength += piece.length;
    if (pendingLength >= TARGET_CHUNK_CHARS) {
      yield encoder.encode(pending.join(''));
      pending = [];
      pendingLength = 0;
    }
  }
  if (pendingLength > 0) yield encoder.encode(pending.join(''));
}
