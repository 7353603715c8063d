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

/** A metadata value as the words a reader should see: markup removed, whitespace collapsed. */
export function plainText(text: string | null | undefined): string {
  return collapseSpace((text ?? '').replace(SCRIPT_OR_STYLE, ' ').replace(MARKUP, ' '));
}
