/**
 * Actions started without the popup (keyboard commands, context menu) report on the toolbar
 * badge: a tick or an exclamation mark, and a tooltip that says what happened.
 */
import { browser } from '../platform/browser.ts';
import { errorMessage, t } from '../shared/i18n.ts';
import type { Reply } from '../shared/protocol.ts';

const SUCCESS_COLOUR = '#1b6e3a';
const FAILURE_COLOUR = '#b3261e';

/** What a successful action says: a message key taking the article's title. */
export interface BadgeSuccess {
  messageKey: 'badge_saved' | 'badge_updated' | 'badge_highlighted';
  title: string;
}

export async function showOutcome(tabId: number, reply: Reply<BadgeSuccess>): Promise<void> {
  const title = reply.ok
    ? t(reply.value.messageKey, reply.value.title)
    : errorMessage(reply.error.code);
  await Promise.all([
    browser.action.setBadgeBackgroundColor({
      tabId,
      color: reply.ok ? SUCCESS_COLOUR : FAILURE_COLOUR,
    }),
    browser.action.setBadgeText({ tabId, text: reply.ok ? '✓' : '!' }),
    browser.action.setTitle({ tabId, title }),
  ]);
}
