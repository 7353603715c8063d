/**
 * The site access Margins asks for to fetch pages of many sites (imported links): one match
 * pattern per site while they are few, so the user grants exactly those; all sites when they
 * are many, where a list of hundreds would be no choice at all.
 */
import { browser } from '../platform/browser.ts';
import { readSettings, writeSettings } from './settings.ts';

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

/**
 * The features that use site access to every site: showing highlights on revisited pages, and
 * keeping images from every site. Each is a setting as well, so turning one on does not turn
 * the other on with it, and turning one off gives the access back only if the other is off.
 */
export type AllSitesFeature = 'revisitHighlights' | 'keepImagesFromAllSites';

const OTHER: Record<AllSitesFeature, AllSitesFeature> = {
  revisitHighlights: 'keepImagesFromAllSites',
  keepImagesFromAllSites: 'revisitHighlights',
};

/** Whether a feature that needs every site is on: its setting, and the access granted. */
export async function allSitesFeatureOn(feature: AllSitesFeature): Promise<boolean> {
  const [settings, granted] = await Promise.all([readSettings(), holdsAllSites()]);
  return granted && settings[feature];
}

/** Whether site access to every site is held, whichever feature asked for it. */
export function holdsAllSites(): Promise<boolean> {
  return browser.permissions.contains({ origins: ALL_SITES });
}

/**
 * Turns a feature on: asks for the access (the browser's prompt, so call it in the click's own
 * task) and, if granted, records the setting. When the access was not held before the click
 * (`heldBefore`), the other feature was not in use, so it is recorded as off, lest the grant
 * switch it on too. Returns whether the feature is now on.
 */
export async function turnOnAllSitesFeature(
  feature: AllSitesFeature,
  heldBefore: boolean,
): Promise<boolean> {
  // Started before the prompt: the background reads it when the grant arrives (and syncs again
  // on any later change of the settings).
  const recording = heldBefore ? Promise.resolve() : writeSettings({ [OTHER[feature]]: false });
  const granted = await browser.permissions.request({ origins: ALL_SITES });
  await recording;
  if (granted) await writeSettings({ [feature]: true });
  return granted;
}

/** Turns a feature off, and gives the access back unless the other feature still uses it. */
export async function turnOffAllSitesFeature(feature: AllSitesFeature): Promise<void> {
  const settings = await writeSettings({ [feature]: false });
  if (!settings[OTHER[feature]]) await browser.permissions.remove({ origins: ALL_SITES });
}
