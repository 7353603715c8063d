// The CLI must decode page bytes the way a browser does, or non-ASCII titles and bodies turn to mojibake.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  charsetFromContentType,
  decodeHtml,
  maybeGunzip,
  metaCharset,
} from '../../../scripts/lib/decode-html.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const page = (head: string, body = 'café'): string =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('decodeHtml', () => {
  it('uses a UTF-8 BOM before anything else', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...utf8(page('<meta charset="windows-1252">')),
    ]);
    const out = decodeHtml(bytes, 'text/html; charset=iso-8859-1');
    expect(out.source).toBe('bom');
    expect(out.html).toContain('café');
    expect(out.html.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('uses a UTF-16LE BOM', () => {
    const text = page('', 'ünï');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(decodeHtml(bytes).html).toBe(text);
  });

  it('prefers the Content-Type charset over <meta>', () => {
    const bytes = utf8(page('<meta charset="shift_jis">'));
    const out = decodeHtml(bytes, 'text/html; charset=utf-8');
    expect(out).toMatchObject({ encoding: 'utf-8', source: 'content-type' });
    expect(out.html).toContain('café');
  });

  it('reads <meta charset> and http-equiv in the first 1024 bytes', () => {
    const bytes = latin1(page('<meta charset="iso-8859-1">', 'caf\u00e9'));
    expect(decodeHtml(bytes)).toMatchObject({ encoding: 'windows-1252', source: 'meta' });
    expect(decodeHtml(bytes).html).toContain('café');
    const equiv = latin1(
      page(
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
        'caf\u00e9',
      ),
    );
    expect(metaCharset(equiv)).toBe('windows-1252');
    const late = latin1(`<!-- ${'x'.repeat(1100)} --><meta charset="koi8-r">`);
    expect(metaCharset(late)).toBeNull();
  });

  it('treats undeclared bytes that are valid UTF-8 as UTF-8', () => {
    const out = decodeHtml(utf8(page('', 'naïve – “quoted”')));
    expect(out).toMatchObject({ encoding: 'utf-8', source: 'utf-8-valid' });
    expect(out.html).toContain('naïve – “quoted”');
  });

  it('falls back to windows-1252 for invalid UTF-8', () => {
    const out = decodeHtml(latin1(page('', 'caf\u00e9 \u0093quoted\u0094')));
    expect(out).toMatchObject({ encoding: 'windows-1252', source: 'fallback' });
    expect(out.html).toContain('café “quoted”');
  });

  it('ignores unknown charset labels', () => {
    expect(decodeHtml(utf8(page('')), 'text/html; charset=no-such-thing').source).toBe(
      'utf-8-valid',
    );
    expect(charsetFromContentType('text/html; charset="UTF-8"')).toBe('UTF-8');
    expect(charsetFromContentType('text/html')).toBeNull();
  });

  it('gunzips .gz files only', () => {
    const bytes = utf8(page(''));
    expect(maybeGunzip(new Uint8Array(gzipSync(bytes)), 'page.html.gz')).toEqual(bytes);
    expect(maybeGunzip(bytes, 'page.html')).toBe(bytes);
  });
});
