import type { FormatContext } from './context.ts';
import { isShadowEntry } from './detect.ts';
import { quoted } from './problems.ts';
import { decodeUtf8 } from './text.ts';
import { listZip, unzipEntries } from './zip.ts';

/**
 * The text of the archive's entries that `wanted` picks, in the order of the numbers in their
 * names (`metadata_20_to_40.json` before `metadata_100_to_120.json`): the export's order.
 */
export function readArchiveTexts(
  bytes: Uint8Array,
  context: FormatContext,
  wanted: (name: string) => boolean,
): Map<string, string> {
  const entries = listZip(bytes)
    .filter((entry) => !isShadowEntry(entry.name) && wanted(entry.name))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const unpacked = unzipEntries(bytes, entries, context.maxBytes);
  const texts = new Map<string, string>();
  for (const entry of entries) {
    const data = unpacked.get(entry.name);
    if (data) texts.set(entry.name, decodeUtf8(data));
    else context.problems.skip(entry.name, 'corrupt-entry', quoted(entry.name));
  }
  return texts;
}
