/**
 * The browser as Margins uses it: exactly the WebExtension calls the extension makes, and no
 * more. Product code reaches them through `browser` (./browser.ts); the extension's entry points
 * install the real implementation (./webextension.ts), unit tests a fake that keeps state
 * (tests/unit/helpers/fake-platform.ts). Both are checked against this interface by the compiler,
 * so a call added here must be given real behaviour in the fake too.
 *
 * The types are narrowed to the fields Margins reads; the browser's own objects carry more.
 */

/** A browser event. Listeners must be added at the top level of the background (see index.ts). */
export interface PlatformEvent<Listener extends (...args: never[]) => unknown> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

export interface StorageArea {
  /** The stored values of these keys; keys never stored are absent from the result. */
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export interface Storage {
  /** Kept on this device across restarts. */
  local: StorageArea;
  /** Kept in memory until the browser or the extension restarts. */
  session: StorageArea;
  onChanged: PlatformEvent<(changes: Record<string, StorageChange>, areaName: string) => void>;
}

export interface Tab {
  id?: number;
  /** Absent unless Margins may read this tab (activeTab, or a granted host). */
  url?: string;
}

export interface Tabs {
  get(tabId: number): Promise<Tab>;
  query(query: { active?: boolean; currentWindow?: boolean }): Promise<Tab[]>;
  create(properties: { url: string }): Promise<Tab>;
  /** The tab the calling page is shown in; undefined in a popup. */
  getCurrent(): Promise<Tab | undefined>;
}

/** Runs files, or one self-contained function, in a tab's isolated world. */
export type ScriptInjection = {
  target: { tabId: number };
  /** Run now instead of waiting for the page to finish loading. */
  injectImmediately?: boolean;
} & ({ files: string[]; func?: never } | { func: () => unknown; files?: never });

export interface RegisteredContentScript {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
}

export interface Scripting {
  /** One result per frame; `result` is the function's return value, structured-cloned. */
  executeScript(injection: ScriptInjection): Promise<{ result?: unknown }[]>;
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredContentScript[]>;
  registerContentScripts(scripts: RegisteredContentScript[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
}

/** API permissions Margins asks for at run time (manifest.json's optional_permissions). */
export type OptionalPermission = 'downloads';

/** What to ask for, check or give back: API permissions and host match patterns. */
export interface PermissionRequest {
  permissions?: OptionalPermission[];
  /** Match patterns such as `https://couch.example.org/*`. */
  origins?: string[];
}

/** Permissions as the browser reports them: any permission name, and host match patterns. */
export interface PermissionSet {
  permissions?: string[];
  origins?: string[];
}

export interface Permissions {
  /** Whether everything asked for is granted (a broader grant covers a narrower pattern). */
  contains(wanted: PermissionRequest): Promise<boolean>;
  /** Asks the user; only within a user gesture. True when everything asked for is granted. */
  request(wanted: PermissionRequest): Promise<boolean>;
  remove(unwanted: PermissionRequest): Promise<boolean>;
  /** Granted from Margins' own request or the browser's extension settings. */
  onAdded: PlatformEvent<(added: PermissionSet) => void>;
  onRemoved: PlatformEvent<(removed: PermissionSet) => void>;
}

export interface DownloadItem {
  id: number;
  /** The absolute path the file was written to. */
  filename: string;
  /** ISO 8601. */
  startTime: string;
}

export interface DownloadOptions {
  url: string;
  /** Relative to the downloads folder; may name subfolders. */
  filename: string;
  saveAs?: boolean;
  conflictAction?: 'uniquify' | 'overwrite' | 'prompt';
}

export interface DownloadQuery {
  id?: number;
  /** Whether the file is still on disk. */
  exists?: boolean;
  /** Field names, `-` first for descending; Margins sorts by start time. */
  orderBy?: ('startTime' | '-startTime')[];
}

/** Present only while the optional `downloads` permission is granted. */
export interface Downloads {
  download(options: DownloadOptions): Promise<number>;
  search(query: DownloadQuery): Promise<DownloadItem[]>;
  /** Deletes the file from disk; its entry stays in the downloads list. */
  removeFile(downloadId: number): Promise<void>;
  /** Removes entries from the downloads list (not the files). */
  erase(query: DownloadQuery): Promise<number[]>;
}

export interface Alarm {
  name: string;
  /** When it fires next, in milliseconds since the epoch. */
  scheduledTime: number;
  periodInMinutes?: number;
}

export interface AlarmSchedule {
  /** Milliseconds since the epoch. */
  when?: number;
  delayInMinutes?: number;
  periodInMinutes?: number;
}

export interface Alarms {
  /** Replaces an alarm of the same name. Alarms outlive the background's sleep. */
  create(name: string, schedule: AlarmSchedule): Promise<void>;
  get(name: string): Promise<Alarm | undefined>;
  /** True when there was an alarm of that name. */
  clear(name: string): Promise<boolean>;
  onAlarm: PlatformEvent<(alarm: Alarm) => void>;
}

export interface ContextMenus {
  create(item: { id: string; title: string; contexts: ('page' | 'selection')[] }): void;
  onClicked: PlatformEvent<(info: { menuItemId: string | number }, tab?: Tab) => void>;
}

export interface Commands {
  /** A keyboard shortcut from manifest.json's `commands`. */
  onCommand: PlatformEvent<(command: string, tab?: Tab) => void>;
}

/** The toolbar button's badge and tooltip, per tab. */
export interface Action {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

export interface I18n {
  /** The message in the UI language (public/_locales), or '' when the key is unknown. */
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

/** Who sent a runtime message. */
export interface MessageSender {
  /** The sending extension's id. */
  id?: string;
  /** The sending page or frame. */
  url?: string;
  /** Set when a content script in a tab sent it. */
  tab?: Tab;
}

export interface Runtime {
  /** This extension's id. */
  readonly id: string;
  /** The address of a file in the extension, e.g. `reader.html?id=…`. */
  getURL(path: string): string;
  openOptionsPage(): Promise<void>;
  /**
   * The browser's OS and processor. Sync calls it only because it is the cheapest call there is:
   * any extension API call keeps Chrome's service worker up for 30 s more (sync/keep-alive.ts).
   */
  getPlatformInfo(): Promise<{ os: string; arch: string }>;
  /** Delivers to the other contexts' onMessage listeners; resolves with the first answer. */
  sendMessage(message: unknown): Promise<unknown>;
  /** A listener answers by returning a promise; returning undefined leaves it to others. */
  onMessage: PlatformEvent<
    (message: unknown, sender: MessageSender) => Promise<unknown> | undefined
  >;
  onInstalled: PlatformEvent<(details: { reason: string }) => void>;
  onStartup: PlatformEvent<() => void>;
}

/**
 * Chrome's offscreen documents: a hidden extension page with a DOM, for work the service worker
 * cannot do (parsing fetched pages). Firefox has none; its background page has a DOM itself.
 */
export interface Offscreen {
  /** Fails while one is open: an extension has at most one. */
  createDocument(parameters: {
    url: string;
    reasons: string[];
    justification: string;
  }): Promise<void>;
  closeDocument(): Promise<void>;
}

export interface Platform {
  storage: Storage;
  tabs: Tabs;
  scripting: Scripting;
  permissions: Permissions;
  downloads: Downloads;
  alarms: Alarms;
  contextMenus: ContextMenus;
  commands: Commands;
  action: Action;
  i18n: I18n;
  runtime: Runtime;
  /** Undefined where the browser has no offscreen documents (Firefox). */
  offscreen: Offscreen | undefined;
}
