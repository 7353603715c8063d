/**
 * Derives each browser's manifest from the one top-level manifest.json: Chrome takes the service
 * worker and no Gecko settings; Firefox takes background scripts (an event page), whose page has
 * the DOM Chrome's `offscreen` documents stand in for, so it is not given that permission.
 */
export const TARGETS = ['chrome', 'firefox'] as const;
export type Target = (typeof TARGETS)[number];

type Manifest = Record<string, unknown>;

export function manifestFor(target: Target, source: Manifest): Manifest {
  const manifest: Manifest = structuredClone(source);
  const background = { ...(manifest.background as Record<string, unknown>) };
  if (target === 'chrome') {
    delete background.scripts;
    delete manifest.browser_specific_settings;
  } else {
    delete background.service_worker;
    manifest.permissions = (manifest.permissions as string[]).filter(
      (permission) => permission !== 'offscreen',
    );
  }
  manifest.background = background;
  return manifest;
}
