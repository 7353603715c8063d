/**
 * The one seam between Margins and the WebExtension API: everything that talks to the browser
 * imports `browser` from here. Which browser it is gets decided once per context: each entry
 * point installs the real one (webextension.ts) before it does anything else, and the unit
 * tests' setup installs a fake that keeps state. Nothing else ever calls `installPlatform`.
 *
 * A module-level instance rather than a parameter: `t()` and the settings are read by nearly
 * every component and by the background alike, and a context only ever has one browser, so
 * threading it through every call would change hundreds of signatures to say nothing new.
 */
import type { Platform } from './platform.ts';

export type * from './platform.ts';

let installed: Platform | undefined;

export function installPlatform(platform: Platform): void {
  installed = platform;
}

function current(): Platform {
  if (!installed)
    throw new Error('Margins: no browser installed; the entry point must do it first');
  return installed;
}

/** The browser installed for this context; reads through, so a later install takes effect. */
export const browser: Platform = {
  get storage() {
    return current().storage;
  },
  get tabs() {
    return current().tabs;
  },
  get scripting() {
    return current().scripting;
  },
  get permissions() {
    return current().permissions;
  },
  get downloads() {
    return current().downloads;
  },
  get alarms() {
    return current().alarms;
  },
  get contextMenus() {
    return current().contextMenus;
  },
  get commands() {
    return current().commands;
  },
  get action() {
    return current().action;
  },
  get i18n() {
    return current().i18n;
  },
  get runtime() {
    return current().runtime;
  },
  get offscreen() {
    return current().offscreen;
  },
};
