/**
 * Background entry (Chrome service worker, Firefox event page). It only wires listeners, all at
 * the top level so a worker woken by an event finds them; nothing here keeps state in memory.
 */
import { openDatabase } from '../db/schema.ts';
import { browser, type Runtime, type Tabs } from '../platform/browser.ts';
import { t } from '../shared/i18n.ts';
import { toReplyError, type Reply, type SaveOutcome } from '../shared/protocol.ts';
import { showSaveOutcome } from './badge.ts';
import { handleMessage } from './router.ts';
import { saveTab } from './save-tab.ts';

const SAVE_MENU_ID = 'margins-save-page';
const SAVE_COMMAND = 'save-page';

const db = openDatabase();

async function saveWithBadge(tab: Tabs.Tab | undefined): Promise<void> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  let reply: Reply<SaveOutcome>;
  try {
    reply = { ok: true, value: await saveTab(db, tabId) };
  } catch (error) {
    reply = { ok: false, error: toReplyError(error) };
  }
  await showSaveOutcome(tabId, reply);
}

const onMessage: Runtime.OnMessageListenerAsync = (message, sender) =>
  handleMessage(message, sender, db);
browser.runtime.onMessage.addListener(onMessage);

browser.commands.onCommand.addListener((command, tab) => {
  if (command === SAVE_COMMAND) void saveWithBadge(tab);
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === SAVE_MENU_ID) void saveWithBadge(tab);
});

browser.runtime.onInstalled.addListener((details) => {
  browser.contextMenus.create({ id: SAVE_MENU_ID, title: t('menu_save_page'), contexts: ['page'] });
  // A first install opens the library with a short welcome, so the user sees where things go.
  if (details.reason === 'install') {
    void browser.tabs.create({ url: browser.runtime.getURL('popup.html?view=tab&welcome=1') });
  }
});
