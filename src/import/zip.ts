/**
 * ZIP archives read with fflate, from the central directory: listing costs no decompression, and
 * only the entries a format needs are unpacked.
 */
import { unzipSync } from 'fflate';
import type { UnzipFileInfo } from 'fflate';
import { ImportError } from './types.ts';

/** `PK\x03\x04`: the signature a ZIP file starts with. */
export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;

/** The end-of-central-directory record lies within the last 22 + 65,535 (comment) bytes. */
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SEARCH = 22 + 0xffff;

export interface ZipEntryInfo {
  name: string;
  /** Bytes once unpacked, as the archive declares it. */
  originalSize: number;
}

function hasEndRecord(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - EOCD_SEARCH);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return true;
  }
  return false;
}

function corrupt(bytes: Uint8Array, error: unknown, entry?: string): ImportError {
  // A download cut short loses the end of the archive first, where its directory is.
  if (!hasEndRecord(bytes)) {
    return new ImportError(
      'corrupt-file',
      `zip: no end-of-central-directory record, the archive stops at byte ${bytes.length}`,
      `byte ${bytes.length}`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ImportError('corrupt-file', `zip: ${message}`, entry);
}

/** Every entry of the archive (folders and the like included), without unpacking any. */
export function listZip(bytes: Uint8Array): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        entries.push({ name: file.name, originalSize: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    throw corrupt(bytes, error);
  }
  return entries;
}

/**
 * Unpacks the named entries. Refuses with 'too-large' before unpacking when they would exceed
 * `maxBytes` together (a small archive can declare gigabytes), and names the entry that is
 * damaged when unpacking fails.
 */
export function unzipEntries(
  bytes: Uint8Array,
  entries: readonly ZipEntryInfo[],
  maxBytes: number,
): Map<string, Uint8Array> {
  const total = entries.reduce((sum, entry) => sum + entry.originalSize, 0);
  if (total > maxBytes) {
    throw new ImportError('too-large', `zip unpacks to ${total} bytes, limit ${maxBytes}`);
  }
  const wanted = new Set(entries.map((entry) => entry.name));
  try {
    return new Map(Object.entries(unzipSync(bytes, { filter: (file) => wanted.has(file.name) })));
  } catch (error) {
    // Only now, on the error path, unpack entry by entry to say which one is damaged.
    for (const name of wanted) {
      try {
        unzipSync(bytes, { filter: (file) => file.name === name });
      } catch (entryError) {
        throw corrupt(bytes, entryError, name);
      }
    }
    throw corrupt(bytes, error);
  }
}
