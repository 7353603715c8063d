import type { Action, Commands, ContextMenus, Tab } from '../../../../src/platform/platform.ts';
import { FakeEvent } from './events.ts';

export interface Badge {
  text: string;
  title: string;
  color: string;
}

/** The toolbar button: what its badge and tooltip show in each tab. */
export class FakeAction implements Action {
  private readonly badges = new Map<number, Badge>();

  async setBadgeText({ tabId, text }: { tabId: number; text: string }): Promise<void> {
    this.badges.set(tabId, { ...this.badge(tabId), text });
  }

  async setBadgeBackgroundColor({ tabId, color }: { tabId: number; color: string }): Promise<void> {
    this.badges.set(tabId, { ...this.badge(tabId), color });
  }

  async setTitle({ tabId, title }: { tabId: number; title: string }): Promise<void> {
    this.badges.set(tabId, { ...this.badge(tabId), title });
  }

  /** What the button shows in this tab; empty until something was set there. */
  badge(tabId: number): Badge {
    return { text: '', title: '', color: '', ...this.badges.get(tabId) };
  }
}

export interface MenuItem {
  id: string;
  title: string;
  contexts: ('page' | 'selection')[];
}

/** The context menu's items, and the user's clicks on them. */
export class FakeContextMenus implements ContextMenus {
  readonly onClicked = new FakeEvent<(info: { menuItemId: string | number }, tab?: Tab) => void>();
  private readonly items = new Map<string, MenuItem>();

  create(item: MenuItem): void {
    if (this.items.has(item.id)) throw new Error(`Cannot create item with duplicate id ${item.id}`);
    this.items.set(item.id, structuredClone(item));
  }

  /** Every item created, in order. */
  list(): MenuItem[] {
    return [...this.items.values()];
  }

  /** The user chooses an item; throws for an item that was never created. */
  click(menuItemId: string, tab?: Tab): void {
    if (!this.items.has(menuItemId)) throw new Error(`no menu item ${menuItemId}`);
    this.onClicked.dispatch({ menuItemId }, tab);
  }
}

/** Keyboard shortcuts: the test presses them. */
export class FakeCommands implements Commands {
  readonly onCommand = new FakeEvent<(command: string, tab?: Tab) => void>();

  press(command: string, tab?: Tab): void {
    this.onCommand.dispatch(command, tab);
  }
}
