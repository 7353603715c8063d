// Page-supplied addresses are relative or junk; the snapshot schema only accepts absolute http(s) ones.
const MAX_URL = 8_192;

/** Resolves `value` against `base` and returns it only when it is an absolute http(s) URL. */
export function absoluteHttpUrl(value: string | null | undefined, base: string): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const href = url.href;
    return href.length <= MAX_URL ? href : null;
  } catch {
    return null;
  }
}

/** The host without a leading "www.", or '' for addresses without one (file:, about:). */
export function bareHost(url: string | null | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.replace(/^www\d*\./i, '').toLowerCase();
  } catch {
    return '';
  }
}

/** Collapses whitespace runs (including non-breaking spaces) to one space and trims. */
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

export function collapseSpace(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}
