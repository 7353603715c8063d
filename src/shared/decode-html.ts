/**
 * Turns page bytes into text the way a browser would: BOM, then the Content-Type charset, then
 * `<meta>`, then UTF-8 when the bytes are valid UTF-8, else windows-1252. Used for pages Margins
 * fetches itself (imported links) and by the command-line extraction.
 */

export interface DecodedHtml {
  html: string;
  /** The WHATWG encoding name used. */
  encoding: string;
  /** Which rule chose it. */
  source: 'bom' | 'content-type' | 'meta' | 'utf-8-valid' | 'fallback';
}

// windows-1252 bytes 0x80–0x9F; some Node builds decode them as C1 controls (latin1) instead.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes with TextDecoder, mapping windows-1252's 0x80–0x9F range right everywhere (some Node builds do not). */
function decodeAs(encoding: string, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** The WHATWG name for a charset label, or null when TextDecoder does not know it. */
export function encodingForLabel(label: string | null | undefined): string | null {
  const clean = (label ?? '').trim().replace(/^["']|["']$/g, '');
  if (!clean) return null;
  try {
    return new TextDecoder(clean).encoding;
  } catch {
    return null;
  }
}

/** The `charset=` parameter of a Content-Type value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return m?.[2] ?? null;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** A simplified HTML prescan: `<meta charset>` or `<meta http-equiv=content-type content=…charset=…>`. */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252')
    .decode(bytes.subarray(0, 1024))
    .replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (!direct?.[1]) continue;
    const isHttpEquiv = /http-equiv\s*=\s*["']?\s*content-type/i.test(tag);
    if (/\bcharset\s*=/i.test(tag.replace(/content\s*=\s*(["'])[^"']*\1/i, '')) || isHttpEquiv) {
      return direct[1];
    }
  }
  return null;
}

/** Meta-declared UTF-16 cannot be right for ASCII-compatible bytes; the standard reads it as UTF-8. */
function fromMeta(label: string | null): string | null {
  const enc = encodingForLabel(label);
  if (enc === 'utf-16le' || enc === 'utf-16be') return 'utf-8';
  if (enc === 'x-user-defined') return 'windows-1252';
  return enc;
}

/** Decodes page bytes: BOM, then the Content-Type charset, then <meta>, then UTF-8 if valid, else windows-1252. */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const bom = bomEncoding(bytes);
  if (bom) {
    return {
      html: decodeAs(bom.encoding, bytes.subarray(bom.length)),
      encoding: bom.encoding,
      source: 'bom',
    };
  }
  const header = encodingForLabel(charsetFromContentType(contentType));
  if (header)
    return {
      html: decodeAs(header, bytes),
      encoding: header,
      source: 'content-type',
    };
  const meta = fromMeta(metaCharset(bytes));
  if (meta) return { html: decodeAs(meta, bytes), encoding: meta, source: 'meta' };
  try {
    return {
      html: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      source: 'utf-8-valid',
    };
  } catch {
    return {
      html: decodeAs('windows-1252', bytes),
      encoding: 'windows-1252',
      source: 'fallback',
    };
  }
}
