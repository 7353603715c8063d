/**
 * The browser in unit tests: one fake of the whole Platform interface, with real behaviour
 * (storage that stores and announces changes, permissions the user grants and revokes, downloads
 * that keep files, alarms the test fires, tabs whose pages answer injected scripts, messages
 * delivered to listeners, the extension's real message catalogues). The compiler checks it
 * against the interface, so it cannot drift from what product code calls.
 *
 * tests/unit/setup.ts installs a fresh one before every test; a test that drives or inspects
 * the browser installs its own with `installFakePlatform()` and keeps the handle.
 */
import { installPlatform, type Platform } from '../../../src/platform/browser.ts';
import { FakeAlarms } from './fake-platform/alarms.ts';
import { FakeDownloads } from './fake-platform/downloads.ts';
import { FakeI18n } from './fake-platform/i18n.ts';
import { FakePermissions } from './fake-platform/permissions.ts';
import { FakeOffscreen } from './fake-platform/offscreen.ts';
import { EXTENSION_ID, FakeRuntime } from './fake-platform/runtime.ts';
import { FakeScripting } from './fake-platform/scripting.ts';
import { FakeStorage } from './fake-platform/storage.ts';
import { FakeTabs } from './fake-platform/tabs.ts';
import { FakeAction, FakeCommands, FakeContextMenus } from './fake-platform/ui.ts';

export { DOWNLOADS_FOLDER } from './fake-platform/downloads.ts';
export { EXTENSION_ID, EXTENSION_ORIGIN } from './fake-platform/runtime.ts';
export type { FakeTab, FakeTabInit } from './fake-platform/tabs.ts';

export interface FakePlatformOptions {
  /** The browser's UI language; `en-US` unless given. */
  language?: string;
  /** The clock of alarms and downloads; Date.now, so `vi.setSystemTime` moves it. */
  now?: () => number;
}

export class FakePlatform implements Platform {
  readonly storage = new FakeStorage();
  readonly tabs = new FakeTabs();
  readonly scripting = new FakeScripting(this.tabs);
  readonly permissions = new FakePermissions();
  readonly downloads: FakeDownloads;
  readonly alarms: FakeAlarms;
  readonly contextMenus = new FakeContextMenus();
  readonly commands = new FakeCommands();
  readonly action = new FakeAction();
  readonly i18n: FakeI18n;
  readonly runtime = new FakeRuntime(this.tabs);
  /** Chrome's; a test of Firefox's behaviour sets it to undefined. */
  offscreen: FakeOffscreen | undefined = new FakeOffscreen();

  constructor(options: FakePlatformOptions = {}) {
    const now = options.now ?? (() => Date.now());
    this.downloads = new FakeDownloads(this.permissions, now);
    this.alarms = new FakeAlarms(now);
    this.i18n = new FakeI18n(options.language ?? 'en-US', EXTENSION_ID);
  }

  /**
   * The browser closes and opens again: session storage is emptied and onStartup fires; local
   * storage, alarms, grants and registered content scripts stay, as they do in browsers.
   */
  restartBrowser(): void {
    this.storage.session.forgetAll();
    this.runtime.onStartup.dispatch();
  }
}

/** A fresh fake browser, installed as the one `browser` (src/platform/browser.ts) reads. */
export function installFakePlatform(options?: FakePlatformOptions): FakePlatform {
  const platform = new FakePlatform(options);
  installPlatform(platform);
  return platform;
}
