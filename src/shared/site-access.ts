/**
 * The site access Margins asks for to fetch pages of many sites (imported links): one match
 * pattern per site while they are few, so the user grants exactly those; all sites when they
 * are many, where a list of hundreds would be no choice at all.
 */

/** More sites than this are asked for as "all sites". */
export const MAX_LISTED_SITES = 50;

export const ALL_SITES = ['http://*/*', 'https://*/*'];

/** The match pattern of a page's site (scheme and host, any path; a port is not part of it). */
export function sitePatternOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${hostname}/*` : null;
  } catch {
    return null;
  }
}

/** What to ask for to reach every one of these pages. */
export function siteAccessFor(urls: readonly string[]): string[] {
  const sites = new Set<string>();
  for (const url of urls) {
    const pattern = sitePatternOf(url);
    if (pattern) sites.add(pattern);
  }
  return sites.size > MAX_LISTED_SITES ? ALL_SITES : [...sites].sort();
}
