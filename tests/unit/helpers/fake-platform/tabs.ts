import type { Tab, Tabs } from '../../../../src/platform/platform.ts';
import type { InTabCall } from '../../../../src/shared/in-tab.ts';

/** A page's answers to the in-tab calls. */
export type FakePage = { [C in InTabCall]?: () => unknown };

/** A tab as the test sets it up: where it is, and how its page behaves when scripted. */
export interface FakeTabInit {
  /** Absent when Margins may not see the tab's address (no activeTab or host grant). */
  url?: string;
  /** Opening a tab makes it the active one unless this is false. */
  active?: boolean;
  /**
   * What the extraction bundle (shared/in-tab.ts) answers in this page once injected, call by
   * call. Answers may be anything, since a page can be hostile.
   */
  page?: FakePage;
  /** The browser refuses to script this tab, with this message (browser pages, PDF viewer). */
  refuses?: string;
  /** The page never finishes loading: an injection that waits for the load never runs. */
  loading?: boolean;
  /** The page never answers at all (a frozen or hung tab). */
  frozen?: boolean;
}

export interface FakeTab extends FakeTabInit {
  id: number;
  active: boolean;
  /** Extension files injected into the page so far, in order. */
  injected: string[];
}

/** The open tabs of one window; ids start at 1 and are never reused, as in browsers. */
export class FakeTabs implements Tabs {
  private readonly tabs = new Map<number, FakeTab>();
  private nextId = 1;
  /** The tab the page under test is shown in; undefined for a popup. */
  currentTabId: number | undefined;

  open(init: FakeTabInit = {}): FakeTab {
    const tab: FakeTab = { ...init, id: this.nextId++, active: init.active ?? true, injected: [] };
    if (tab.active) for (const other of this.tabs.values()) other.active = false;
    this.tabs.set(tab.id, tab);
    return tab;
  }

  close(tabId: number): void {
    this.tabs.delete(tabId);
  }

  /** The live state of a tab, for the fake's own APIs and for assertions; throws like `get`. */
  state(tabId: number): FakeTab {
    const tab = this.tabs.get(tabId);
    if (!tab) throw new Error(`No tab with id: ${tabId}.`);
    return tab;
  }

  async get(tabId: number): Promise<Tab> {
    return visible(this.state(tabId));
  }

  async query(query: { active?: boolean; currentWindow?: boolean }): Promise<Tab[]> {
    return [...this.tabs.values()]
      .filter((tab) => query.active === undefined || tab.active === query.active)
      .map(visible);
  }

  async create(properties: { url: string }): Promise<Tab> {
    return visible(this.open({ url: properties.url }));
  }

  async getCurrent(): Promise<Tab | undefined> {
    return this.currentTabId === undefined ? undefined : visible(this.state(this.currentTabId));
  }

  /** Every open tab's address, in the order opened. */
  urls(): (string | undefined)[] {
    return [...this.tabs.values()].map((tab) => tab.url);
  }
}

/** What the tabs API tells the extension about a tab. */
function visible(tab: FakeTab): Tab {
  return tab.url === undefined ? { id: tab.id } : { id: tab.id, url: tab.url };
}
