/**
 * An in-memory stand-in for the parts of the WebExtension API the background uses. It really
 * keeps tabs and what each would return to an injected script, so tests see actual effects.
 */
export interface FakeTab {
  id: number;
  url?: string;
  /** What the extraction returns in this tab, or an Error the injection throws. */
  extraction: unknown;
}

export const EXTENSION_ORIGIN = 'chrome-extension://margins-test-id/';

export function createFakeBrowser() {
  const tabs = new Map<number, FakeTab>();
  const badges = new Map<number, { text: string; title: string }>();
  const browser = {
    runtime: {
      id: 'margins-test-id',
      getURL: (path: string) => `${EXTENSION_ORIGIN}${path}`,
    },
    i18n: {
      getMessage: (key: string, substitutions?: string | string[]) =>
        substitutions === undefined ? key : `${key}:${[substitutions].flat().join(',')}`,
      getUILanguage: () => 'en-US',
    },
    tabs: {
      get: async (tabId: number) => {
        const tab = tabs.get(tabId);
        if (!tab) throw new Error(`No tab with id: ${tabId}.`);
        return { id: tab.id, url: tab.url };
      },
    },
    scripting: {
      executeScript: async ({ target }: { target: { tabId: number }; files?: string[] }) => {
        const tab = tabs.get(target.tabId);
        if (!tab) throw new Error('No tab');
        if (tab.extraction instanceof Error) throw tab.extraction;
        return [{ result: tab.extraction }];
      },
    },
    action: {
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => {
        badges.set(tabId, { title: badges.get(tabId)?.title ?? '', text });
      },
      setTitle: async ({ tabId, title }: { tabId: number; title: string }) => {
        badges.set(tabId, { text: badges.get(tabId)?.text ?? '', title });
      },
      setBadgeBackgroundColor: async () => undefined,
    },
  };
  return { browser, tabs, badges };
}
