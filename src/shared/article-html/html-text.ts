/**
 * The plain text of an article body read straight from its HTML, without a DOM: the background
 * (a service worker in Chrome, with no DOMParser) derives the body text from the stored
 * `contentHtml` when it indexes or exports an article, so records do not carry the text twice.
 *
 * The HTML it reads is always a DOM serialiser's output (the body is sanitised and serialised
 * wherever it is made), so the input is well formed: tags are closed, attribute values are in
 * double quotes, and text escapes only `&`, `<`, `>` and the no-break space. The result is the
 * same as `blockText` on the parsed body: one line per block, spaces collapsed inside lines.
 */
import { BLOCK, CELL, linesOf, SKIP } from './text.ts';

/** A comment, a tag (its attributes may hold `>` inside quotes), or a run of text. */
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;
/** Elements whose content is raw text: a `<` inside them is not a tag. */
const RAW_TEXT = new Set(['SCRIPT', 'STYLE']);
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/g;

function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** Plain text of serialised body HTML, one newline between blocks (see `blockText`). */
export function htmlText(html: string): string {
  const parts: string[] = [];
  let preDepth = 0;
  /** Inside a skipped element (noscript, template): its name and how deep its own kind nests. */
  let skipping: { tag: string; depth: number } | null = null;
  let lowerCase: string | null = null;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const [token, closing, name, attributes] = match;
    if (name === undefined) {
      if (skipping || token.startsWith('<!--')) continue;
      const text = decodeReferences(token);
      parts.push(preDepth > 0 ? text : text.replace(/[ \t\n\r\f]+/g, ' '));
      continue;
    }
    const tag = name.toUpperCase();
    const selfClosing = (attributes ?? '').trimEnd().endsWith('/');
    if (skipping) {
      if (tag === skipping.tag && !selfClosing) skipping.depth += closing ? -1 : 1;
      if (skipping.depth === 0) skipping = null;
      continue;
    }
    if (!closing && SKIP.has(tag)) {
      if (RAW_TEXT.has(tag)) {
        lowerCase ??= html.toLowerCase();
        const end = lowerCase.indexOf(`</${name.toLowerCase()}`, TOKEN.lastIndex);
        TOKEN.lastIndex = end < 0 ? html.length : end;
        // The closing tag that follows is read as an ordinary closing tag of a skipped element.
      } else if (!selfClosing) {
        skipping = { tag, depth: 1 };
      }
      continue;
    }
    if (BLOCK.has(tag)) parts.push('\n');
    else if (CELL.has(tag) && !closing) parts.push(' ');
    if (tag === 'PRE') preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
  }
  return linesOf(parts.join(''));
}
