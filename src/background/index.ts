/**
 * Background entry (Chrome service worker, Firefox event page). It only wires listeners, all at
 * the top level so a worker woken by an event finds them; nothing here keeps state in memory.
 */
import { openDatabase } from '../db/schema.ts';
import { browser, type Runtime } from '../platform/browser.ts';
import { t } from '../shared/i18n.ts';
import { quickSave } from './quick-save.ts';
import { handleMessage } from './router.ts';

const SAVE_MENU_ID = 'margins-save-page';
const SAVE_COMMAND = 'save-page';

const db = openDatabase();

const onMessage: Runtime.OnMessageListenerAsync = (message, sender) =>
  handleMessage(message, sender, db);
browser.runtime.onMessage.addListener(onMessage);

browser.commands.onCommand.addListener((command, tab) => {
  if (command === SAVE_COMMAND) void quickSave(db, tab);
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === SAVE_MENU_ID) void quickSave(db, tab);
});

browser.runtime.onInstalled.addListener((details) => {
  browser.contextMenus.create({ id: SAVE_MENU_ID, title: t('menu_save_page'), contexts: ['page'] });
  // A first install opens the library with a short welcome, so the user sees where things go.
  if (details.reason === 'install') {
    void browser.tabs.create({ url: browser.runtime.getURL('popup.html?view=tab&welcome=1') });
  }
});
