/**
 * The real browser: webextension-polyfill's promise-based `browser.*` (native in Firefox,
 * wrapped around `chrome.*` in Chrome), seen through Margins' Platform interface. Only entry
 * points import this module; the polyfill throws when loaded outside an extension.
 *
 * Every namespace is read on each use, not once: Chrome adds `downloads` only when the user
 * grants that optional permission, which may happen after this context started.
 */
import polyfill from 'webextension-polyfill';
import type { Offscreen, Platform } from './platform.ts';

export const webExtensionPlatform: Platform = {
  get storage() {
    return polyfill.storage;
  },
  get tabs() {
    return polyfill.tabs;
  },
  get scripting() {
    return polyfill.scripting;
  },
  get permissions() {
    return polyfill.permissions;
  },
  get downloads() {
    return polyfill.downloads;
  },
  get alarms() {
    return polyfill.alarms;
  },
  get contextMenus() {
    return polyfill.contextMenus;
  },
  get commands() {
    return polyfill.commands;
  },
  get action() {
    return polyfill.action;
  },
  get i18n() {
    return polyfill.i18n;
  },
  get runtime() {
    return polyfill.runtime;
  },
  get offscreen() {
    // The polyfill does not wrap it; Chrome's own API returns promises.
    return (globalThis as { chrome?: { offscreen?: Offscreen } }).chrome?.offscreen;
  },
};
