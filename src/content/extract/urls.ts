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
export function collapseSpace(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}
