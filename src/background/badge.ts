/**
 * Saves started without the popup (keyboard command, context menu) report on the toolbar badge.
 */
import { browser } from '../platform/browser.ts';
import { errorMessage, t } from '../shared/i18n.ts';
import type { Reply, SaveOutcome } from '../shared/protocol.ts';

const SUCCESS_COLOUR = '#1b6e3a';
const FAILURE_COLOUR = '#b3261e';

export async function showSaveOutcome(tabId: number, reply: Reply<SaveOutcome>): Promise<void> {
  const title = reply.ok
    ? t(
        reply.value.status === 'created' ? 'badge_saved' : 'badge_updated',
        reply.value.article.title,
      )
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
