/**
 * Reads <meta>/<link> values once so the field rules can ask for them by key, in priority order.
 */
import type { PageIndex } from './scan.ts';
import { absoluteHttpUrl } from '../../shared/url.ts';
import { collapseSpace } from '../../shared/article-html/text.ts';

export interface PageMeta {
  /** First non-empty value of the first key present, keys compared lowercase. */
  get(...keys: string[]): string | null;
  /** All values of one key, in document order. */
  all(key: string): string[];
  canonicalUrl: string | null;
}

/**
 * Collects `<meta name|property|itemprop|http-equiv content>` and the canonical link of the page
 * (one pass).
 */
export function readMeta(page: PageIndex): PageMeta {
  const values = new Map<string, string[]>();
  for (const meta of page.tagged('meta')) {
    const content = collapseSpace(meta.getAttribute('content') ?? meta.getAttribute('value'));
    if (!content) continue;
    // `property` may hold several space-separated names (RDFa); name/itemprop hold one.
    const keys = [
      ...(meta.getAttribute('property') ?? '').split(/\s+/),
      meta.getAttribute('name') ?? '',
      // Microdata is a source of its own: itemprop keys are kept apart from named tags.
      meta.hasAttribute('itemprop') ? `itemprop:${meta.getAttribute('itemprop') ?? ''}` : '',
      meta.getAttribute('http-equiv') ?? '',
    ];
    for (const key of keys) {
      const k = key.trim().toLowerCase();
      if (!k) continue;
      const list = values.get(k) ?? [];
      list.push(content);
      values.set(k, list);
    }
  }
  let canonicalUrl: string | null = null;
  for (const link of page.tagged('link')) {
    if (!/(?:^|\s)canonical(?:\s|$)/i.test(link.getAttribute('rel') ?? '')) continue;
    canonicalUrl = absoluteHttpUrl(link.getAttribute('href'), page.base);
    if (canonicalUrl) break;
  }
  return {
    get(...keys) {
      for (const key of keys) {
        const first = values.get(key.toLowerCase())?.[0];
        if (first) return first;
      }
      return null;
    },
    all: (key) => values.get(key.toLowerCase()) ?? [],
    canonicalUrl,
  };
}

/** The metadata of a page whose tags could not be read: every source then reads nothing. */
export const NO_META: PageMeta = { get: () => null, all: () => [], canonicalUrl: null };
