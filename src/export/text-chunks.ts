/**
 * Text pieces joined into chunks of a useful size: a format may produce one small piece per
 * line, and thousands of tiny chunks would cost more to collect than the text itself. The
 * chunks stay text: the Blob they end in encodes them as UTF-8.
 */
const TARGET_CHUNK_CHARS = 64 * 1024;

export async function* textChunks(
  pieces: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<string> {
  let pending: string[] = [];
  let pendingLength = 0;
  for await (const piece of pieces) {
    pending.push(piece);
    pendingLength += piece.length;
    if (pendingLength >= TARGET_CHUNK_CHARS) {
      yield pending.join('');
      pending = [];
      pendingLength = 0;
    }
  }
  if (pendingLength > 0) yield pending.join('');
}
