/**
 * Saves started without the popup (keyboard command, context menu): save the tab, then report the
 * outcome on the toolbar badge, since no page is open to show it.
 */
import type { MarginsDatabase } from '../db/schema.ts';
import { browser, type Tabs } from '../platform/browser.ts';
import { toReplyError, type Reply, type SaveOutcome } from '../shared/protocol.ts';
import { showSaveOutcome } from './badge.ts';
import { saveTab } from './save-tab.ts';

export async function quickSave(
  db: MarginsDatabase,
  tab: Tabs.Tab | undefined,
): Promise<Reply<SaveOutcome> | null> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return null;
  let reply: Reply<SaveOutcome>;
  try {
    reply = { ok: true, value: await saveTab(db, tabId) };
  } catch (error) {
    reply = { ok: false, error: toReplyError(error) };
  }
  await showSaveOutcome(tabId, reply);
  return reply;
}
