/**
 * Metadata values are written by page authors and sometimes carry markup; the record keeps only
 * the words.
 */
import { collapseSpace } from '../../shared/article-html/text.ts';

/**
 * HTML elements written inside a metadata value (an og:title or author meta carrying `<img …>`).
 * Only real element names are matched, so a headline about "the <dialog> element" keeps it.
 */
const MARKUP =
  /<\/?(?:a|abbr|b|br|div|em|embed|font|i|iframe|img|link|math|meta|object|p|script|small|span|strong|style|sub|sup|svg|u)\b[^<>]*>/gi;
const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** The few named character references that metadata writers escape twice. */
const NAMED: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: ' ',
};
const REFERENCE = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|quot|apos|lt|gt|nbsp));/gi;

/**
 * Character references left in a value: JSON-LD is not HTML, yet CMSs write its strings with
 * them ("Wohngew&#x00E4;chshaus&#x20;selber&#x20;bauen"), and some escape an og:title twice
 * ("Tom &amp;amp; Jerry").
 */
function decodeReferences(text: string): string {
  return text.replace(REFERENCE, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name.toLowerCase()] ?? whole;
    const code = dec ? Number(dec) : parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}

/**
 * A metadata value as the words a reader should see: markup removed, character references
 * decoded, whitespace collapsed.
 */
export function plainText(text: string | null | undefined): string {
  return collapseSpace(
    decodeReferences((text ?? '').replace(SCRIPT_OR_STYLE, ' ').replace(MARKUP, ' ')),
  );
}
