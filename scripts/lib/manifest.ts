/**
 * Derives each browser's manifest from the one top-level manifest.json: Chrome takes the service
 * worker and no Gecko settings; Firefox takes background scripts (an event page).
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
  }
  manifest.background = background;
  return manifest;
}
