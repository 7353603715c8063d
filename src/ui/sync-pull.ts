import { request } from '../shared/messaging.ts';

/**
 * A page that shows the library opened: the background pulls what changed on other devices,
 * unless it synced moments ago. Nothing waits for it, and a failure only means no pull.
 */
export function requestSyncPull(): void {
  request({ type: 'sync-pull' }).catch(() => undefined);
}
