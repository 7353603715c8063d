/**
 * URL rules: which pages can be saved, and the key that makes two addresses "the same article".
 */

/** Query parameters that only track where a click came from; they never change the article. */
const TRACKING_PARAMS = [
  /^utm_/i,
  /^(fbclid|gclid|dclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|ocid|cmpid|xtor)$/i,
];

/**
 * A stable key for an address: lower-case host, no default port, no fragment, no tracking
 * parameters, remaining parameters sorted, no trailing slash. Returns null for non-web URLs.
 */
export function normalizeUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams].filter(
    ([name]) => !TRACKING_PARAMS.some((pattern) => pattern.test(name)),
  );
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  // http and https copies of one article are the same article.
  const host = url.host.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  return `${host}${path}${url.search}`;
}

/** Every key under which an article may be found again: its address and its canonical address. */
export function urlKeysOf(article: { url: string; canonicalUrl: string | null }): string[] {
  const keys = [
    normalizeUrl(article.url),
    article.canonicalUrl && normalizeUrl(article.canonicalUrl),
  ];
  return [...new Set(keys.filter((key): key is string => typeof key === 'string'))];
}

/** Hosts where browsers forbid extensions to run scripts (extension stores). */
const STORE_HOSTS = new Set([
  'chromewebstore.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
]);

/**
 * Whether a tab's address is one Margins can never read: browser pages, extension pages,
 * extension stores, the built-in PDF viewer, view-source and the like. An unknown address
 * (undefined: the browser did not tell us) is not restricted here; the injection decides.
 */
export function isRestrictedUrl(raw: string | undefined): boolean {
  if (raw === undefined || raw === '') return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return true;
  }
  if (url.protocol === 'file:') return false;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return true;
  if (STORE_HOSTS.has(url.hostname)) return true;
  if (url.hostname === 'chrome.google.com' && url.pathname.startsWith('/webstore')) return true;
  return false;
}

/**
 * The host an address names, lowercase and without a leading "www." (or "www2."…): the site's
 * name when the page states none, and how the extraction tells the page's own site from others.
 * '' when the address names no host (file:, about:, not an address at all).
 */
export function hostOf(url: string | null | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.replace(/^www\d*\./i, '').toLowerCase();
  } catch {
    return '';
  }
}

/** Addresses longer than this are not kept: no real article address comes near it. */
const MAX_URL = 8_192;

/**
 * Resolves a page-supplied address (relative, or junk) against `base` and returns it only when it
 * is an absolute http(s) URL: the snapshot schema accepts no other kind.
 */
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
