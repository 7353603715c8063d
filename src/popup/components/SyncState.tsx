import { browser } from '../../platform/browser.ts';
import { t, uiLanguage } from '../../shared/i18n.ts';
import type { SyncStatus } from '../../shared/sync-status.ts';
import { syncedAgo, syncErrorShort, syncPhase } from '../../ui/sync-text.ts';
import { useNow, useSyncStatus } from '../../ui/use-sync-status.ts';

function stateText(status: SyncStatus, phase: ReturnType<typeof syncPhase>, now: number): string {
  if (phase === 'syncing') return t('sync_state_syncing');
  if (phase === 'error' && status.error) {
    return t('sync_state_failed', syncErrorShort(status.error.code));
  }
  return status.lastSuccessAt
    ? syncedAgo(status.lastSuccessAt, now, uiLanguage())
    : t('sync_never');
}

/**
 * The popup footer's one line on sync: when it last synced, that it is syncing, or that it
 * failed and why, linking to Settings where it is explained. Nothing while sync is off.
 */
export function SyncState() {
  const [status] = useSyncStatus();
  const now = useNow(15_000);
  if (status === null) return null;
  const phase = syncPhase(status, now);
  if (phase === 'off') return <p class="sync-state" data-state="off" hidden />;
  return (
    <p class="sync-state settings-link" data-state={phase}>
      <a
        href={browser.runtime.getURL('options.html')}
        onClick={(event) => {
          event.preventDefault();
          void browser.runtime.openOptionsPage();
        }}
      >
        {stateText(status, phase, now)}
      </a>
    </p>
  );
}
