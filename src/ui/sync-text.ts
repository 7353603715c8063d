/**
 * How sync's state reads on a page: the phase a page shows (a `syncing` state whose worker
 * stopped reporting is not shown as running), each error code in plain words, and when the last
 * sync was. Shared by the popup's footer and the Settings page.
 */
import { t } from '../shared/i18n.ts';
import { isSyncRunning, type SyncErrorCode, type SyncStatus } from '../shared/sync-status.ts';

export type SyncPhase = 'off' | 'idle' | 'syncing' | 'error';

export function syncPhase(status: SyncStatus, now: number): SyncPhase {
  if (!status.enabled) return 'off';
  if (isSyncRunning(status, now)) return 'syncing';
  return status.state === 'error' && status.error ? 'error' : 'idle';
}

/** The message key of a code, `unreachable` → `…_unreachable`, `no-access` → `…_no_access`. */
function keyOf(prefix: string, code: SyncErrorCode): string {
  return `${prefix}_${code.replace(/-/g, '_')}`;
}

/** What went wrong and what happens next, in a sentence (Settings). */
export function syncErrorMessage(error: { code: SyncErrorCode; detail: string }): string {
  // Only for an unexpected failure is the technical detail the one thing that says what it was.
  return error.code === 'failed'
    ? t('sync_error_failed', error.detail)
    : t(keyOf('sync_error', error.code));
}

/** The same in a few words, after "Sync failed:" in the popup's footer. */
export function syncErrorShort(code: SyncErrorCode): string {
  return t(keyOf('sync_reason', code));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Under this, "just now" reads better than "0 minutes ago". */
const JUST_NOW_MS = 45_000;

/** "Synced 3 minutes ago", "Synced yesterday": for a glance at the popup. */
export function syncedAgo(iso: string, now: number, locale: string): string {
  const elapsed = Math.max(0, now - Date.parse(iso));
  if (elapsed < JUST_NOW_MS) return t('sync_state_synced_just_now');
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const ago =
    elapsed < HOUR
      ? relative.format(-Math.max(1, Math.round(elapsed / MINUTE)), 'minute')
      : elapsed < DAY
        ? relative.format(-Math.round(elapsed / HOUR), 'hour')
        : relative.format(-Math.round(elapsed / DAY), 'day');
  return t('sync_state_synced', ago);
}

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

/**
 * "Last synced at 14:05" today, "Last synced 18 Jun 2024, 14:05" before: a time that stays true
 * while the page is open (Settings announces its status line, so it must not tick).
 */
export function lastSyncedText(iso: string, now: number, locale: string): string {
  const at = new Date(iso);
  if (sameDay(at, new Date(now))) {
    return t('sync_last_today', new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(at));
  }
  return t(
    'sync_last_on',
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at),
  );
}
