// Builds a jsdom page like a browser tab would show it, but with no scripts, network or subresources.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeHtml, maybeGunzip } from './decode-html.ts';

export interface PageSource {
  file: string;
  /** Address to parse the page as; defaults to the file's file:// URL. */
  url?: string | null;
  contentType?: string | null;
}

/** Every `<style>` element of a page, emptied. */
const STYLE_SHEETS = /(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi;

/**
 * A DOM of already-decoded HTML served at `url`; the caller closes `dom.window` when done.
 * jsdom's CSS parser throws on some stylesheets a browser skips (`calc(~100% + 1px)`), which
 * fails the whole parse: such a page is built again with its `<style>` elements empty, as
 * extraction reads no stylesheet.
 */
export function buildPageDom(html: string, url: string): JSDOM {
  // A silent console: page CSS jsdom cannot parse must not pollute the CLI's output.
  try {
    return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  } catch {
    return new JSDOM(html.replace(STYLE_SHEETS, '$1$2'), {
      url,
      virtualConsole: new VirtualConsole(),
    });
  }
}

/** Reads, gunzips and decodes a saved page and builds its DOM. */
export function loadPageDom(source: PageSource): JSDOM {
  const bytes = maybeGunzip(new Uint8Array(readFileSync(source.file)), source.file);
  const { html } = decodeHtml(bytes, source.contentType);
  const url = source.url || pathToFileURL(path.resolve(source.file)).href;
  return buildPageDom(html, url);
}
