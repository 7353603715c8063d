/**
 * Actions started without the popup (keyboard commands, context menu): save the tab, or
 * highlight its selection, then report the outcome on the toolbar badge.
 */
import type { MarginsDatabase } from '../db/schema.ts';
import { browser, type Tab } from '../platform/browser.ts';
import { toReplyError, type Reply } from '../shared/protocol.ts';
import { showOutcome, type BadgeSuccess } from './badge.ts';
import { highlightTab } from './highlight-tab.ts';
import { saveTab } from './save-tab.ts';

export type QuickAction = 'save' | 'highlight';

async function run(db: MarginsDatabase, tabId: number, action: QuickAction): Promise<BadgeSuccess> {
  if (action === 'highlight') {
    const { saved } = await highlightTab(db, tabId);
    return { messageKey: 'badge_highlighted', title: saved.article.title };
  }
  const saved = await saveTab(db, tabId);
  const messageKey = saved.status === 'created' ? 'badge_saved' : 'badge_updated';
  return { messageKey, title: saved.article.title };
}

export async function quickAction(
  db: MarginsDatabase,
  tab: Tab | undefined,
  action: QuickAction,
): Promise<Reply<BadgeSuccess> | null> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return null;
  let reply: Reply<BadgeSuccess>;
  try {
    reply = { ok: true, value: await run(db, tabId, action) };
  } catch (error) {
    reply = { ok: false, error: toReplyError(error) };
  }
  await showOutcome(tabId, reply);
  return reply;
}
