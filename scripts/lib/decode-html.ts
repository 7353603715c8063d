// The command-line extraction's page reading: decoding is Margins' own (src/shared/decode-html.ts).
import { gunzipSync } from 'node:zlib';

export {
  charsetFromContentType,
  decodeHtml,
  encodingForLabel,
  metaCharset,
  type DecodedHtml,
} from '../../src/shared/decode-html.ts';

/** The file's bytes, gunzipped when the name ends in .gz. */
export function maybeGunzip(bytes: Uint8Array, fileName: string): Uint8Array {
  return /\.gz$/i.test(fileName) ? new Uint8Array(gunzipSync(bytes)) : bytes;
}
