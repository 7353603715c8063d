/**
 * Background entry (Chrome service worker, Firefox event page). It only wires listeners, all at
 * the top level so a worker woken by an event finds them; nothing here keeps state in memory.
 */
import { openDatabase } from '../db/schema.ts';
import { browser, installPlatform } from '../platform/browser.ts';
import { webExtensionPlatform } from '../platform/webextension.ts';
import { t } from '../shared/i18n.ts';
import { readSettings, SETTINGS_KEY } from '../shared/settings.ts';
import { BACKUP_ALARM, runBackup, scheduleBackup } from './backup.ts';
import { quickAction, type QuickAction } from './quick-action.ts';
import { syncRevisitScript } from './revisit-registration.ts';
import { resumeImageFetching } from './article-images.ts';
import { wireArticleFetching } from './fetch-articles.ts';
import { handleMessage } from './router.ts';
import { wireSync } from './sync.ts';

/** Context-menu items and keyboard commands, and the action each starts. */
const MENU_ACTIONS: Record<string, QuickAction> = {
  'margins-save-page': 'save',
  'margins-highlight-selection': 'highlight',
};
const COMMAND_ACTIONS: Record<string, QuickAction> = {
  'save-page': 'save',
  'highlight-selection': 'highlight',
};

installPlatform(webExtensionPlatform);

const db = openDatabase();
wireSync(db);
wireArticleFetching(db);
resumeImageFetching(db).catch((error: unknown) => console.error('Margins: images', error));

browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, db));

browser.commands.onCommand.addListener((command, tab) => {
  const action = COMMAND_ACTIONS[command];
  if (action) void quickAction(db, tab, action);
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  const action = MENU_ACTIONS[String(info.menuItemId)];
  if (action) void quickAction(db, tab, action);
});

const rescheduleBackup = () => {
  readSettings()
    .then(scheduleBackup)
    .catch((error: unknown) => console.error('Margins: backup schedule', error));
};
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== BACKUP_ALARM) return;
  runBackup(db, new Date()).catch((error: unknown) => console.error('Margins: backup', error));
});
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && SETTINGS_KEY in changes) {
    rescheduleBackup();
    syncRevisit();
  }
});
browser.permissions.onAdded.addListener(rescheduleBackup);
browser.permissions.onRemoved.addListener(rescheduleBackup);

const syncRevisit = () => {
  syncRevisitScript().catch((error: unknown) => console.error('Margins: revisit script', error));
};
browser.permissions.onAdded.addListener(syncRevisit);
browser.permissions.onRemoved.addListener(syncRevisit);
browser.runtime.onStartup.addListener(syncRevisit);

browser.runtime.onInstalled.addListener((details) => {
  syncRevisit();
  browser.contextMenus.create({
    id: 'margins-save-page',
    title: t('menu_save_page'),
    contexts: ['page'],
  });
  browser.contextMenus.create({
    id: 'margins-highlight-selection',
    title: t('menu_highlight_selection'),
    contexts: ['selection'],
  });
  // A first install opens the library with a short welcome, so the user sees where things go.
  if (details.reason === 'install') {
    void browser.tabs.create({ url: browser.runtime.getURL('popup.html?view=tab&welcome=1') });
  }
});
