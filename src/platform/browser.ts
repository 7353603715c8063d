/**
 * The one seam between Margins and the WebExtension API. Everything that talks to the browser
 * imports it from here, so unit tests can replace this module with an in-memory fake.
 *
 * webextension-polyfill gives Chrome the promise-based `browser.*` namespace Firefox has natively.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs, Menus } from 'webextension-polyfill';
export { browser };
